using Listening.Core.Feedback;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Storage;

namespace Listening.Scoring;

/// <summary>
/// The scoring stage, <c>feedback-ingested</c> → language, sentiment, factor mentions → the scored document and a
/// <c>feedback-scored</c> message (message id = item id). A redelivery of an item already scored sends only the message
/// again (the queue's duplicate detection drops it while the first is queued; RespondToAuthor finds the decision taken
/// otherwise) and never moves a later stage back; an item marked dead-lettered is scored again (a dead letter replayed).
/// Every host calls <see cref="HandleAsync"/> per message — the local consumer, the Azure drain, a Service Bus trigger.
/// </summary>
public sealed class ScoreFeedback(IFeedbackStore store, IFeedbackScorer scorer, IStageCommit commit, TimeProvider time)
{
    public const string Name = nameof(ScoreFeedback);

    /// <summary>Whether the stage completes its input itself (<see cref="IStageCommit.CompletesInput"/>).</summary>
    public bool CompletesInput => commit.CompletesInput;

    public async Task HandleAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var incoming = FeedbackMessage.Parse(message);
        // The message carries the item; the store only says how far it got (a stage column, not the document, locally).
        // Where the commit reads that in its own transaction (SQLite) the stage asks the commit; otherwise the item is
        // scored while the read is on its way. A redelivery throws the scores away either way.
        var reading = commit.ReadsStage ? null : store.GetStageAsync(incoming.Item, cancellationToken);
        var scores = scorer.Score(incoming.Item);
        // Scored from the message's copy of the item: if its author was erased since, the commit finds the tombstone and
        // writes (and sends) the erased record instead, as it does for every message in flight during an erasure.
        var scored = new FeedbackRecord(incoming.Item, FeedbackStage.Scored, scores, time.GetUtcNow());
        var stage = reading is null
            ? await commit.CommitUnlessAsync(message, scored, Next(scored), Later, cancellationToken)
            : await reading;
        if (!IsLater(stage))
        {
            if (reading is not null) await commit.CommitAsync(message, scored, Next(scored), cancellationToken);
            return;
        }
        if (stage is FeedbackStage.Responded)
        {
            await commit.CommitAsync(message, null, null, cancellationToken);
            return;
        }
        if (await store.GetAsync(incoming.Item, cancellationToken) is { Stage: FeedbackStage.Scored, Scores: not null } stored)
        {
            await commit.CommitAsync(message, null, Next(stored), cancellationToken);
            return;
        }
        await commit.CommitAsync(message, scored, Next(scored), cancellationToken);
    }

    /// <summary>Scored or answered already: a redelivery, or a duplicate message. Never moved back.</summary>
    private static readonly FeedbackStage[] Later = [FeedbackStage.Scored, FeedbackStage.Responded];

    private static bool IsLater(FeedbackStage? stage) => stage is FeedbackStage.Scored or FeedbackStage.Responded;

    private static StageMessages Next(FeedbackRecord scored) => new(PipelineQueues.Scored, [new FeedbackMessage(scored).ToOutgoing()]);
}
