using Listening.Access;
using Listening.Pipeline;
using Listening.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Listening.FunctionApp.Functions;

/// <summary><c>GET /api/authors/{id}/points</c>, <c>DELETE /api/authors/{id}</c>, <c>POST /api/erasures</c>: <see cref="AuthorEndpoints"/>.
/// Each has its own function keys; with App Service authentication the erasures also need an Entra ID app role (docs/security.md).</summary>
public sealed class Authors(IResponseStore store, AuthorLinks links, AuthorErasure erasure, IOptions<HttpEdgeOptions> edge, TimeProvider time, ILoggerFactory loggers)
{
    [Function(AuthorEndpoints.PointsName)]
    public Task<IActionResult> GetPoints([HttpTrigger(AuthorizationLevel.Function, "get", Route = "authors/{id}/points")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        AuthorEndpoints.GetPointsAsync(id, request.HttpContext, store, links, cancellationToken).AsAction();

    [Function(AuthorEndpoints.EraseName)]
    public Task<IActionResult> Erase([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "authors/{id}")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        AuthorEndpoints.EraseAsync(id, erasure, cancellationToken).AsAction();

    [Function(AuthorEndpoints.ErasureName)]
    public Task<IActionResult> RequestErasure([HttpTrigger(AuthorizationLevel.Function, "post", Route = "erasures")] HttpRequest request,
        CancellationToken cancellationToken) =>
        AuthorEndpoints.RequestErasureAsync(request, erasure, edge, time, loggers, cancellationToken).AsAction();
}
