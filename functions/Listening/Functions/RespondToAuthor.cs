using Listening.Handler;
using Listening.Responses;
using Listening.Storage;

namespace Listening.Functions;

/// <summary>
/// <c>feedback-scored</c> → the response: loyalty decision, thank-you and follow-up messages into the outbox (one
/// transaction, keyed by the item id), then stage <c>responded</c>. A redelivery, a duplicate or a retry after a crash
/// finds the decision already taken and repeats nothing; the outbox worker sends what was decided.
/// </summary>
public sealed class RespondToAuthor(IFeedbackStore store, IResponseStore responses, ResponsePlanner planner, TimeProvider time) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var incoming = FeedbackDocument.Parse(request.Json("message"));
        var stored = await store.GetAsync(incoming.Item, cancellationToken);
        var record = stored is { Scores: not null } ? stored : incoming;
        var scores = record.Scores ?? throw new InvocationException($"item {record.Item.Id} reached RespondToAuthor without scores");
        var now = time.GetUtcNow();

        var plan = await responses.DecideAsync(record.Item.Id, record.Item.Author?.Id, ledger => planner.Plan(record.Item, scores, ledger, now), cancellationToken);
        var result = new InvocationResult().Log(plan.AlreadyDecided
            ? "already decided"
            : $"loyalty: {plan.Loyalty.Reason} ({plan.Loyalty.Points} points); {plan.Messages.Count} message(s) queued");
        if (stored is { Stage: FeedbackStage.Responded }) return result;
        var responded = record with { Stage = FeedbackStage.Responded, UpdatedAt = now, Error = null };
        return result.Output("document", FeedbackDocument.ToJson(responded));
    }
}
