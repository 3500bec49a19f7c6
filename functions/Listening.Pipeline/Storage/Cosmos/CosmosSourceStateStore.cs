using Listening.Storage.Cosmos;
using Listening.Channels.Polling;

namespace Listening.Storage.Cosmos;

/// <summary>
/// Source state on the Azure shape, in the <c>aggregates</c> container (one partition per polled URL, id and partition
/// <c>source|{sha256(url)[..16]}</c>): the timer may run on any instance, and an instance's disk is neither shared
/// nor kept. Last writer wins, as with SQLite: the polling timer is a singleton, and a lost update only costs a re-read.
/// </summary>
public sealed class CosmosSourceStateStore(CosmosDocuments documents) : ISourceStateStore
{
    private sealed record Document(string Id, string Pk, string Url, string? ETag, string? LastModified, List<string> SeenIds)
    {
        public string Type => "source";
    }

    public async Task<SourceState> GetAsync(string url, CancellationToken cancellationToken)
    {
        var key = Key(url);
        var stored = await documents.ReadAsync<Document>(key, key, cancellationToken);
        return stored is { Document: var d } ? new SourceState(url, d.ETag, d.LastModified, d.SeenIds.ToHashSet(StringComparer.Ordinal)) : SourceState.New(url);
    }

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        var key = Key(state.Url);
        return documents.UpsertAsync(new Document(key, key, state.Url, state.ETag, state.LastModified, state.SeenIds.ToList()), key, cancellationToken);
    }

    private static string Key(string url) => "source|" + Sqlite.SqliteSourceStateStore.Key(url);
}
