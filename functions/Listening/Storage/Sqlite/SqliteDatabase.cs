using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Listening.Storage.Sqlite;

/// <summary>
/// The local shape's one SQLite file (WAL): queue messages, documents. Every write goes through one
/// connection and is group-committed — concurrent writers are batched into a single transaction, each
/// in its own savepoint so one failing write does not undo the others. A write's task completes only
/// after its transaction committed, so whatever a caller acknowledges (a 202, a completed message) is
/// on disk and survives a kill -9 (WAL + synchronous=NORMAL loses nothing on a process crash).
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private readonly string connectionString;
    private readonly SqliteConnection writer;
    private readonly Channel<IWrite> writes = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;

    public SqliteDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        writer = new SqliteConnection(connectionString);
        writer.Open();
        Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;");
        Execute(writer, Schema);
        loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Runs <paramref name="write"/> inside the next group commit; completes after the commit.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken = default)
    {
        var op = new Write<T>(write);
        if (!writes.Writer.TryWrite(op)) throw new ObjectDisposedException(nameof(SqliteDatabase));
        return op.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A read on its own pooled connection (WAL readers never block the writer).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return read(connection);
    }

    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<IWrite>(MaxBatch);
        while (await writes.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && writes.Reader.TryRead(out var op)) batch.Add(op);
            try
            {
                using (var tx = writer.BeginTransaction())
                {
                    foreach (var op in batch)
                    {
                        Execute(tx, "SAVEPOINT w");
                        try { op.Run(tx); Execute(tx, "RELEASE w"); }
                        catch (Exception e)
                        {
                            Execute(tx, "ROLLBACK TO w; RELEASE w");
                            op.Fail(e);
                        }
                    }
                    tx.Commit();
                }
                foreach (var op in batch) op.Succeed();
            }
            catch (Exception e)
            {
                foreach (var op in batch) op.Fail(e);
            }
            batch.Clear();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteTransaction tx, string sql)
    {
        using var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        writes.Writer.TryComplete();
        await loop;
        writer.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }

    private interface IWrite
    {
        void Run(SqliteTransaction tx);
        void Succeed();
        void Fail(Exception error);
    }

    private sealed class Write<T>(Func<SqliteTransaction, T> write) : IWrite
    {
        private T? result;
        private bool failed;
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Run(SqliteTransaction tx) => result = write(tx);
        public void Succeed() { if (!failed) Completion.TrySetResult(result!); }
        public void Fail(Exception error) { failed = true; Completion.TrySetException(error); }
    }

    // Documents: the local stand-in for Cosmos DB containers. The generated columns index what the
    // feedback queries filter on; any other container just leaves them null.
    // Messages: the local stand-in for Service Bus queues; a dead-letter queue is the queue named
    // "<queue>/$DeadLetterQueue", as Service Bus addresses it.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS documents(
          container TEXT NOT NULL,
          id TEXT NOT NULL,
          body TEXT NOT NULL,
          brand TEXT GENERATED ALWAYS AS (json_extract(body, '$.brand')) VIRTUAL,
          competitor_of TEXT GENERATED ALWAYS AS (json_extract(body, '$.competitorOf')) VIRTUAL,
          created_unix REAL GENERATED ALWAYS AS (unixepoch(json_extract(body, '$.createdAt'), 'subsec')) VIRTUAL,
          stage TEXT GENERATED ALWAYS AS (json_extract(body, '$.stage')) VIRTUAL,
          PRIMARY KEY (container, id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS documents_stage ON documents(container, stage);
        CREATE INDEX IF NOT EXISTS documents_brand ON documents(container, brand, created_unix);
        CREATE INDEX IF NOT EXISTS documents_competitor ON documents(container, competitor_of, created_unix);
        CREATE TABLE IF NOT EXISTS messages(
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          queue TEXT NOT NULL,
          message_id TEXT NOT NULL,
          body TEXT NOT NULL,
          enqueued_at INTEGER NOT NULL,
          visible_at INTEGER NOT NULL,
          delivery_count INTEGER NOT NULL DEFAULT 0,
          lock_token TEXT,
          last_error TEXT,
          dead_letter_reason TEXT);
        CREATE INDEX IF NOT EXISTS messages_ready ON messages(queue, visible_at, seq);
        CREATE TABLE IF NOT EXISTS message_ids(
          queue TEXT NOT NULL,
          message_id TEXT NOT NULL,
          expires_at INTEGER NOT NULL,
          PRIMARY KEY (queue, message_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS message_ids_expiry ON message_ids(expires_at);
        """;
}

/// <summary>Small ADO.NET shorthands for the local stores.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteTransaction tx, string sql)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    public static SqliteCommand Command(this SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
