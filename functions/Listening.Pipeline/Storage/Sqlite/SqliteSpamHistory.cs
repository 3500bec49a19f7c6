using Listening.Core.Channels.Social;
using Listening.Ingest;

namespace Listening.Storage.Sqlite;

/// <summary>
/// <see cref="ISpamHistory"/> in the local document table (container <c>spam-authors</c>). The posts are read and
/// checked off the writer (a pooled reader), and written back only if nobody wrote them in between (compare and set
/// on the stored body), so the single writer does one small statement per author; after a few lost races the whole
/// update runs inside one write transaction, where it cannot lose. SQLite has one writer per file, so an author's
/// updates are serialized across `serve` and a concurrent `listening import` on the same data dir. Nothing is written for
/// an erased author: every write is conditional on the author's spam key not being a tombstone (<see cref="SqliteErasures"/>).
/// </summary>
public sealed class SqliteSpamHistory(SqliteDatabase database, Listening.Access.ListeningKeys keys) : ISpamHistory
{
    public const string Container = "spam-authors";
    private const int OptimisticAttempts = 3;

    public async Task<T> UpdateAsync<T>(string authorKey, Func<List<SpamPost>, T> check, CancellationToken cancellationToken)
    {
        var spamKey = keys.SpamKey(authorKey);
        var id = SpamHistoryDocument.IdOf(spamKey);
        for (var attempt = 0; attempt < OptimisticAttempts; attempt++)
        {
            var stored = await database.ReadAsync(c => SqliteDocuments.Get(c, Container, id), cancellationToken);
            var posts = stored is null ? [] : SpamHistoryDocument.Parse(stored);
            var result = check(posts);
            var json = SpamHistoryDocument.ToJson(id, posts).ToJsonString();
            var written = await database.WriteAsync(tx => SqliteErasures.IsErased(tx, [spamKey]) ? (bool?)null : stored is null
                ? tx.Command("INSERT INTO documents(container, id, body) VALUES ($c, $id, $body) ON CONFLICT(container, id) DO NOTHING")
                    .With("$c", Container).With("$id", id).With("$body", json).ExecuteNonQuery() == 1
                : tx.Command("UPDATE documents SET body = $body WHERE container = $c AND id = $id AND body = $old")
                    .With("$c", Container).With("$id", id).With("$body", json).With("$old", stored).ExecuteNonQuery() == 1, cancellationToken);
            if (written is not false) return result; // written, or an erased author whose posts are not kept
        }
        return await database.WriteAsync(tx =>
        {
            var stored = tx.Command("SELECT body FROM documents WHERE container = $c AND id = $id")
                .With("$c", Container).With("$id", id).ExecuteScalar() as string;
            var posts = stored is null ? [] : SpamHistoryDocument.Parse(stored);
            var result = check(posts);
            if (!SqliteErasures.IsErased(tx, [spamKey])) SqliteDocuments.Upsert(tx, Container, id, SpamHistoryDocument.ToJson(id, posts).ToJsonString(), default);
            return result;
        }, cancellationToken);
    }
}
