using Listening.Storage.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>
/// The WAL's checkpoints run off the writer's commits (a checkpoint thread copies, the writer finishes between rounds),
/// and the WAL still restarts: it does not grow with what was written.
/// </summary>
public sealed class SqliteCheckpointTests : IAsyncLifetime
{
    private const int RestartPages = 64;
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"listening-checkpoint-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_writer_that_never_pauses_keeps_a_bounded_wal_restarted_by_the_checkpoint_thread()
    {
        var path = Path.Combine(directory, "checkpoint.db");
        await using var database = new SqliteDatabase(path, RestartPages);
        await database.WriteAsync(tx => tx.Command("CREATE TABLE pages(id INTEGER PRIMARY KEY, body BLOB NOT NULL)").ExecuteNonQuery());
        var body = new byte[4000];
        long largestWal = 0;
        var written = 0;
        // About 20 times the restart size in WAL frames (a 4 kB row is at least one page per commit), for at least a second.
        var started = DateTime.UtcNow;
        while (written < 2000 || DateTime.UtcNow - started < TimeSpan.FromSeconds(1))
        {
            var id = ++written;
            await database.WriteAsync(tx => tx.Command("INSERT INTO pages(id, body) VALUES ($id, $b)").With("$id", id).With("$b", body).ExecuteNonQuery());
            largestWal = Math.Max(largestWal, new FileInfo(path + "-wal").Length);
        }

        Assert.True(database.FinishedCheckpoints > 0, "the writer never finished a checkpoint for the checkpoint thread");
        // 4 × RestartPages frames is the writer's own automatic checkpoint, the backstop; without any, the WAL would hold
        // every frame written (≥ 2,000 pages, 8 MB).
        Assert.True(largestWal < 4 * RestartPages * 4120 + 64 * 4120, $"the WAL grew to {largestWal} bytes");
        Assert.Equal((long)written, await database.ReadAsync(c => (long)c.Command("SELECT COUNT(*) FROM pages").ExecuteScalar()!));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
