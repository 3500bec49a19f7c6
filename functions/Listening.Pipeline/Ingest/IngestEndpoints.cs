using Listening.Pipeline;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Listening.Ingest;

/// <summary>The answer to an accepted ingest: the item ids in input order.</summary>
public sealed record IngestAccepted(IReadOnlyList<string> Ids);

/// <summary><c>POST /api/feedback</c>: one item or an array → 202 <c>{"ids": [...]}</c> in input order; bad input gets
/// 400/413/415 problem details naming the field. Both hosts call <see cref="PostFeedbackAsync"/>.</summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback", PostFeedbackAsync).WithName(IngestFeedback.Name).WithMetadata(FunctionAccess.Key);
        return app;
    }

    public static async Task<Results<Accepted<IngestAccepted>, ProblemHttpResult>> PostFeedbackAsync(
        HttpRequest request, IngestFeedback ingest, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBodyBytes;
        var body = await HttpBodies.ReadUtf8Async(request, limit, cancellationToken);
        if (body is null) return Problems.Of(new IngestRejection(413, "Request body too large", $"the body is larger than {limit} bytes"));
        var (items, rejection) = FeedbackParser.Parse(request.ContentType, body, options.Value);
        if (rejection is not null) return Problems.Of(rejection);
        // Once items are being stored the request runs to the end even if the client goes away.
        var result = await ingest.IngestAsync(items!, CancellationToken.None);
        return TypedResults.Accepted((string?)null, new IngestAccepted(result.Ids));
    }
}
