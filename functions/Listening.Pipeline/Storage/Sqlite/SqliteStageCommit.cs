using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Erasure;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Queues.Sqlite;
using Microsoft.Data.Sqlite;

namespace Listening.Storage.Sqlite;

/// <summary>The SQLite store and queue in one file: the record, the next messages and the input's completion in one
/// transaction (rolled back whole if the input's lock was lost). The same transaction checks the erasure tombstones
/// (<see cref="SqliteErasures"/>): a record or message whose author was erased is written without them.</summary>
public sealed class SqliteStageCommit(SqliteDatabase database, SqliteQueue queue, PersonKeys keys) : IStageCommit
{
    public bool CompletesInput => true;

    public Task CommitAsync(ReceivedMessage input, FeedbackRecord? record, StageMessages? next, CancellationToken cancellationToken) =>
        CommitAsync(input, record, next, null, cancellationToken);

    /// <summary>The stage is checked by the commit's own upsert, which leaves a later stage alone (one statement, where a stage
    /// read before the commit was one more trip through the single writer and one more statement per message:
    /// bench/README.md, round 10).</summary>
    public bool ReadsStage => true;

    public Task<FeedbackStage?> CommitUnlessAsync(ReceivedMessage input, FeedbackRecord record, StageMessages? next, IReadOnlyList<FeedbackStage> skipsAt,
        CancellationToken cancellationToken) =>
        CommitAsync(input, record, next, skipsAt, cancellationToken);

    private async Task<FeedbackStage?> CommitAsync(ReceivedMessage input, FeedbackRecord? record, StageMessages? next, IReadOnlyList<FeedbackStage>? skipsAt,
        CancellationToken cancellationToken)
    {
        var json = record is null ? null : FeedbackDocument.Serialize(record);
        var recordKeys = record is null ? [] : keys.IndexKeys(record.Item);
        var skipped = await database.WriteAsync(tx =>
        {
            // Every skip returns before anything is written: a skipped commit leaves the transaction as it found it.
            var erasures = SqliteErasures.AnyErasure(tx);
            if (skipsAt is not null && erasures && SqliteFeedbackStore.StageOf(tx, record!.Item.Id) is { } found && skipsAt.Contains(found))
                return found; // read first: writing the erased record below records a tombstone before the upsert
            if (record is not null)
            {
                var (written, writtenJson) = erasures && SqliteErasures.IsErased(tx, recordKeys)
                    ? Erased(tx, record) : (record, json!);
                if (skipsAt is null || erasures) SqliteFeedbackStore.Upsert(tx, written, writtenJson);
                else if (!SqliteFeedbackStore.UpsertUnless(tx, written, writtenJson, skipsAt))
                    return SqliteFeedbackStore.StageOf(tx, record.Item.Id); // stored at a stage it skips: nothing written
            }
            queue.Complete(tx, input);
            if (next is not null)
                foreach (var message in next.Messages) queue.EnqueueHandOff(tx, next.Queue, erasures ? Screen(tx, message) : message);
            return (FeedbackStage?)null;
        }, cancellationToken);
        if (skipped is null && next is { Messages.Count: > 0 }) queue.Signal(next.Queue);
        return skipped;
    }

    /// <summary>The items and their messages in one transaction: an item is stored if and only if its message is queued. A
    /// new item is indexed under its author's identifiers; one whose author is erased is stored without them. An item stored
    /// already (a re-post, a webhook retry, a concurrent duplicate) sends nothing: the transaction that created it queued its
    /// message. So the message needs no duplicate-detection entry — one more insert at a random place of the
    /// <c>message_ids</c> b-tree and of its expiry index per item, a fifth of the WAL frames (bench/README.md, rounds 10 and 12).</summary>
    public bool IngestQueuesWithStore => true;

    /// <inheritdoc cref="IngestQueuesWithStore"/>
    public async Task<IReadOnlyList<FeedbackAdded>> IngestAsync(IReadOnlyList<FeedbackItem> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = items.Select(i => new FeedbackRecord(i, FeedbackStage.Ingested, null, now)).ToList();
        var json = fresh.Select(FeedbackDocument.Serialize).ToList();
        var itemKeys = items.Select(keys.IndexKeys).ToList();
        var added = await database.WriteAsync<IReadOnlyList<FeedbackAdded>>(tx =>
        {
            var erasures = SqliteErasures.AnyErasure(tx);
            var result = new FeedbackAdded[fresh.Count];
            for (var i = 0; i < fresh.Count; i++)
            {
                var (record, body) = erasures && SqliteErasures.IsErased(tx, itemKeys[i]) ? Erased(tx, fresh[i]) : (fresh[i], json[i]);
                result[i] = SqliteFeedbackStore.AddIfAbsent(tx, record, body);
                if (!result[i].Created) continue; // its message was queued by the transaction that stored it
                if (record.Item.Author is not null) SqliteErasures.Index(tx, record.Item.Id, itemKeys[i]);
                queue.EnqueueHandOff(tx, PipelineQueues.Ingested,
                    new OutgoingMessage(QueueNames.Bounded(record.Item.Id), BinaryData.FromString(body)) { Subject = "ingested" });
            }
            return result;
        }, cancellationToken);
        queue.Signal(PipelineQueues.Ingested);
        return added;
    }

    /// <summary>The record without its erased author, every word of it that is a tombstone masked (<see cref="ErasureGuard.Erase"/>).</summary>
    private (FeedbackRecord Record, string Json) Erased(SqliteTransaction tx, FeedbackRecord record)
    {
        var candidates = keys.Candidates(record);
        SqliteErasures.Record(tx, [keys.ItemKey(record.Item.Id)], record.UpdatedAt);
        var erased = ErasureGuard.Erase(record, candidates, SqliteErasures.ErasedAmong(tx, candidates.SelectMany(c => c.Keys).Distinct().ToList()));
        return (erased, FeedbackDocument.Serialize(erased));
    }

    /// <summary>A pipeline message carries its item's document: one about an erased author goes without them.</summary>
    private OutgoingMessage Screen(SqliteTransaction tx, OutgoingMessage message)
    {
        var text = message.Body.ToString();
        if (!text.Contains("\"author\"", StringComparison.Ordinal) || ErasureScope.Parse(text) is not { } document
            || ErasureScope.AuthorOf(document) is not { } author
            || !SqliteErasures.IsErased(tx, keys.IndexKeys(author, document["source"]?.GetValue<string>() ?? "")))
            return message;
        var (_, json) = Erased(tx, FeedbackDocument.Parse(text));
        return message with { Body = BinaryData.FromString(json) };
    }

    /// <summary>The commit the configured adapters allow: one transaction when both the store and the queue are SQLite.</summary>
    public static IStageCommit For(IServiceProvider services) =>
        services.GetRequiredService<IFeedbackStore>() is SqliteFeedbackStore && services.GetRequiredService<IQueueSender>() is SqliteQueue sqliteQueue
            ? new SqliteStageCommit(services.GetRequiredService<SqliteDatabase>(), sqliteQueue, services.GetRequiredService<PersonKeys>())
            : new SeparateStageCommit(services.GetRequiredService<IFeedbackStore>(), services.GetRequiredService<IQueueSender>(),
                services.GetRequiredService<ErasureGuard>());
}
