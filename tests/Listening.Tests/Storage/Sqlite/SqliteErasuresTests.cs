using Listening.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>
/// "Any erasure?" is answered once per transaction (a group commit runs many stage writes in one): a tombstone recorded
/// earlier in the same transaction must still be seen by the writes after it, and a later transaction asks the file again.
/// </summary>
public sealed class SqliteErasuresTests
{
    [Fact]
    public async Task A_tombstone_recorded_earlier_in_the_same_transaction_is_seen_by_the_writes_after_it()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"listening-erasures-{Guid.NewGuid():N}");
        try
        {
            await using var database = new SqliteDatabase(Path.Combine(dir, "listening.db"));
            var (before, after) = database.WriteNow(tx =>
            {
                var first = SqliteErasures.AnyErasure(tx);
                SqliteErasures.Record(tx, ["person-key"], DateTimeOffset.UnixEpoch);
                return (first, SqliteErasures.AnyErasure(tx));
            });
            var nextTransaction = await database.WriteAsync(SqliteErasures.AnyErasure);

            Assert.False(before);
            Assert.True(after);
            Assert.True(nextTransaction);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
