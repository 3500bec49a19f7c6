using Listening.Core.Channels.Social;

namespace Listening.Ingest;

/// <summary>
/// Each author's recent posts (<see cref="SpamPost"/>: hashes, times, verdicts — no text, no handle) for the spam
/// and cross-post check at ingest, kept in the store so every ingest process and every Function App instance sees
/// the same history, and a redelivery after a restart gets the verdict it got the first time.
/// Adapters: SQLite (container <c>spam-authors</c>), Cosmos DB (the <c>aggregates</c> container).
/// </summary>
public interface ISpamHistory
{
    /// <summary>
    /// Reads the posts of <paramref name="authorKey"/> (oldest first), lets <paramref name="check"/> read and change
    /// them, and writes them back, atomically per author: a concurrent update of the same author is never lost.
    /// <paramref name="check"/> may run more than once (a lost race is retried on fresh posts), so it must depend
    /// only on the posts it is given.
    /// </summary>
    Task<T> UpdateAsync<T>(string authorKey, Func<List<SpamPost>, T> check, CancellationToken cancellationToken);
}
