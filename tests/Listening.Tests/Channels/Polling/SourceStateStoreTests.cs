using Listening.Channels.Polling;
using Listening.Storage.Cosmos;
using Listening.Storage.Sqlite;
using Listening.Tests.Stores.Cosmos;

namespace Listening.Tests.Channels.Polling;

/// <summary>What the poller needs from its state store, asserted on SQLite (local shape) and Cosmos DB (Azure shape).</summary>
public abstract class SourceStateStoreTests
{
    protected abstract Task<ISourceStateStore> NewStoreAsync();

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_unknown_source_starts_with_no_validators_and_nothing_seen()
    {
        var store = await NewStoreAsync();

        var state = await store.GetAsync("https://reviews.example/acme", None);

        Assert.Equal("https://reviews.example/acme", state.Url);
        Assert.Null(state.ETag);
        Assert.Null(state.LastModified);
        Assert.Empty(state.SeenIds);
    }

    [Fact]
    public async Task Saved_validators_and_seen_ids_come_back_and_a_later_save_replaces_them()
    {
        var store = await NewStoreAsync();
        const string url = "https://reviews.example/acme?page=1";
        await store.SaveAsync(new SourceState(url, "\"v1\"", "Sat, 21 Nov 2026 10:00:00 GMT", new HashSet<string> { "r-1", "r-2" }), None);
        await store.SaveAsync(new SourceState(url, "\"v2\"", null, new HashSet<string> { "r-1", "r-2", "r-3" }), None);

        var state = await store.GetAsync(url, None);
        var other = await store.GetAsync("https://reviews.example/acme?page=2", None);

        Assert.Equal("\"v2\"", state.ETag);
        Assert.Null(state.LastModified);
        Assert.Equal(["r-1", "r-2", "r-3"], state.SeenIds.Order());
        Assert.Empty(other.SeenIds);
    }
}

public sealed class SqliteSourceStateStoreTests : SourceStateStoreTests, IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"listening-sources-{Guid.NewGuid():N}");
    private SqliteDatabase? database;

    protected override Task<ISourceStateStore> NewStoreAsync()
    {
        database = new SqliteDatabase(Path.Combine(directory, "listening.db"));
        return Task.FromResult<ISourceStateStore>(new SqliteSourceStateStore(database));
    }

    public async ValueTask DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class CosmosSourceStateStoreTests(CosmosServerFixture server) : SourceStateStoreTests
{
    protected override async Task<ISourceStateStore> NewStoreAsync()
    {
        var (_, aggregates) = await server.NewContainersAsync("sources");
        return new CosmosSourceStateStore(new CosmosDocuments(aggregates, CosmosFeedbackStoreTests.NewCharges().Charges));
    }
}
