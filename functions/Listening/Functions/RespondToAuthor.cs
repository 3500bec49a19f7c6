using Listening.Handler;
using Listening.Storage;

namespace Listening.Functions;

/// <summary>
/// <c>feedback-scored</c> → records that the item reached the response stage (stage <c>responded</c>). The responses
/// feature (thank-you messages, loyalty points) builds on this; a redelivery changes nothing.
/// </summary>
public sealed class RespondToAuthor(IFeedbackStore store, TimeProvider time) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var incoming = FeedbackDocument.Parse(request.Json("message"));
        var stored = await store.GetAsync(incoming.Item.Id, cancellationToken);
        if (stored is { Stage: FeedbackStage.Responded }) return new InvocationResult().Log("already responded");
        var responded = (stored is { Scores: not null } ? stored : incoming) with { Stage = FeedbackStage.Responded, UpdatedAt = time.GetUtcNow(), Error = null };
        return new InvocationResult().Output("document", FeedbackDocument.ToJson(responded));
    }
}
