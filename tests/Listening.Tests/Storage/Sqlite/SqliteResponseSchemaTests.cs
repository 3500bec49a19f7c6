using Listening.Storage.Sqlite;
using Listening.Tests.Security;
using Microsoft.Data.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

public sealed class SqliteResponseSchemaTests
{
    [Fact]
    public async Task A_database_written_before_round_12_loses_the_unread_decision_index_and_keeps_its_decisions()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"listening-responseschema-{Guid.NewGuid():N}");
        var path = Path.Combine(dir, "listening.db");
        try
        {
            await using (var before = new SqliteDatabase(path))
            {
                _ = new SqliteResponseStore(before, TestKeys.Person);
                // What the earlier schema created, with a decision in the table.
                before.WriteNow(tx => Execute(tx, """
                    CREATE INDEX response_decisions_created ON response_decisions(created_ms);
                    INSERT INTO response_decisions(item_id, source, kind, tone, created_ms, decided_ms, reachable, follow_up, loyalty_reason, points)
                    VALUES ('item-1', 'test', 'review', 'thanks', 1, 2, 0, 0, 'none', 0);
                    """));
            }
            SqliteConnection.ClearAllPools();

            await using var after = new SqliteDatabase(path);
            _ = new SqliteResponseStore(after, TestKeys.Person);

            Assert.Equal(0L, after.WriteNow(tx => Scalar(tx, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'response_decisions_created'")));
            Assert.Equal(1L, after.WriteNow(tx => Scalar(tx, "SELECT COUNT(*) FROM response_decisions WHERE item_id = 'item-1'")));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static int Execute(SqliteTransaction tx, string sql)
    {
        using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteTransaction tx, string sql)
    {
        using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
