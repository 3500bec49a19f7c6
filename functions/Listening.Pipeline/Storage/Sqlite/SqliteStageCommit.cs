using Listening.Core.Feedback;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Queues.Sqlite;

namespace Listening.Storage.Sqlite;

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
    public async Task<IReadOnlyList<FeedbackAdded>> IngestAsync(IReadOnlyList<FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken)
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
