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

    [Fact]
    public async Task A_data_dir_of_schema_4_keeps_its_documents_in_a_rowid_table_after_open()
    {
        var path = Path.Combine(directory, "schema4.db");
        var item = Item("Stored in a WITHOUT ROWID table", brand: "Lavka", createdAt: Now.AddHours(-1));
        await using (var old = new SqliteDatabase(path))
        {
            await new SqliteFeedbackStore(old).AddIfAbsentAsync(item, Now, default);
            // What schema 4 had: the documents keyed by (container, id) in a WITHOUT ROWID table.
            await old.WriteAsync(tx =>
            {
                tx.Command("""
                    DROP INDEX documents_stage; DROP INDEX documents_brand; DROP INDEX documents_competitor;
                    ALTER TABLE documents RENAME TO d5;
                    CREATE TABLE documents(container TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, brand TEXT, competitor_of TEXT,
                      created_unix REAL, stage TEXT, PRIMARY KEY (container, id)) WITHOUT ROWID;
                    INSERT INTO documents SELECT container, id, body, brand, competitor_of, created_unix, stage FROM d5;
                    DROP TABLE d5;
                    CREATE INDEX documents_stage ON documents(container, stage);
                    CREATE INDEX documents_brand ON documents(container, brand, created_unix);
                    CREATE INDEX documents_competitor ON documents(container, competitor_of, created_unix) WHERE competitor_of IS NOT NULL;
                    PRAGMA user_version = 4;
                    """).ExecuteNonQuery();
                return 0;
            });
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = new SqliteDatabase(path);
        databases.Add(reopened);
        var store = new SqliteFeedbackStore(reopened);
        var found = new List<FeedbackRecord>();
        await foreach (var record in store.QueryAsync("lavka", Now.AddDays(-1), Now, default)) found.Add(record);

        Assert.Equal(item.Text, Assert.Single(found).Item.Text);
        Assert.Equal(item.Text, (await store.GetAsync(item.Id, default))!.Item.Text);
        Assert.Equal(1, (await store.CountByStageAsync(default))[FeedbackStage.Ingested]);
        var ddl = await reopened.ReadAsync(c => (string)c.Command("SELECT sql FROM sqlite_master WHERE name = 'documents'").ExecuteScalar()!);
        Assert.DoesNotContain("WITHOUT ROWID", ddl, StringComparison.OrdinalIgnoreCase);
        // A second item lands next to the first, and the unique key still makes the insert idempotent.
        Assert.False((await store.AddIfAbsentAsync(item, Now, default)).Created);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in databases) await database.DisposeAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }
}
