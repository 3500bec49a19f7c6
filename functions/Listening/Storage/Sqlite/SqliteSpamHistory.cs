using Listening.Core.Channels.Social;
using Listening.Ingest;

namespace Listening.Storage.Sqlite;

/// <summary>
/// <see cref="ISpamHistory"/> in the local document table (container <c>spam-authors</c>). Read, check and write
/// run inside one write transaction, and SQLite has one writer per file, so an author's updates are serialized
/// across `serve` and a concurrent `listening import` on the same data dir.
/// </summary>
public sealed class SqliteSpamHistory(SqliteDatabase database) : ISpamHistory
{
    public const string Container = "spam-authors";

    public Task<T> UpdateAsync<T>(string authorKey, Func<List<SpamPost>, T> check, CancellationToken cancellationToken)
    {
        var id = SpamHistoryDocument.IdOf(authorKey);
        return database.WriteAsync(tx =>
        {
            var stored = tx.Command("SELECT body FROM documents WHERE container = $c AND id = $id")
                .With("$c", Container).With("$id", id).ExecuteScalar() as string;
            var posts = stored is null ? [] : SpamHistoryDocument.Parse(stored);
            var result = check(posts);
            SqliteDocuments.Upsert(tx, Container, id, SpamHistoryDocument.ToJson(id, posts).ToJsonString(), default);
            return result;
        }, cancellationToken);
    }
}
