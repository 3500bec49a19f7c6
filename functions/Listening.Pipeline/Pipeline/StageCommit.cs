using Listening.Queues;
using Listening.Queues.Sqlite;
using Listening.Storage;
using Listening.Storage.Sqlite;

namespace Listening.Pipeline;

/// <summary>Messages a stage sends on: one queue, one batch.</summary>
public sealed record StageMessages(string Queue, IReadOnlyList<OutgoingMessage> Messages);

/// <summary>
/// How a queue stage makes its outcome durable: the record it moved on (if any) and the messages it sends next, and —
/// where the adapters can do it atomically — the completion of its input message. With the SQLite store and queue that
/// is one transaction (<see cref="SqliteStageCommit"/>: a crash leaves both or neither, and the drain need not complete);
/// otherwise the write and the send in that order (<see cref="SeparateStageCommit"/>), and the drain completes the input
/// after it — at least once, with stages that find their work done on a redelivery.
/// </summary>
public interface IStageCommit
{
    /// <summary>True when <see cref="CommitAsync"/> completes the input (the drain then settles failures only).</summary>
    bool CompletesInput { get; }

    Task CommitAsync(ReceivedMessage input, FeedbackRecord? record, StageMessages? next, CancellationToken cancellationToken);

    /// <summary>Ingest's commit: each item created unless its id is stored (<see cref="IFeedbackStore.AddIfAbsentAsync"/>),
    /// and one <c>feedback-ingested</c> message per item still at ingest, as one batch.</summary>
    Task<IReadOnlyList<FeedbackAdded>> IngestAsync(IReadOnlyList<Core.Feedback.FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>The store's write, then the send: Cosmos DB and Service Bus (and any mix of adapters).</summary>
public sealed class SeparateStageCommit(IFeedbackStore store, IQueueSender sender) : IStageCommit
{
    public bool CompletesInput => false;

    public async Task CommitAsync(ReceivedMessage input, FeedbackRecord? record, StageMessages? next, CancellationToken cancellationToken)
    {
        if (record is not null) await store.UpsertAsync(record, cancellationToken);
        if (next is { Messages.Count: > 0 }) await sender.SendAsync(next.Queue, next.Messages, cancellationToken);
    }

    public async Task<IReadOnlyList<FeedbackAdded>> IngestAsync(IReadOnlyList<Core.Feedback.FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var added = await Task.WhenAll(items.Select(i => store.AddIfAbsentAsync(i, now, cancellationToken)));
        var waiting = added.Where(a => a.Record.Stage == FeedbackStage.Ingested).Select(a => a.Record).ToList();
        if (waiting.Count > 0) await sender.SendAsync(PipelineQueues.Ingested, FeedbackMessage.Batch(waiting), cancellationToken);
        return added;
    }
}

/// <summary>The SQLite store and queue in one file: the record, the next messages and the input's completion in one
/// transaction (rolled back whole if the input's lock was lost).</summary>
public sealed class SqliteStageCommit(SqliteDatabase database, SqliteQueue queue) : IStageCommit
{
    public bool CompletesInput => true;

    public async Task CommitAsync(ReceivedMessage input, FeedbackRecord? record, StageMessages? next, CancellationToken cancellationToken)
    {
        var json = record is null ? null : FeedbackDocument.Serialize(record);
        await database.WriteAsync(tx =>
        {
            queue.Complete(tx, input);
            if (record is not null) SqliteFeedbackStore.Upsert(tx, record, json!);
            if (next is not null) foreach (var message in next.Messages) queue.Enqueue(tx, next.Queue, message);
            return 0;
        }, cancellationToken);
        if (next is { Messages.Count: > 0 }) queue.Signal(next.Queue);
    }

    /// <summary>The items and their messages in one transaction: an item is stored if and only if its message is queued.</summary>
    public async Task<IReadOnlyList<FeedbackAdded>> IngestAsync(IReadOnlyList<Core.Feedback.FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = items.Select(i => new FeedbackRecord(i, FeedbackStage.Ingested, null, now)).ToList();
        var json = fresh.Select(FeedbackDocument.Serialize).ToList();
        var added = await database.WriteAsync<IReadOnlyList<FeedbackAdded>>(tx =>
        {
            var result = new FeedbackAdded[fresh.Count];
            for (var i = 0; i < fresh.Count; i++)
            {
                result[i] = SqliteFeedbackStore.AddIfAbsent(tx, fresh[i], json[i]);
                if (result[i].Record.Stage == FeedbackStage.Ingested)
                    queue.Enqueue(tx, PipelineQueues.Ingested, new OutgoingMessage(QueueNames.Bounded(fresh[i].Item.Id),
                        BinaryData.FromString(result[i].Created ? json[i] : FeedbackDocument.Serialize(result[i].Record))) { Subject = "ingested" });
            }
            return result;
        }, cancellationToken);
        queue.Signal(PipelineQueues.Ingested);
        return added;
    }

    /// <summary>The commit the configured adapters allow: one transaction when both the store and the queue are SQLite.</summary>
    public static IStageCommit For(IServiceProvider services) =>
        services.GetRequiredService<IFeedbackStore>() is SqliteFeedbackStore && services.GetRequiredService<IQueueSender>() is SqliteQueue sqliteQueue
            ? new SqliteStageCommit(services.GetRequiredService<SqliteDatabase>(), sqliteQueue)
            : new SeparateStageCommit(services.GetRequiredService<IFeedbackStore>(), services.GetRequiredService<IQueueSender>());
}
