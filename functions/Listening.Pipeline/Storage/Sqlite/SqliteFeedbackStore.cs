using System.Runtime.CompilerServices;
using Listening.Core.Feedback;
using Listening.Pipeline;

namespace Listening.Storage.Sqlite;

/// <summary>The feedback port over the local document table (container <c>feedback</c>).</summary>
public sealed class SqliteFeedbackStore(SqliteDatabase database) : IFeedbackStore, IStageAwareFeedbackStore
{
    public const string Container = "feedback";

    public Task<FeedbackAdded> AddIfAbsentAsync(FeedbackItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fresh = new FeedbackRecord(item, FeedbackStage.Ingested, null, now);
        var json = FeedbackDocument.Serialize(fresh);
        return database.WriteAsync(tx => AddIfAbsent(tx, fresh, json), cancellationToken);
    }

    /// <summary>The create inside the caller's transaction (ingest commits it with the item's message).</summary>
    public static FeedbackAdded AddIfAbsent(Microsoft.Data.Sqlite.SqliteTransaction tx, FeedbackRecord fresh, string json)
    {
        var stored = SqliteDocuments.InsertIfAbsent(tx, Container, fresh.Item.Id, json, IndexOf(fresh));
        return ReferenceEquals(stored, json) ? new FeedbackAdded(fresh, true) : new FeedbackAdded(FeedbackDocument.Parse(stored), false);
    }

    public Task UpsertAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        var json = FeedbackDocument.Serialize(record);
        return database.WriteAsync(tx => { Upsert(tx, record, json); return 0; }, cancellationToken);
    }

    /// <summary>The upsert inside the caller's transaction (a stage commits it with its messages and its input's completion).</summary>
    public static void Upsert(Microsoft.Data.Sqlite.SqliteTransaction tx, FeedbackRecord record, string json) =>
        SqliteDocuments.Upsert(tx, Container, record.Item.Id, json, IndexOf(record));

    /// <summary>The upsert inside the caller's transaction unless the stored record is at one of <paramref name="skipsAt"/> (one or
    /// two stages); false, and nothing written, when it is.</summary>
    public static bool UpsertUnless(Microsoft.Data.Sqlite.SqliteTransaction tx, FeedbackRecord record, string json, IReadOnlyList<FeedbackStage> skipsAt) =>
        SqliteDocuments.UpsertUnless(tx, Container, record.Item.Id, json, IndexOf(record), FeedbackDocument.StageName(skipsAt[0]),
            FeedbackDocument.StageName(skipsAt[^1]));

    private static DocumentIndex IndexOf(FeedbackRecord record) =>
        new(record.Item.Brand, record.Item.CompetitorOf, DocumentIndex.Unix(record.Item.CreatedAt), FeedbackDocument.StageName(record.Stage));

    /// <summary>On the writer (<see cref="SqliteDatabase.ReadLatestAsync{T}"/>): the stages read each item they handle; the
    /// document is parsed after, off the writer's thread.</summary>
    public async Task<FeedbackRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        await database.ReadLatestAsync(tx => SqliteDocuments.Get(tx, Container, id), cancellationToken) is { } json ? FeedbackDocument.Parse(json) : null;

    public Task<FeedbackStage?> GetStageAsync(string id, CancellationToken cancellationToken) =>
        database.ReadLatestAsync(tx => StageOf(tx, id), cancellationToken);

    /// <summary>The item's stored stage inside the caller's transaction (a stage commit reads it in its own: <see cref="SqliteStageCommit"/>).</summary>
    public static FeedbackStage? StageOf(Microsoft.Data.Sqlite.SqliteTransaction tx, string id) =>
        tx.Command("SELECT stage FROM documents WHERE container = $c AND id = $id").With("$c", Container).With("$id", id).ExecuteScalar() is string stage
            ? FeedbackDocument.ParseStage(stage) : null;

    public async IAsyncEnumerable<FeedbackRecord> QueryAsync(string brand, DateTimeOffset from, DateTimeOffset to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = database.OpenReader();
        var command = connection.Command("""
            SELECT body, created_unix AS t, id FROM documents WHERE container = $c AND brand = $b AND created_unix >= $from AND created_unix < $to
            UNION ALL
            SELECT body, created_unix AS t, id FROM documents WHERE container = $c AND competitor_of = $b AND created_unix >= $from AND created_unix < $to
            ORDER BY t, id
            """)
            .With("$c", Container).With("$b", BrandKey.Of(brand))
            .With("$from", DocumentIndex.Unix(from)).With("$to", DocumentIndex.Unix(to));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return FeedbackDocument.Parse(reader.GetString(0));
    }

    public async IAsyncEnumerable<FeedbackRecord> QueryByStageAsync(FeedbackStage stage, DateTimeOffset updatedBefore, int max,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = database.OpenReader();
        var command = connection.Command("""
            SELECT body FROM documents
            WHERE container = $c AND stage = $s AND unixepoch(json_extract(body, '$.updatedAt'), 'subsec') < $before
            LIMIT $n
            """).With("$c", Container).With("$s", FeedbackDocument.StageName(stage))
            .With("$before", updatedBefore.ToUnixTimeMilliseconds() / 1000.0).With("$n", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) yield return FeedbackDocument.Parse(reader.GetString(0));
    }

    public Task<IReadOnlyDictionary<FeedbackStage, long>> CountByStageAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<FeedbackStage, long>>(c =>
        {
            var command = c.Command("SELECT stage, COUNT(*) FROM documents WHERE container = $c GROUP BY stage").With("$c", Container);
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<FeedbackStage, long>();
            while (reader.Read())
                if (!reader.IsDBNull(0)) counts[FeedbackDocument.ParseStage(reader.GetString(0))] = reader.GetInt64(1);
            return counts;
        }, cancellationToken);
}
