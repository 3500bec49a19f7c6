using System.Diagnostics;
using Listening.Storage.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>
/// Two databases on one file in one process: disposing one leaves the other's file locks in place, so another process
/// that opens and closes the file cannot take itself for the WAL's last user and delete the WAL under the live one.
/// </summary>
public sealed class SqliteSharedFileTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"listening-shared-file-{Guid.NewGuid():N}");

    [Fact]
    public async Task Disposing_one_database_keeps_the_locks_another_on_the_same_file_holds()
    {
        var path = Path.Combine(directory, "shared.db");
        var first = new SqliteDatabase(path);
        var second = new SqliteDatabase(path);
        Assert.Equal(2, DatabaseFileHandle.UsersOf(path));
        await second.WriteAsync(tx => tx.Command("CREATE TABLE notes(id INTEGER PRIMARY KEY)").ExecuteNonQuery());
        await second.WriteAsync(tx => tx.Command("INSERT INTO notes(id) VALUES (1)").ExecuteNonQuery());
        await first.DisposeAsync();

        // Another process (Python's own SQLite) opens, reads and closes the file. Holding no lock of ours, it would
        // get the exclusive lock on close, checkpoint the WAL and delete it while `second` still writes to it.
        Assert.Equal("1", RunOtherProcess(path));
        Assert.True(File.Exists(path + "-wal"), "another process deleted the WAL of a database still open here");

        await second.WriteAsync(tx => tx.Command("INSERT INTO notes(id) VALUES (2)").ExecuteNonQuery());
        Assert.Equal("2", RunOtherProcess(path));
        await second.DisposeAsync();
        Assert.Equal(0, DatabaseFileHandle.UsersOf(path));
        await using var reopened = new SqliteDatabase(path);
        Assert.Equal(2L, await reopened.ReadAsync(c => (long)c.Command("SELECT COUNT(*) FROM notes").ExecuteScalar()!));
    }

    /// <summary>Counts the rows from a separate process; python3 is installed by scripts/install-test-deps.sh.</summary>
    private static string RunOtherProcess(string path)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nprint(c.execute('SELECT COUNT(*) FROM notes').fetchone()[0])\nc.close()", path })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 failed: {error}");
        return output.Trim();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }
}
