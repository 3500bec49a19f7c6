using Listening.Local;
using Microsoft.Data.Sqlite;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>
/// The local host builds its SQLite stores and queue before it takes a request. Their constructors create tables through
/// the database's writer loop; when the first burst of requests built them instead, every request thread blocked on the
/// container's lock while the builder waited for a thread-pool thread to run the writer — intake answered nothing for
/// 6–20 s after each start under 32 connections. This test pins the cause (the tables exist once the app is built, before
/// any request or hosted service), not a duration.
/// </summary>
public sealed class SqliteStartupTests
{
    [Fact]
    public async Task The_local_host_creates_every_table_before_it_takes_a_request()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"listening-startup-{Guid.NewGuid():N}");
        try
        {
            await using (var app = LocalApp.Build([$"--Listening:Local:DataDir={dir}", "--Logging:LogLevel:Default=Warning",
                             $"--Listening:Security:Key={Security.TestKeys.Secret}"]))
            {
                await using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "listening.db")};Pooling=False");
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
                var tables = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                    while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
                // One table of each adapter that creates its own: the documents, the queue, the responses store, erasure.
                Assert.Contains("documents", tables);
                Assert.Contains("messages", tables);
                Assert.Contains("outbox", tables);
                Assert.Contains("loyalty_ledger", tables);
                Assert.Contains("erased_identities", tables);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
