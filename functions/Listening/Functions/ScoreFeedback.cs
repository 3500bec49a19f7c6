using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Handler;
using Listening.Storage;

namespace Listening.Functions;

/// <summary>
/// <c>feedback-ingested</c> → language, sentiment, factor mentions → the scored document (Cosmos DB output) and a
/// <c>feedback-scored</c> message. A redelivery of an item already scored re-sends only the message (the local queue
/// drops it by message id; on Azure, where the output binding cannot set one, RespondToAuthor finds the decision
/// already taken) and never moves a later stage back.
/// </summary>
public sealed class ScoreFeedback(IFeedbackStore store, IFeedbackScorer scorer, TimeProvider time) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var incoming = FeedbackDocument.Parse(request.Json("message"));
        var stored = await store.GetAsync(incoming.Item, cancellationToken);
        var result = new InvocationResult();
        if (stored is { Stage: FeedbackStage.Responded or FeedbackStage.DeadLettered })
            return result.Log("already past scoring");
        if (stored is { Stage: FeedbackStage.Scored, Scores: not null })
            return result.Output("scored", FeedbackDocument.ToJson(stored)).Log("already scored; message re-sent");

        var item = stored?.Item ?? incoming.Item;
        var scored = new FeedbackRecord(item, FeedbackStage.Scored, scorer.Score(item), time.GetUtcNow());
        JsonNode document = FeedbackDocument.ToJson(scored);
        return result.Output("document", document).Output("scored", document.DeepClone());
    }
}
