using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Listening.Core.Feedback;
using Microsoft.Azure.Cosmos;
using Listening.Pipeline;

namespace Listening.Storage.Cosmos;

/// <summary>
/// <see cref="IFeedbackStore"/> on Cosmos DB for NoSQL, container <c>feedback</c> partitioned by
/// <c>/pk</c> = report brand + UTC month (<see cref="FeedbackPartitionKey"/>). Uses only what a plain
/// account offers: point reads, create / replace with ETags, parameterised queries without
/// GROUP BY, DISTINCT, OFFSET/LIMIT, stored procedures, batches or the change feed.
/// Stream APIs throughout, so the JSON is exactly <see cref="CosmosFeedbackDocument"/> and a 404 or
/// 409 is a status code, not an exception.
/// </summary>
public sealed class CosmosFeedbackStore(Container container, CosmosRequestCharges charges, CosmosIntakeCounters? intake = null, Erasure.PersonKeys? keys = null)
    : IFeedbackStore, IItemAwareFeedbackStore
{
    /// <summary>The document, with the keyed identity index of its author when the store knows the deployment's keys.</summary>
    private byte[] Bytes(FeedbackRecord record) => CosmosFeedbackDocument.ToBytes(record, keys?.IndexKeys(record.Item));

    private const int MaxConcurrencyAttempts = 5;
    private const int MaxRememberedETags = 50_000;

    private readonly CosmosDocuments documents = new(container, charges);

    // The ETag of each item's last point read by a stage, used once by its next write: the stage's read-then-write is a
    // read and a replace (If-Match), as with an output binding, instead of a second read inside UpsertAsync.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> lastRead = new(StringComparer.Ordinal);

    /// <summary>Create with the deterministic id; 409 means "already there" → return what is stored.</summary>
    public async Task<FeedbackAdded> AddIfAbsentAsync(FeedbackItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = new FeedbackRecord(item, FeedbackStage.Ingested, null, now);
        var pk = FeedbackPartitionKey.For(item);
        for (var attempt = 0; attempt < MaxConcurrencyAttempts; attempt++)
        {
            if (await documents.CreateStreamAsync(Bytes(record), pk, cancellationToken) == HttpStatusCode.Created)
            {
                if (intake is not null) await intake.CountAsync(item, duplicate: false, now, cancellationToken);
                return new FeedbackAdded(record, true);
            }

            var stored = await ReadAsync(item.Id, pk, cancellationToken);
            if (stored is not null)
            {
                if (intake is not null) await intake.CountAsync(item, duplicate: true, now, cancellationToken);
                return new FeedbackAdded(stored.Value.Record, false);
            }
            // Deleted between the conflict and the read (erasure): try the create again.
        }
        throw new CosmosStoreException($"create of {item.Id} kept conflicting");
    }

    /// <summary>
    /// Writes the record unless the stored one is further along: read with its ETag, replace only if
    /// nobody wrote in between (If-Match), else re-read and decide again. A late redelivery of an
    /// earlier stage therefore never moves an item back; a dead-lettered item may move on (a replayed dead letter).
    /// </summary>
    public async Task UpsertAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var pk = FeedbackPartitionKey.For(record.Item);
        // The stage decided on the record it read: if nobody wrote since, that read's ETag is enough.
        if (lastRead.TryRemove(record.Item.Id, out var etag)
            && await documents.ReplaceStreamAsync(Bytes(record), record.Item.Id, pk, etag, cancellationToken) == HttpStatusCode.OK)
            return;
        for (var attempt = 0; attempt < MaxConcurrencyAttempts; attempt++)
        {
            var stored = await ReadAsync(record.Item.Id, pk, cancellationToken);
            if (stored is null)
            {
                if (await documents.CreateStreamAsync(Bytes(record), pk, cancellationToken) == HttpStatusCode.Created) return;
                continue; // 409: created meanwhile
            }

            if (IsFurther(stored.Value.Record.Stage, record.Stage)) return;
            if (await documents.ReplaceStreamAsync(Bytes(record), record.Item.Id, pk, stored.Value.ETag, cancellationToken) == HttpStatusCode.OK)
                return;
        }
        throw new CosmosStoreException($"update of {record.Item.Id} lost the race {MaxConcurrencyAttempts} times");
    }

    /// <summary>Whether <paramref name="stored"/> is past <paramref name="incoming"/>: the stages are ordered, except that a
    /// dead-lettered item is taken up again by any stage (its dead letter was replayed).</summary>
    private static bool IsFurther(FeedbackStage stored, FeedbackStage incoming) =>
        stored != FeedbackStage.DeadLettered && stored > incoming;

    /// <summary>Point read in the item's partition (a stage's read; its ETag serves the stage's write).</summary>
    public async Task<FeedbackRecord?> GetAsync(FeedbackItem item, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(item.Id, FeedbackPartitionKey.For(item), cancellationToken);
        if (read is null) return null;
        if (lastRead.Count >= MaxRememberedETags) lastRead.Clear();
        lastRead[item.Id] = read.Value.ETag;
        return read.Value.Record;
    }

    /// <summary>By id alone the partition is unknown, so this is a query across partitions (an operator
    /// look-up; pipeline stages have the item and use the point read above).</summary>
    public async Task<FeedbackRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.id = @id").WithParameter("@id", id);
        await foreach (var document in QueryDocumentsAsync("get", query, new QueryRequestOptions(), cancellationToken))
            return FeedbackDocument.Parse(document);
        return null;
    }

    /// <summary>One single-partition query per month of the range, months in order, each ordered by
    /// creation time: the whole result streams oldest first without buffering.</summary>
    public async IAsyncEnumerable<FeedbackRecord> QueryAsync(string brand, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var pk in FeedbackPartitionKey.Covering(brand, from, to))
        {
            // The pk predicate repeats the partition scope in the query itself, so the result is
            // right even where the partition key option is not honoured (the loopback test server).
            var query = new QueryDefinition(
                    "SELECT * FROM c WHERE c.pk = @pk AND c.createdUtc >= @from AND c.createdUtc < @to ORDER BY c.createdUtc")
                .WithParameter("@pk", pk)
                .WithParameter("@from", CosmosFeedbackDocument.Utc(from))
                .WithParameter("@to", CosmosFeedbackDocument.Utc(to));
            var options = new QueryRequestOptions { PartitionKey = new PartitionKey(pk) };
            await foreach (var document in QueryDocumentsAsync("query", query, options, cancellationToken))
                yield return FeedbackDocument.Parse(document);
        }
    }

    /// <summary>A query across partitions on the indexed <c>stage</c> and <c>updatedUtc</c>, read until
    /// <paramref name="max"/> items (no TOP/OFFSET: the page size bounds what each round trip returns).</summary>
    public async IAsyncEnumerable<FeedbackRecord> QueryByStageAsync(FeedbackStage stage, DateTimeOffset updatedBefore, int max,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (max <= 0) yield break;
        var query = new QueryDefinition("SELECT * FROM c WHERE c.stage = @stage AND c.updatedUtc < @before")
            .WithParameter("@stage", FeedbackDocument.StageName(stage))
            .WithParameter("@before", CosmosFeedbackDocument.Utc(updatedBefore));
        var taken = 0;
        await foreach (var document in QueryDocumentsAsync("query-stage", query, new QueryRequestOptions { MaxItemCount = Math.Min(max, 1000) }, cancellationToken))
        {
            yield return FeedbackDocument.Parse(document);
            if (++taken == max) yield break;
        }
    }

    /// <summary>One COUNT per stage (no GROUP BY, which not every query engine offers across partitions).</summary>
    public async Task<IReadOnlyDictionary<FeedbackStage, long>> CountByStageAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<FeedbackStage, long>();
        foreach (var stage in Enum.GetValues<FeedbackStage>())
        {
            var query = new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.stage = @stage")
                .WithParameter("@stage", FeedbackDocument.StageName(stage));
            long total = 0;
            await foreach (var partial in QueryDocumentsAsync("count", query, new QueryRequestOptions(), cancellationToken))
                total += partial.GetInt64();
            if (total > 0) counts[stage] = total;
        }
        return counts;
    }

    private async Task<(FeedbackRecord Record, string ETag)?> ReadAsync(string id, string pk, CancellationToken cancellationToken) =>
        await documents.ReadAsync<JsonElement>(id, pk, cancellationToken) is { } read ? (FeedbackDocument.Parse(read.Document), read.ETag) : null;

    private IAsyncEnumerable<JsonElement> QueryDocumentsAsync(string operation, QueryDefinition query, QueryRequestOptions options,
        CancellationToken cancellationToken) =>
        documents.QueryAsync(operation, query, options, cancellationToken);
}

/// <summary>A Cosmos DB call failed in a way the store cannot resolve (not 404/409/412).</summary>
public sealed class CosmosStoreException(string message) : Exception(message);
