using Listening.Core.Channels.Social;
using Listening.Ingest;
using Listening.Storage.Cosmos;
using Listening.Storage.Sqlite;
using Listening.Tests.Stores.Cosmos;

namespace Listening.Tests.Ingest;

/// <summary>
/// What every <see cref="ISpamHistory"/> adapter must do: keep an author's posts across calls (and so across
/// processes and instances, since it is the store), and never lose a post when updates of one author race.
/// </summary>
public abstract class SpamHistoryContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    protected abstract Task<ISpamHistory> NewHistoryAsync();

    private static SpamPost Post(string id, int minute = 0) =>
        new(id, At.AddMinutes(minute), [1UL, ulong.MaxValue, 0x8000_0000_0000_0001UL], ulong.MaxValue - 7, SpamKind.CrossPost, "original");

    [Fact]
    public async Task Posts_written_for_an_author_read_back_exactly()
    {
        var history = await NewHistoryAsync();
        await history.UpdateAsync("kate", posts => { posts.Add(Post("a")); return 0; }, default);

        var read = await history.UpdateAsync("kate", posts => posts.ToList(), default);

        var post = Assert.Single(read);
        Assert.Equal(Post("a") with { Shingles = post.Shingles }, post);
        Assert.Equal(Post("a").Shingles, post.Shingles); // 64-bit hashes survive the JSON round trip
        Assert.Empty(await history.UpdateAsync("tom", posts => posts.ToList(), default));
    }

    [Fact]
    public async Task Concurrent_updates_of_one_author_lose_no_post()
    {
        var history = await NewHistoryAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            history.UpdateAsync("flood", posts => { posts.Add(Post($"p{i}", i)); return posts.Count; }, default)));

        var ids = await history.UpdateAsync("flood", posts => posts.Select(p => p.Id).ToList(), default);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"p{i}").Order(), ids.Order());
    }
}

public sealed class SqliteSpamHistoryTests : SpamHistoryContract, IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"listening-spam-{Guid.NewGuid():N}");
    private readonly List<SqliteDatabase> _databases = [];

    protected override Task<ISpamHistory> NewHistoryAsync()
    {
        var database = new SqliteDatabase(Path.Combine(_directory, $"{_databases.Count}.db"));
        _databases.Add(database);
        return Task.FromResult<ISpamHistory>(new SqliteSpamHistory(database, Security.TestKeys.Keys));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The same contract on a real Cosmos DB protocol server on loopback (ETag races included).</summary>
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosSpamHistoryTests(CosmosServerFixture server) : SpamHistoryContract
{
    protected override async Task<ISpamHistory> NewHistoryAsync()
    {
        var aggregates = new CosmosDocuments((await server.NewContainersAsync("spam")).Aggregates, CosmosFeedbackStoreTests.NewCharges().Charges);
        return new CosmosSpamHistory(aggregates, Security.TestKeys.Keys, new CosmosErasures(aggregates));
    }
}
