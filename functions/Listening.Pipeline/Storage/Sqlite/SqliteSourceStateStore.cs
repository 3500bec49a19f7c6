using System.Text.Json;
using Listening.Storage.Sqlite;
using Listening.Channels.Polling;

namespace Listening.Storage.Sqlite;

/// <summary>Source state as documents in the <c>channel-sources</c> container of the local store.</summary>
public sealed class SqliteSourceStateStore(SqliteDatabase database) : ISourceStateStore
{
    private const string Container = "channel-sources";

    private sealed record Document(string Id, string Url, string? ETag, string? LastModified, List<string> SeenIds);

    public async Task<SourceState> GetAsync(string url, CancellationToken cancellationToken)
    {
        var json = await database.ReadAsync(connection => SqliteDocuments.Get(connection, Container, Key(url)), cancellationToken);
        if (json is null) return SourceState.New(url);
        var doc = JsonSerializer.Deserialize<Document>(json, Pipeline.ListeningJson.Options)!;
        return new SourceState(url, doc.ETag, doc.LastModified, doc.SeenIds.ToHashSet(StringComparer.Ordinal));
    }

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(new Document(Key(state.Url), state.Url, state.ETag, state.LastModified, state.SeenIds.ToList()), Pipeline.ListeningJson.Options);
        return database.WriteAsync(tx => { SqliteDocuments.Upsert(tx, Container, Key(state.Url), json, default); return 0; }, cancellationToken);
    }

    internal static string Key(string url) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(url))[..16]);
}
