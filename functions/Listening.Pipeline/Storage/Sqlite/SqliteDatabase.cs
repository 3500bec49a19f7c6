using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Listening.Storage.Sqlite;

/// <summary>
/// The local shape's one SQLite file (WAL): queue messages, documents. Every write goes through one
/// connection and is group-committed — concurrent writers are batched into a single transaction; if one
/// of them throws, the batch is rolled back and each write is redone in its own transaction, so only the
/// failing one fails (writes are therefore plain functions of the transaction, safe to run twice). A write's task completes only
/// after its transaction committed, so whatever a caller acknowledges (a 202, a completed message) is
/// on disk and survives a kill -9 (WAL + synchronous=NORMAL loses nothing on a process crash; a power cut can lose the
/// commits since the last checkpoint's fsync, about 100 ms of them: docs/pipeline.md).
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int SmallBatch = 4;
    private static readonly TimeSpan CommitDelay = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan CheckpointInterval = TimeSpan.FromMilliseconds(100);
    // The WAL is restarted (written again from its start) once it holds this many frames: 32 MB of 4 kB pages. Each
    // restart costs the writer two fsyncs (4 ms each on this machine's disk), whatever the size: fewer, larger WALs.
    private const int DefaultWalRestartPages = 8192;
    private readonly int walRestartPages;
    private readonly string connectionString;
    private readonly SqliteConnection writer;
    private readonly Channel<IWrite> writes = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource loopDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread checkpoints;
    // The database file, for the checkpoint thread's fsync; one descriptor per file in the process, released last
    // (DisposeAsync): closing any descriptor of a file drops every POSIX lock this process holds on it, SQLite's included.
    private readonly DatabaseFileHandle databaseFile;
    private readonly CancellationTokenSource stopping = new();
    private readonly System.Collections.Concurrent.ConcurrentBag<SqliteConnection> readers = new();
    // Held while the writer connection is in use: by the write loop per round, by WriteNow for its one transaction.
    private readonly Lock writerTurn = new();
    // ScrubAsync's tickets: a VACUUM covers every request made before it started.
    private long scrubsRequested;
    private long scrubbedThrough;
    private long finishedCheckpoints;

    public SqliteDatabase(string path) : this(path, DefaultWalRestartPages) { }

    /// <param name="walRestartPages">WAL frames after which the WAL is restarted (tests make it small).</param>
    internal SqliteDatabase(string path, int walRestartPages)
    {
        this.walRestartPages = walRestartPages;
        FilePath = path;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        writer = new SqliteConnection(connectionString);
        writer.Open();
        // Checkpoints: see CheckpointLoop. The writer's automatic checkpoint is only a backstop, at four times the
        // restart size, for a checkpoint thread that falls behind: in a commit it would hold every queued write (a 202
        // among them) until it had copied and synced (bench/README.md, rounds 5, 11 and 13).
        // cache_size 4 MB, not 32: every commit ends by scanning the writer's whole page-cache hash table
        // (pcache1TruncateUnsafe, 9 % of the CPU at 32 MB), far more than the few extra page reads a smaller cache costs.
        // secure_delete: whatever a write frees (a completed queue message, a rewritten document, an erased row) is
        // zeroed in the file, so erased personal data does not linger in free pages or free space inside pages (what
        // a B-tree rebalance leaves behind needs ScrubAsync).
        // temp_store=MEMORY: a statement that changes many rows inside a larger transaction (a receive locks up to 256
        // messages) keeps the old pages in a statement journal, and past 64 kB SQLite spilled it into a new temporary
        // file — create, write, unlink, close, several times a second (bench/README.md, round 9). It only ever serves
        // a rollback inside a live transaction, so memory loses nothing a crash would not lose anyway. (Scrub's VACUUM
        // goes back to a file: its temporary copy is as large as the database.)
        Execute(writer, $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint={4 * walRestartPages}; PRAGMA cache_size=-4096; PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY;");
        using (var version = writer.CreateCommand())
        {
            version.CommandText = "PRAGMA user_version";
            var found = Convert.ToInt32(version.ExecuteScalar());
            if (found != 0 && found != SchemaVersion && found is not (3 or 4))
                throw new InvalidOperationException($"{path} was written by another version (schema {found}, expected {SchemaVersion}); use a new data dir");
            if (found is 3 or 4) MoveDocumentsToRowidTable(writer);
            Execute(writer, Schema);
            if (found == 3) MigrateBrandKeys(writer);
            Execute(writer, $"PRAGMA user_version={SchemaVersion}");
        }
        // Its own thread, not the thread pool: every write in the process waits for this loop, and as an async loop each of its
        // rounds first waited in the pool's queue behind request and stage work (bench/README.md, round 7: +13 % items/s,
        // ingest p99 −13 ms). A higher priority for the thread (nice −10) was worse: it preempts the work that feeds it.
        new Thread(WriteLoop) { IsBackground = true, Name = "sqlite-writer" }.Start();
        databaseFile = DatabaseFileHandle.Acquire(path);
        checkpoints = new Thread(CheckpointLoop) { IsBackground = true, Name = "sqlite-ckpt" };
        checkpoints.Start();
    }

    /// <summary>The database file (the WAL is <c>{FilePath}-wal</c>).</summary>
    public string FilePath { get; }

    /// <summary>
    /// Copies every committed frame of the WAL into the database file and truncates the WAL to zero bytes
    /// (<c>wal_checkpoint(TRUNCATE)</c>), on the writer between group commits: after an erasure, the old versions of the
    /// rewritten rows are gone from the files, not just unreachable. Retries while a reader still holds an older snapshot.
    /// </summary>
    public async Task CheckpointTruncateAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var op = new Write<bool>(_ => true) { OutsideTransaction = TruncateWal };
            if (!writes.Writer.TryWrite(op)) throw new ObjectDisposedException(nameof(SqliteDatabase));
            if (await op.Completion.Task.WaitAsync(cancellationToken) || attempt >= 50) return;
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>
    /// Rebuilds the file (<c>VACUUM</c>), then truncates the WAL (<see cref="CheckpointTruncateAsync"/>): for an erasure.
    /// <c>secure_delete</c> zeroes what a delete or an update frees, but a B-tree rebalance copies rows between pages and
    /// leaves the bytes it moved in the gap of the page it rebuilt — an old version of a row can survive there, on any page.
    /// Only a rebuild of every page removes them. Costs a copy of the file, on the writer; erasures that wait at once share one.
    /// </summary>
    public async Task ScrubAsync(CancellationToken cancellationToken = default)
    {
        var ticket = Interlocked.Increment(ref scrubsRequested);
        var op = new Write<bool>(_ => true) { OutsideTransaction = () => Scrub(ticket) };
        if (!writes.Writer.TryWrite(op)) throw new ObjectDisposedException(nameof(SqliteDatabase));
        await op.Completion.Task.WaitAsync(cancellationToken);
        await CheckpointTruncateAsync(cancellationToken);
    }

    private bool Scrub(long ticket)
    {
        // A VACUUM that started after this request was made covers it.
        if (Interlocked.Read(ref scrubbedThrough) >= ticket) return true;
        var covers = Interlocked.Read(ref scrubsRequested);
        try { Execute(writer, "PRAGMA temp_store=FILE; VACUUM;"); }
        finally { Execute(writer, "PRAGMA temp_store=MEMORY"); }
        Interlocked.Exchange(ref scrubbedThrough, covers);
        return true;
    }

    /// <summary>True when the WAL was truncated; false when a reader kept it busy.</summary>
    private bool TruncateWal()
    {
        using var command = writer.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        using var reader = command.ExecuteReader();
        return reader.Read() && reader.GetInt32(0) == 0;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in its own transaction on the caller's thread (between two group commits) and returns
    /// after the commit: for the adapters' constructors, which create their tables. Through <see cref="WriteAsync{T}"/>
    /// they blocked a thread until the writer loop found a free thread-pool thread, and a burst of first requests building
    /// them at once starved the pool (the start-up stall of 2026-12-06).
    /// </summary>
    public T WriteNow<T>(Func<SqliteTransaction, T> write)
    {
        var op = new Write<T>(write);
        lock (writerTurn) TryCommit([op]);
        return op.Completion.Task.GetAwaiter().GetResult(); // completed (or failed) by the commit above
    }

    /// <summary>Runs <paramref name="write"/> inside the next group commit; completes after the commit.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteTransaction, T> write, CancellationToken cancellationToken = default)
    {
        var op = new Write<T>(write);
        if (!writes.Writer.TryWrite(op)) throw new ObjectDisposedException(nameof(SqliteDatabase));
        return op.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A point read on the writer connection, inside its next group commit: for the pipeline stages' reads. A pooled
    /// reader's page cache is discarded whenever the file changed since its last read (WAL), which under a steady stream of
    /// writes is every read: each then re-reads its B-tree pages with system calls. The writer's cache never goes stale.
    /// Keep <paramref name="read"/> short (no parsing): it runs on the writer's thread.
    /// </summary>
    public Task<T> ReadLatestAsync<T>(Func<SqliteTransaction, T> read, CancellationToken cancellationToken = default) =>
        WriteAsync(read, cancellationToken);

    /// <summary>A short read on a pooled reader connection (WAL readers never block the writer; each connection
    /// keeps its prepared statements).</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!readers.TryTake(out var connection)) connection = OpenReader();
        try { return Task.FromResult(read(connection)); }
        catch (Exception e) { return Task.FromException<T>(e); }
        finally { readers.Add(connection); }
    }

    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private void WriteLoop()
    {
        try { WriteRounds(); }
        finally { loopDone.TrySetResult(); }
    }

    private void WriteRounds()
    {
        var batch = new List<IWrite>(MaxBatch);
        var outside = new List<IWrite>();
        while (writes.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && writes.Reader.TryRead(out var op))
            {
                if (op.OutsideTransaction is not null) outside.Add(op);
                else batch.Add(op);
            }
            if (batch.Count > 0) CommitRound(batch, outside);
            // After the round's commit, so its writes (a checkpoint's fsyncs can take milliseconds) are answered first.
            // Whoever asked for one of these has its earlier writes committed already; covering later ones too is harmless.
            foreach (var op in outside)
            {
                lock (writerTurn)
                {
                    try { op.Finish(op.OutsideTransaction!()); }
                    catch (Exception e) { op.Fail(e); }
                }
            }
            outside.Clear();
        }
    }

    private void CommitRound(List<IWrite> batch, List<IWrite> outside)
    {
        if (batch.Count < SmallBatch)
        {
            // Each commit appends every page it touched to the WAL: a moment's wait for more writers
            // saves far more than it costs when writes trickle in one by one.
            Thread.Sleep(CommitDelay);
            while (batch.Count < MaxBatch && writes.Reader.TryRead(out var op))
            {
                if (op.OutsideTransaction is not null) outside.Add(op);
                else batch.Add(op);
            }
        }
        lock (writerTurn)
        {
            if (!TryCommit(batch) && batch.Count > 1)
            {
                // One write failed and rolled the batch back: redo each alone so only the failing one fails.
                foreach (var op in batch) TryCommit([op]);
            }
        }
        batch.Clear();
    }

    /// <summary>
    /// Checkpoints off the writer's path, on their own thread and connection. A passive checkpoint copies the WAL's frames
    /// into the database file while the writer keeps appending, but it never catches up with a writer that never pauses,
    /// and SQLite restarts the WAL (writes it again from its start) only when a write transaction begins with every frame
    /// copied. So once the WAL holds <see cref="walRestartPages"/> frames, this thread asks the writer to copy the rest
    /// between two of its rounds, instead of SQLite's automatic checkpoint inside a commit, which held the round's writes
    /// (202s among them) until it was done. That last checkpoint syncs the WAL and then the database file, and a pass
    /// that the writer overtakes syncs only the WAL: every page copied since the last restart was still to be written
    /// to disk in the writer's fsync (a 32 MB WAL's: 40 ms). So before asking, this thread syncs the file itself and
    /// copies again what came meanwhile; the writer is left the frames of a few rounds. Its next transaction restarts
    /// the WAL, which stays bounded.
    /// Durability does not depend on any of it: a committed write is in the WAL either way.
    /// </summary>
    private void CheckpointLoop()
    {
        using var connection = OpenReader();
        while (!stopping.Token.WaitHandle.WaitOne(CheckpointInterval))
        {
            try
            {
                var (walFrames, _) = Checkpoint(connection);
                if (walFrames < walRestartPages) continue;
                RandomAccess.FlushToDisk(databaseFile.Handle);
                Checkpoint(connection);
                var finish = new Write<bool>(_ => true) { OutsideTransaction = FinishCheckpoint };
                if (!writes.Writer.TryWrite(finish)) return;
                // One request at a time: the next pass starts after the writer's.
                finish.Completion.Task.Wait(stopping.Token);
            }
            catch (OperationCanceledException) { return; }
            // Busy or locked, or the fsync failed: the next pass copies what this one could not, and the writer's
            // checkpoint syncs what it copies either way. Nothing here may end the process: on its own thread an
            // exception would, and the writer's automatic checkpoint still bounds the WAL without this thread.
            catch (Exception) { }
        }
    }

    /// <summary>On the writer, between rounds: copies what the checkpoint thread's last pass left; true when all of it.</summary>
    private bool FinishCheckpoint()
    {
        var (walFrames, copied) = Checkpoint(writer);
        if (walFrames < 0 || copied != walFrames) return false;
        Interlocked.Increment(ref finishedCheckpoints);
        return true;
    }

    /// <summary>How many times the writer copied the rest of the WAL for the checkpoint thread (for tests).</summary>
    internal long FinishedCheckpoints => Interlocked.Read(ref finishedCheckpoints);

    /// <summary>A passive checkpoint: the WAL's frames and how many of them are now in the database file (−1, −1 if busy).</summary>
    private static (int WalFrames, int Copied) Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.GetInt32(0) != 0) return (-1, -1);
        return (reader.GetInt32(1), reader.GetInt32(2));
    }

    private bool TryCommit(List<IWrite> batch)
    {
        try
        {
            using (var tx = writer.BeginTransaction())
            {
                foreach (var op in batch) op.Run(tx);
                tx.Commit();
            }
            foreach (var op in batch) op.Succeed();
            return true;
        }
        catch (Exception e)
        {
            if (batch.Count == 1) batch[0].Fail(e);
            return false;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        writes.Writer.TryComplete();
        await stopping.CancelAsync();
        await loopDone.Task;
        checkpoints.Join();
        stopping.Dispose();
        writer.Dispose();
        while (readers.TryTake(out var reader)) reader.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        databaseFile.Release();
    }

    private interface IWrite
    {
        /// <summary>Set for a statement that must run outside any transaction (a checkpoint); it returns its result.</summary>
        Func<bool>? OutsideTransaction { get; }
        void Run(SqliteTransaction tx);
        void Succeed();
        void Finish(bool result);
        void Fail(Exception error);
    }

    private sealed class Write<T>(Func<SqliteTransaction, T> write) : IWrite
    {
        private T? result;
        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Func<bool>? OutsideTransaction { get; init; }
        public void Run(SqliteTransaction tx) => result = write(tx);
        public void Succeed() => Completion.TrySetResult(result!);
        public void Finish(bool value) => Completion.TrySetResult((T)(object)value);
        public void Fail(Exception error) => Completion.TrySetException(error);
    }

    // Documents: the local stand-in for Cosmos DB containers. brand, competitor_of, created_unix and stage copy
    // the document's fields of those names (see DocumentIndex) for the feedback queries — brands as their BrandKey
    // (schema 4; schema 3 kept them as given) —; other containers leave them null.
    // Messages: the local stand-in for Service Bus queues; a dead-letter queue is the queue named
    // "<queue>/$DeadLetterQueue", as Service Bus addresses it.
    private const int SchemaVersion = 5;

    /// <summary>
    /// Schema 3/4 → 5: documents in a rowid table instead of a WITHOUT ROWID one. A feedback document is about 1.1 kB; a
    /// WITHOUT ROWID row keeps at most ~1 kB on its 4 kB page, so every document had an overflow page, and every stage's
    /// rewrite freed one (zeroed: secure_delete) and took another — four page writes where a rowid row takes one. Rowids
    /// also put consecutive items on the same pages, so a group commit's rewrites of them share WAL frames.
    /// </summary>
    private static void MoveDocumentsToRowidTable(SqliteConnection connection)
    {
        using var tx = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = "DROP INDEX IF EXISTS documents_stage; DROP INDEX IF EXISTS documents_brand; DROP INDEX IF EXISTS documents_competitor;"
                + "ALTER TABLE documents RENAME TO documents_schema4;" + DocumentsTable
                + "INSERT INTO documents(container, id, body, brand, competitor_of, created_unix, stage) SELECT container, id, body, brand, competitor_of, created_unix, stage FROM documents_schema4 ORDER BY created_unix, container, id;"
                + "DROP TABLE documents_schema4;";
            command.ExecuteNonQuery();
        }
        tx.Commit();
    }

    private const string DocumentsTable = """
        CREATE TABLE IF NOT EXISTS documents(
          container TEXT NOT NULL,
          id TEXT NOT NULL,
          body TEXT NOT NULL,
          brand TEXT,
          competitor_of TEXT,
          created_unix REAL,
          stage TEXT,
          UNIQUE (container, id));

        """;

    /// <summary>Schema 3 → 4: the brand columns hold the brand key, so "Lavka" and "lavka" are one brand.</summary>
    private static void MigrateBrandKeys(SqliteConnection connection)
    {
        // SQLite's lower() folds ASCII only; the key is .NET's invariant lower case, so the migration calls it.
        connection.CreateFunction("brand_key", (string? brand) => brand is null ? null : Listening.Core.Feedback.BrandKey.Of(brand), isDeterministic: true);
        Execute(connection, "UPDATE documents SET brand = brand_key(brand), competitor_of = brand_key(competitor_of) WHERE brand IS NOT NULL OR competitor_of IS NOT NULL");
    }

    private const string Schema = DocumentsTable + """
        CREATE INDEX IF NOT EXISTS documents_stage ON documents(container, stage);
        CREATE INDEX IF NOT EXISTS documents_brand ON documents(container, brand, created_unix);
        CREATE INDEX IF NOT EXISTS documents_competitor ON documents(container, competitor_of, created_unix) WHERE competitor_of IS NOT NULL;
        """ + Queues.Sqlite.SqliteQueue.Tables + """
        CREATE TABLE IF NOT EXISTS erased_identities(
          key TEXT PRIMARY KEY,
          at_ms INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS identities(
          key TEXT NOT NULL,
          item_id TEXT NOT NULL,
          PRIMARY KEY (key, item_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS identities_item ON identities(item_id);
        CREATE TABLE IF NOT EXISTS meta(
          name TEXT PRIMARY KEY,
          value TEXT) WITHOUT ROWID;
        """;
}

/// <summary>
/// Commands cached per connection and SQL text, so each statement is prepared once per connection (a connection is
/// used by one caller at a time: the writer loop, or a rented reader). Callers must not dispose them.
/// </summary>
internal static class SqliteCommands
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Cache = new();

    public static SqliteCommand Command(this SqliteTransaction tx, string sql)
    {
        var command = Cached(tx.Connection!, sql);
        command.Transaction = tx;
        return command;
    }

    public static SqliteCommand Command(this SqliteConnection connection, string sql)
    {
        var command = Cached(connection, sql);
        command.Transaction = null;
        return command;
    }

    private static SqliteCommand Cached(SqliteConnection connection, string sql)
    {
        var commands = Cache.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }
        // The parameter objects stay with the command and only their values change (a new object per value was 5 % of
        // the writer thread's work and of the process's allocations: bench/README.md, round 9). Unset here, so a use that
        // leaves one unbound still fails at execution ("Value must be set") instead of running with the last value.
        foreach (SqliteParameter parameter in command.Parameters) parameter.Value = null;
        return command;
    }

    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index >= 0) parameters[index].Value = value ?? DBNull.Value;
        else parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
