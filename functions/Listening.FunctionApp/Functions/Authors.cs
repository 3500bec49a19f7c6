using Listening.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Listening.FunctionApp.Functions;

/// <summary><c>GET /api/authors/{id}/points</c> and <c>DELETE /api/authors/{id}</c>: <see cref="AuthorEndpoints"/>.</summary>
public sealed class Authors(IResponseStore store, TimeProvider time, ILoggerFactory loggers)
{
    [Function(AuthorEndpoints.PointsName)]
    public Task<IActionResult> GetPoints([HttpTrigger(AuthorizationLevel.Function, "get", Route = "authors/{id}/points")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        AuthorEndpoints.GetPointsAsync(id, store, cancellationToken).AsAction();

    [Function(AuthorEndpoints.EraseName)]
    public Task<IActionResult> Erase([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "authors/{id}")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        AuthorEndpoints.EraseAsync(id, store, time, loggers, cancellationToken).AsAction();
}
