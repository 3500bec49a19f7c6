using Listening.Queues;
using Listening.Storage;

namespace Listening.Pipeline;

/// <summary>Messages a stage sends on: one queue, one batch.</summary>
public sealed record StageMessages(string Queue, IReadOnlyList<OutgoingMessage> Messages);

/// <summary>
/// How a queue stage makes its outcome durable: the record it moved on (if any) and the messages it sends next, and —
/// where the adapters can do it atomically — the completion of its input message. With the SQLite store and queue that
/// is one transaction (<see cref="Storage.Sqlite.SqliteStageCommit"/>: a crash leaves both or neither, and the drain need not complete);
/// otherwise the write and the send in that order (<see cref="SeparateStageCommit"/>), and the drain completes the input
/// after it — at least once, with stages that find their work done on a redelivery.
/// </summary>
public interface IStageCommit
{
    /// <summary>True when <see cref="CommitAsync"/> completes the input (the drain then settles failures only).</summary>
    bool CompletesInput { get; }

    Task CommitAsync(ReceivedMessage input, FeedbackRecord? record, StageMessages? next, CancellationToken cancellationToken);

    /// <summary>True when <see cref="CommitUnlessAsync"/> checks the item's stage inside the commit's own transaction (SQLite):
    /// a stage then asks it instead of reading the stage first, one trip through the store fewer per message.</summary>
    bool ReadsStage { get; }

    /// <summary>
    /// <see cref="CommitAsync"/> of <paramref name="record"/> unless the item is stored at one of <paramref name="skipsAt"/>:
    /// then nothing is written, sent or completed, and that stage is returned. Null when it committed.
    /// </summary>
    Task<FeedbackStage?> CommitUnlessAsync(ReceivedMessage input, FeedbackRecord record, StageMessages? next, IReadOnlyList<FeedbackStage> skipsAt,
        CancellationToken cancellationToken);

    /// <summary>True when ingest stores an item and queues its message in one transaction (SQLite): an item cannot wait at
    /// ingest for want of a message, so <see cref="RequeueStalledFeedback"/> has nothing to re-send.</summary>
    bool IngestQueuesWithStore { get; }

    /// <summary>Ingest's commit: each item created unless its id is stored (<see cref="IFeedbackStore.AddIfAbsentAsync"/>),
    /// and one <c>feedback-ingested</c> message per item still at ingest, as one batch.</summary>
    Task<IReadOnlyList<FeedbackAdded>> IngestAsync(IReadOnlyList<Core.Feedback.FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// The store's write, then the send: Cosmos DB and Service Bus (and any mix of adapters). No transaction spans the erasure
/// tombstones and the write, so the stage checks before it writes (an erased author is left out) and again after: a write
/// that raced an erasure is then either seen by the erasure (its tombstone is written before it looks for the person's items)
/// or rewritten here.
/// </summary>
public sealed class SeparateStageCommit(IFeedbackStore store, IQueueSender sender, Erasure.ErasureGuard erasures) : IStageCommit
{
    public bool CompletesInput => false;

    /// <summary>No transaction spans the read and the write here: the stages read the stage themselves, while they work.</summary>
    public bool ReadsStage => false;

    /// <summary>The store's write comes first: a process that dies before the send leaves the item stored without its message.</summary>
    public bool IngestQueuesWithStore => false;

    public async Task<FeedbackStage?> CommitUnlessAsync(ReceivedMessage input, FeedbackRecord record, StageMessages? next,
        IReadOnlyList<FeedbackStage> skipsAt, CancellationToken cancellationToken)
    {
        if (await store.GetStageAsync(record.Item, cancellationToken) is { } stage && skipsAt.Contains(stage)) return stage;
        await CommitAsync(input, record, next, cancellationToken);
        return null;
    }

    public async Task CommitAsync(ReceivedMessage input, FeedbackRecord? record, StageMessages? next, CancellationToken cancellationToken)
    {
        if (record is not null)
        {
            var screened = await erasures.ScreenAsync(record, cancellationToken);
            await store.UpsertAsync(screened, cancellationToken);
            if (!ReferenceEquals(screened, record) || await erasures.IsErasedAsync(record.Item, cancellationToken))
            {
                var erased = ReferenceEquals(screened, record) ? await erasures.EraseAsync(record, cancellationToken) : screened;
                if (ReferenceEquals(screened, record)) await store.UpsertAsync(erased, cancellationToken);
                next = next is null ? null : next with { Messages = next.Messages.Select(m => Replace(m, record.Item.Id, erased)).ToList() };
            }
        }
        if (next is { Messages.Count: > 0 }) await sender.SendAsync(next.Queue, next.Messages, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackAdded>> IngestAsync(IReadOnlyList<Core.Feedback.FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var screened = await Task.WhenAll(items.Select(i => erasures.ScreenAsync(i, cancellationToken)));
        var added = await Task.WhenAll(screened.Select(i => store.AddIfAbsentAsync(i, now, cancellationToken)));
        for (var i = 0; i < added.Length; i++)
            if (added[i].Created && screened[i].Author is not null && await erasures.IsErasedAsync(screened[i], cancellationToken, ingest: true))
            {
                // Erased between the check and the create: the create is rewritten before the item goes on.
                var erased = await erasures.EraseAsync(added[i].Record, cancellationToken);
                await store.UpsertAsync(erased, cancellationToken);
                added[i] = added[i] with { Record = erased };
            }
        var waiting = added.Where(a => a.Record.Stage == FeedbackStage.Ingested).Select(a => a.Record).ToList();
        if (waiting.Count > 0) await sender.SendAsync(PipelineQueues.Ingested, FeedbackMessage.Batch(waiting), cancellationToken);
        return added;
    }

    private static OutgoingMessage Replace(OutgoingMessage message, string itemId, FeedbackRecord erased) =>
        message.MessageId == QueueNames.Bounded(itemId) ? new FeedbackMessage(erased).ToOutgoing() : message;
}
