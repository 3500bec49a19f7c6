using Listening.Storage;
using Listening.Storage.Sqlite;
using Listening.Pipeline;

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

    [Fact]
    public async Task A_data_dir_of_schema_3_is_re_indexed_by_brand_key_on_open()
    {
        var path = Path.Combine(directory, "schema3.db");
        var item = Item("Stored before brand keys", brand: "Lavka", createdAt: Now.AddHours(-1));
        await using (var old = new SqliteDatabase(path))
        {
            await new SqliteFeedbackStore(old).AddIfAbsentAsync(item, Now, default);
            // What schema 3 wrote: the brand as given in the index column.
            await old.WriteAsync(tx =>
            {
                tx.Command("UPDATE documents SET brand = 'Lavka'").ExecuteNonQuery();
                tx.Command("PRAGMA user_version = 3").ExecuteNonQuery();
                return 0;
            });
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = new SqliteDatabase(path);
        databases.Add(reopened);
        var found = new List<FeedbackRecord>();
        await foreach (var record in new SqliteFeedbackStore(reopened).QueryAsync("lavka", Now.AddDays(-1), Now, default)) found.Add(record);

        Assert.Equal("Lavka", Assert.Single(found).Item.Brand);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases) await database.DisposeAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
