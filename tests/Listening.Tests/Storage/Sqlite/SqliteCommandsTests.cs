using Listening.Storage.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>
/// Statements are cached per connection with their parameter objects, which only change value between uses: each use must
/// run with exactly the values it bound, and a use that leaves a parameter unbound must fail, never run with the last value.
/// </summary>
public sealed class SqliteCommandsTests
{
    [Fact]
    public async Task A_cached_statement_runs_with_each_uses_own_values_and_fails_when_one_is_left_unbound()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"listening-commands-{Guid.NewGuid():N}");
        try
        {
            await using var database = new SqliteDatabase(Path.Combine(dir, "listening.db"));
            const string sql = "SELECT coalesce($a, 'null') || '/' || $b";
            var (first, second) = database.WriteNow(tx =>
                (tx.Command(sql).With("$a", "x").With("$b", 1).ExecuteScalar(), tx.Command(sql).With("$b", 2).With("$a", null).ExecuteScalar()));
            Assert.Equal("x/1", first);
            Assert.Equal("null/2", second);
            Assert.Throws<InvalidOperationException>(() => database.WriteNow(tx => tx.Command(sql).With("$b", 3).ExecuteScalar()));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
