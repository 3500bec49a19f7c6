using Listening.Pipeline;
using Listening.Queues;
using Listening.Storage;

namespace Listening.Responses;

/// <summary>What one response stage run decided, for logs and tests.</summary>
public sealed record RespondOutcome(ResponsePlan Plan, bool StageWritten);

/// <summary>
/// The response stage, <c>feedback-scored</c> → the loyalty decision, thank-you and follow-up messages into the outbox
/// (one decision, keyed by the item id), then stage <c>responded</c>. A redelivery, a duplicate or a retry after a crash
/// finds the decision already taken and repeats nothing; the outbox worker sends what was decided.
/// </summary>
public sealed partial class RespondToAuthor(IFeedbackStore store, IResponseStore responses, ResponsePlanner planner, IStageCommit commit,
    Access.AuthorLinks links, TimeProvider time, ILogger<RespondToAuthor> logger, Delivery.OutboxSignal? outbox = null)
{
    public const string Name = nameof(RespondToAuthor);

    /// <summary>Whether the stage completes its input itself (<see cref="IStageCommit.CompletesInput"/>).</summary>
    public bool CompletesInput => commit.CompletesInput;

    public async Task HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var (_, responded) = await DecideAsync(FeedbackMessage.Parse(message), readsStage: !commit.ReadsStage, cancellationToken);
        if (!commit.ReadsStage)
        {
            await commit.CommitAsync(message, responded, null, cancellationToken);
            return;
        }
        // The commit checks the stage in its own transaction (SQLite): it writes the answered record unless the item was
        // answered already, and then only the input is completed.
        if (await commit.CommitUnlessAsync(message, responded!, null, Answered, cancellationToken) is FeedbackStage.Responded)
            await commit.CommitAsync(message, null, null, cancellationToken);
    }

    /// <summary>The stage on a record, outside a queue (tests, tools): the decision, then the item's stage.</summary>
    public async Task<RespondOutcome> RespondAsync(FeedbackRecord incoming, CancellationToken cancellationToken)
    {
        var (plan, responded) = await DecideAsync(incoming, readsStage: true, cancellationToken);
        if (responded is not null) await store.UpsertAsync(responded, cancellationToken);
        return new RespondOutcome(plan, responded is not null);
    }

    /// <summary>The decision (taken once per item, in the responses store) and the record to write: stage
    /// <c>responded</c>, or null when <paramref name="readsStage"/> and the item is there already.</summary>
    private async Task<(ResponsePlan Plan, FeedbackRecord? Responded)> DecideAsync(FeedbackRecord incoming, bool readsStage, CancellationToken cancellationToken)
    {
        // The scored message carries the document; the store only says whether the item was answered already (the
        // decision itself is taken once, in the responses store, and checks the erasure tombstones).
        // Asked now, awaited after the decision: both reads share the store's next round trip. Not asked when the stage
        // commit reads the stage itself (SQLite).
        var reading = readsStage ? store.GetStageAsync(incoming.Item, cancellationToken) : null;
        var record = incoming.Scores is not null ? incoming : await store.GetAsync(incoming.Item, cancellationToken) ?? incoming;
        // Not poison: the scored document may not have reached this store's replica yet; a redelivery tries again.
        var scores = record.Scores ?? throw new InvalidOperationException($"item {record.Item.Id} reached {Name} without scores");
        var now = time.GetUtcNow();

        // The store checks the erasure tombstones inside the decision: an author erased meanwhile gets nothing.
        var plan = await responses.DecideAsync(record.Item.Id, record.Item.Author?.Id,
            ledger => WithPointsLink(planner.Plan(record.Item, scores, ledger, now)), cancellationToken);
        if (!plan.AlreadyDecided) LogDecided(logger, plan.Loyalty.Reason, plan.Loyalty.Points, plan.Messages.Count);
        // Answer now, not at the next delivery tick: the outbox pump of this process sends what was just queued.
        if (plan.Messages.Count > 0) outbox?.Notify();
        var stage = reading is null ? null : await reading;
        return (plan, stage is FeedbackStage.Responded ? null : record with { Stage = FeedbackStage.Responded, UpdatedAt = now, Error = null });
    }

    private static readonly FeedbackStage[] Answered = [FeedbackStage.Responded];

    /// <summary>The thank-you carries the author's signed link to their own points (<see cref="Access.AuthorLinks"/>): the
    /// author id alone proves nothing.</summary>
    private ResponsePlan WithPointsLink(ResponsePlan plan)
    {
        if (plan.Messages.Count == 0) return plan;
        return plan with
        {
            Messages = plan.Messages.Select(m =>
            {
                if (m.Kind != ResponsePlanner.ThankYouKind || m.AuthorId is not { } authorId
                    || System.Text.Json.Nodes.JsonNode.Parse(m.Payload) is not System.Text.Json.Nodes.JsonObject payload
                    || payload["data"] is not System.Text.Json.Nodes.JsonObject data) return m;
                data["pointsToken"] = links.Token(authorId);
                if (links.PointsUrl(authorId) is { } url) data["pointsUrl"] = url;
                return m with { Payload = payload.ToJsonString(ResponsePlanner.Json) };
            }).ToList(),
        };
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "loyalty: {Reason} ({Points} points); {Messages} message(s) queued")]
    private static partial void LogDecided(ILogger logger, string reason, int points, int messages);
}
