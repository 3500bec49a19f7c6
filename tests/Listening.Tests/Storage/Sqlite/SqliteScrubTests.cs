using System.Text;
using Listening.Storage.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>
/// What an erasure relies on to leave no bytes behind: <c>secure_delete</c> zeroes freed space, but B-tree rebalances copy
/// rows between pages and leave the moved bytes in the gap of the rebuilt page; <see cref="SqliteDatabase.ScrubAsync"/>
/// rebuilds the file.
/// </summary>
public sealed class SqliteScrubTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"listening-scrub-{Guid.NewGuid():N}");

    [Fact]
    public async Task Rewritten_documents_leave_old_bytes_in_rebalanced_pages_until_the_file_is_scrubbed()
    {
        var path = Path.Combine(directory, "scrub.db");
        await using var database = new SqliteDatabase(path);
        var random = new Random(1);
        var ids = new List<string>();
        // As the pipeline writes them: a batch of new documents at ingest, then each rewritten larger when scored.
        for (var batch = 0; batch < 60; batch++)
        {
            var fresh = Enumerable.Range(0, 20).Select(_ => $"{random.NextInt64():x16}").ToList();
            ids.AddRange(fresh);
            await database.WriteAsync(tx =>
            {
                foreach (var id in fresh) SqliteDocuments.Upsert(tx, "feedback", id, Body(id, random.Next(300, 600), 0), default);
                return 0;
            });
            await database.WriteAsync(tx =>
            {
                foreach (var id in fresh) SqliteDocuments.Upsert(tx, "feedback", id, Body(id, random.Next(300, 600), random.Next(400, 600)), default);
                return 0;
            });
        }
        // The "erasure": every document rewritten without its secret.
        await database.WriteAsync(tx =>
        {
            foreach (var id in ids)
                SqliteDocuments.Upsert(tx, "feedback", id, $$"""{"author":null,"text":"{{new string('z', random.Next(100, 900))}}"}""", default);
            return 0;
        });
        await database.CheckpointTruncateAsync();
        var before = SecretsIn(path);

        await database.ScrubAsync();

        Assert.True(before > 0, "the rewrites left no old bytes behind: this test no longer shows the hazard it guards against");
        Assert.Equal(0, SecretsIn(path));
        Assert.Equal((long)ids.Count, await database.ReadAsync(c => (long)c.Command("SELECT COUNT(*) FROM documents").ExecuteScalar()!));
    }

    private static string Body(string id, int text, int scores) =>
        $$"""{"author":"secret-person-{{id}}","text":"{{new string('x', text)}}","scores":"{{new string('y', scores)}}"}""";

    private static int SecretsIn(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var marker = Encoding.UTF8.GetBytes("secret-person-");
        var found = 0;
        for (var at = bytes.AsSpan().IndexOf(marker); at >= 0; found++)
        {
            var next = bytes.AsSpan(at + 1).IndexOf(marker);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return found;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
