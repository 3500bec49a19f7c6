using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Erasure;
using Microsoft.Data.Sqlite;

namespace Listening.Storage.Sqlite;

/// <summary>
/// The erasure tombstones and the identity index of the local file: <c>erased_identities</c> (the keyed hash of every
/// identifier of every erased person) and <c>identities</c> (item id under each keyed identifier of its author, written with
/// the item). Every write that could carry a person — ingest, a stage's commit, a response decision, a spam-history update —
/// runs <see cref="IsErased"/> inside its own transaction, and the erasure records its tombstones in the transaction that
/// rewrites the person's rows: SQLite has one writer, so each such write either precedes the erasure (which then finds and
/// rewrites it) or sees the tombstone.
/// </summary>
public sealed class SqliteErasures : IErasureRegistry
{
    private readonly SqliteDatabase database;

    public SqliteErasures(SqliteDatabase database, PersonKeys keys)
    {
        this.database = database;
        database.WriteNow(tx => Backfill(tx, keys));
    }

    public Task RecordAsync(IEnumerable<string> keys, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(tx => { Record(tx, keys, now); return 0; }, cancellationToken);

    public Task<IReadOnlySet<string>> ErasedAmongAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? Task.FromResult<IReadOnlySet<string>>(new HashSet<string>()) : database.ReadAsync(c => Among(c.Command, keys), cancellationToken);

    public Task<bool> IsErasedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? Task.FromResult(false) : database.ReadAsync(c => Any(c.Command, keys), cancellationToken);

    /// <summary>Inside the caller's transaction: which of <paramref name="keys"/> are tombstones.</summary>
    public static IReadOnlySet<string> ErasedAmong(SqliteTransaction tx, IReadOnlyCollection<string> keys) =>
        keys.Count == 0 ? new HashSet<string>() : Among(tx.Command, keys);

    private static IReadOnlySet<string> Among(Func<string, SqliteCommand> sql, IReadOnlyCollection<string> keys)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        using var reader = sql("SELECT key FROM erased_identities WHERE key IN (SELECT value FROM json_each($keys))")
            .With("$keys", JsonSerializer.Serialize(keys)).ExecuteReader();
        while (reader.Read()) found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>Inside the caller's transaction: is any of <paramref name="keys"/> a tombstone?</summary>
    public static bool IsErased(SqliteTransaction tx, IReadOnlyCollection<string> keys) => keys.Count > 0 && Any(tx.Command, keys);

    /// <summary>Whether any erasure was ever recorded in the file (the stages skip the per-key checks until one was).</summary>
    /// <remarks>Asked once per transaction (a group commit runs dozens of stage writes in one; the answer cannot change inside
    /// it except through <see cref="Record"/>, which sets it), not once per write.</remarks>
    public static bool AnyErasure(SqliteTransaction tx)
    {
        if (Answered.TryGetValue(tx, out var known)) return known.Value;
        var any = tx.Command("SELECT EXISTS(SELECT 1 FROM erased_identities)").ExecuteScalar() is 1L;
        Answered.AddOrUpdate(tx, new StrongBox<bool>(any));
        return any;
    }

    private static readonly ConditionalWeakTable<SqliteTransaction, StrongBox<bool>> Answered = new();

    private static bool Any(Func<string, SqliteCommand> sql, IReadOnlyCollection<string> keys) =>
        sql("SELECT EXISTS(SELECT 1 FROM erased_identities WHERE key IN (SELECT value FROM json_each($keys)))")
            .With("$keys", JsonSerializer.Serialize(keys)).ExecuteScalar() is 1L;

    public static void Record(SqliteTransaction tx, IEnumerable<string> keys, DateTimeOffset now)
    {
        Answered.AddOrUpdate(tx, new StrongBox<bool>(true));
        foreach (var key in keys)
            tx.Command("INSERT INTO erased_identities(key, at_ms) VALUES ($k, $at) ON CONFLICT(key) DO NOTHING")
                .With("$k", key).With("$at", now.ToUnixTimeMilliseconds()).ExecuteNonQuery();
    }

    /// <summary>Indexes an item under its author's identifier keys (inside the transaction that creates it).</summary>
    public static void Index(SqliteTransaction tx, string itemId, IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
            tx.Command("INSERT INTO identities(key, item_id) VALUES ($k, $id) ON CONFLICT DO NOTHING").With("$k", key).With("$id", itemId).ExecuteNonQuery();
    }

    /// <summary>The feedback documents indexed under any of <paramref name="keys"/>, or whose <c>author.id</c> is one of
    /// <paramref name="authorIds"/> (the index does not cover documents written before it existed).</summary>
    public static IReadOnlyList<JsonObject> FindItems(SqliteTransaction tx, IReadOnlyCollection<string> keys, IReadOnlyCollection<string> authorIds)
    {
        var found = new List<JsonObject>();
        using var reader = tx.Command("""
            SELECT body FROM documents WHERE container = 'feedback' AND id IN (SELECT item_id FROM identities WHERE key IN (SELECT value FROM json_each($keys)))
            UNION
            SELECT body FROM documents WHERE container = 'feedback' AND json_valid(body) AND json_extract(body, '$.author.id') IN (SELECT value FROM json_each($ids))
            """).With("$keys", JsonSerializer.Serialize(keys)).With("$ids", JsonSerializer.Serialize(authorIds)).ExecuteReader();
        while (reader.Read())
            if (ErasureScope.Parse(reader.GetString(0)) is { } document) found.Add(document);
        return found;
    }

    /// <summary>Once per file: the identity index for documents written before it existed (keys need the deployment's secret,
    /// so this cannot be a schema migration).</summary>
    private static int Backfill(SqliteTransaction tx, PersonKeys keys)
    {
        if (tx.Command("SELECT value FROM meta WHERE name = 'identities'").ExecuteScalar() is not null) return 0;
        var rows = new List<(string Id, IReadOnlyList<string> Keys)>();
        using (var reader = tx.Command("SELECT id, body FROM documents WHERE container = 'feedback' AND json_valid(body) AND json_type(body, '$.author') = 'object'").ExecuteReader())
            while (reader.Read())
                if (ErasureScope.Parse(reader.GetString(1)) is { } document && ErasureScope.AuthorOf(document) is { } author)
                    rows.Add((reader.GetString(0), keys.IndexKeys(author, document["source"]?.GetValue<string>() ?? "")));
        foreach (var (id, itemKeys) in rows) Index(tx, id, itemKeys);
        tx.Command("INSERT INTO meta(name, value) VALUES ('identities', 'v1')").ExecuteNonQuery();
        return rows.Count;
    }
}
