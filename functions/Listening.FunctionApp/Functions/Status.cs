using Listening.Pipeline;
using Listening.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Listening.FunctionApp.Functions;

/// <summary><c>GET /api/feedback/{id}</c>, <c>GET /api/status</c>, <c>GET /api/health</c>: <see cref="StatusEndpoints"/>.</summary>
public sealed class Status(IFeedbackStore store, IServiceProvider services)
{
    [Function(StatusEndpoints.GetFeedbackName)]
    public Task<IActionResult> GetFeedback([HttpTrigger(AuthorizationLevel.Function, "get", Route = "feedback/{id}")] HttpRequest request, string id,
        CancellationToken cancellationToken) =>
        Listening.Ingest.FeedbackView.GetAsync(id, request.HttpContext, store, cancellationToken).AsAction();

    [Function(StatusEndpoints.StatusName)]
    public Task<IActionResult> GetStatus([HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request, CancellationToken cancellationToken) =>
        StatusEndpoints.GetStatusAsync(store, services, cancellationToken).AsAction();

    [Function(StatusEndpoints.HealthName)]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        StatusEndpoints.GetHealthAsync(store, cancellationToken).AsAction();
}
