using Listening.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Listening.FunctionApp.Functions;

/// <summary><c>POST /api/feedback</c>: <see cref="IngestEndpoints.PostFeedbackAsync"/> — items stored, <c>feedback-ingested</c> sent.</summary>
public sealed class IngestFeedback(Listening.Ingest.IngestFeedback ingest, IOptions<IngestOptions> options, IOptions<Listening.Pipeline.HttpEdgeOptions> edge,
    TimeProvider time, Microsoft.Extensions.Logging.ILoggerFactory loggers)
{
    [Function(nameof(IngestFeedback))]
    public Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "feedback")] HttpRequest request, CancellationToken cancellationToken) =>
        IngestEndpoints.PostFeedbackAsync(request, ingest, options, edge, time, loggers, cancellationToken).AsAction();
}
