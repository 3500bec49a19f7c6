using Listening.Access;
using Listening.Core.Feedback;
using Listening.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Listening.Ingest;

/// <summary>The answer to an accepted ingest: the item ids in input order.</summary>
public sealed record IngestAccepted(IReadOnlyList<string> Ids);

/// <summary><c>POST /api/feedback</c>: one item or an array → 202 <c>{"ids": [...]}</c> in input order; bad input gets
/// 400/403/408/413/415 problem details naming the field. Both hosts call <see cref="PostFeedbackAsync"/>.</summary>
public static partial class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback", PostFeedbackAsync).WithName(IngestFeedback.Name).WithMetadata(FunctionAccess.Key);
        return app;
    }

    /// <summary>
    /// The caller's roles (<see cref="CallerHttpContextExtensions.Caller"/>) decide what the items may say: with trusted-ingest
    /// they name source, external id and author id like a signed webhook; otherwise they are open items (source <c>api</c>,
    /// every id derived in their own namespace) and naming an id, a source or an author id is 403.
    /// </summary>
    public static async Task<Results<Accepted<IngestAccepted>, ProblemHttpResult>> PostFeedbackAsync(
        HttpRequest request, IngestFeedback ingest, IOptions<IngestOptions> options, IOptions<HttpEdgeOptions> edge, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (FeedbackParser.UnsupportedMediaType(request.ContentType) is { } unsupported) return Problems.Of(unsupported);
        var read = await HttpBodies.ReadAsync(request, options.Value.MaxBodyBytes, edge.Value, time, loggers.CreateLogger(typeof(IngestEndpoints)), cancellationToken);
        if (!read.Ok) return read.Problem!;
        var (body, invalid) = HttpBodies.StrictUtf8(read.Bytes!, json: true);
        if (invalid is not null) return invalid;
        var (items, rejection) = FeedbackParser.Parse(request.ContentType, body, options.Value);
        if (rejection is not null) return Problems.Of(rejection);
        var trusted = request.HttpContext.Caller().Has(AccessRole.TrustedIngest);
        if (!trusted && FeedbackParser.TrustedOnly(items!) is { } forbidden) return Problems.Of(forbidden);
        // Once items are being stored the request runs to the end even if the client goes away.
        var result = await ingest.IngestAsync(items!, trusted ? IngestTrust.Trusted : IngestTrust.Open, CancellationToken.None);
        return TypedResults.Accepted((string?)null, new IngestAccepted(result.Ids));
    }
}
