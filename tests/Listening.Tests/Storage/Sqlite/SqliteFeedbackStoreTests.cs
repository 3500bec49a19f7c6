using Listening.Storage;
using Listening.Storage.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>The store contract against the local shape's SQLite file (a fresh file per test).</summary>
public sealed class SqliteFeedbackStoreTests : FeedbackStoreContract, IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"listening-store-{Guid.NewGuid():N}");
    private readonly List<SqliteDatabase> databases = [];

    protected override Task<IFeedbackStore> NewStoreAsync()
    {
        var database = new SqliteDatabase(Path.Combine(directory, $"{databases.Count}.db"));
        databases.Add(database);
        return Task.FromResult<IFeedbackStore>(new SqliteFeedbackStore(database));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases) await database.DisposeAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
