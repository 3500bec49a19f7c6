using Listening.Handler;
using Listening.Storage;

namespace Listening.Functions;

/// <summary>
/// Shared by the functions triggered by a dead-letter queue: marks the item <c>dead-lettered</c> with the reason and
/// error, so <c>GET /api/feedback/{id}</c> and <c>/api/status</c> show it. A body that is not a feedback document
/// fails and stays in the dead-letter queue for an operator.
/// </summary>
public abstract class DeadLetterRecorder(IFeedbackStore store, TimeProvider time) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var incoming = FeedbackDocument.Parse(request.Json("message"));
        var stored = await store.GetAsync(incoming.Item, cancellationToken) ?? incoming;
        if (stored.Stage == FeedbackStage.Responded) return new InvocationResult().Log("already responded; dead letter dropped");
        var reason = request.MetadataString("DeadLetterReason") ?? "dead-lettered";
        var description = request.MetadataString("DeadLetterErrorDescription");
        var error = description is null ? reason : $"{reason}: {description}";
        var dead = stored with { Stage = FeedbackStage.DeadLettered, UpdatedAt = time.GetUtcNow(), Error = error };
        return new InvocationResult().Output("document", FeedbackDocument.ToJson(dead));
    }
}
