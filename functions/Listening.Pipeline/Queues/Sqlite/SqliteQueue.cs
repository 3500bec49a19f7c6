using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Listening.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Listening.Queues.Sqlite;

/// <summary>
/// Service Bus queues on SQLite, in the local shape's database file: at-least-once delivery with peek-lock (a receive
/// hides the message for the lock duration and counts a delivery), settlement by lock token, lock renewal, a dead-letter
/// queue (<c>{queue}/$DeadLetterQueue</c>) after <see cref="SqliteQueueOptions.MaxDeliveryCount"/> deliveries or on
/// request with a reason and description, duplicate detection by message id within a window, scheduled messages.
/// </summary>
/// <remarks>
/// Every write goes through <see cref="SqliteDatabase"/>'s group commit, so a send or settlement is on disk when its
/// task completes and survives kill -9. The local host commits a stage's outputs with the input's completion in one
/// transaction through <see cref="Enqueue"/> and <see cref="Complete(SqliteTransaction, ReceivedMessage)"/>.
/// One difference from Service Bus, on purpose: a lock that expired but whose message nobody received since can
/// still be settled (the work was done and nobody else holds the message), which saves a redelivery under load.
/// </remarks>
public sealed class SqliteQueue : IQueueSender, IQueueReceiver, IDeadLetters
{
    private readonly SqliteDatabase database;
    private readonly SqliteQueueOptions settings;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> signals = new(StringComparer.Ordinal);

    public SqliteQueue(SqliteDatabase database, IOptions<SqliteQueueOptions> options, TimeProvider time)
    {
        this.database = database;
        settings = options.Value;
        this.time = time;
        // The queue's columns beyond the original schema (written by SqliteDatabase), added once per file.
        database.WriteNow(EnsureSchema);
    }

    public SqliteQueueOptions Settings => settings;

    // ---- sending

    public async Task SendAsync(string queue, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        RejectDeadLetterQueue(queue);
        if (messages.Count == 0) return;
        await database.WriteAsync(tx => { foreach (var m in messages) Enqueue(tx, queue, m); return 0; }, cancellationToken);
        Signal(queue);
    }

    /// <summary>Adds a message inside the caller's transaction; false when its id was seen on this queue within the
    /// duplicate-detection window (then nothing is written). Call <see cref="Signal"/> after the commit.</summary>
    public bool Enqueue(SqliteTransaction tx, string queue, OutgoingMessage message)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var seen = tx.Command("""
            INSERT INTO message_ids(queue, message_id, expires_at) VALUES ($q, $id, $exp)
            ON CONFLICT(queue, message_id) DO UPDATE SET expires_at = excluded.expires_at WHERE message_ids.expires_at < $now
            """).With("$q", queue).With("$id", message.MessageId)
            .With("$exp", now + (long)settings.DuplicateDetectionWindow.TotalMilliseconds).With("$now", now);
        if (seen.ExecuteNonQuery() == 0) return false;
        Insert(tx, queue, message, now);
        return true;
    }

    /// <summary>Adds a message inside the caller's transaction without the duplicate-detection entry, for a hand-off that
    /// is exactly once by construction: a stage's next message, written in the transaction that completes its input (a
    /// second run of the input cannot complete it again, so it cannot send again), and ingest's message, written in the
    /// transaction that creates its item (a second post finds the item and sends nothing). The entry would be one more insert
    /// at a random place of the <c>message_ids</c> b-tree per item: a whole page in the write-ahead log (bench/README.md,
    /// round 8). Call <see cref="Signal"/> after the commit.</summary>
    public void EnqueueHandOff(SqliteTransaction tx, string queue, OutgoingMessage message) =>
        Insert(tx, queue, message, time.GetUtcNow().ToUnixTimeMilliseconds());

    private void Insert(SqliteTransaction tx, string queue, OutgoingMessage message, long now)
    {
        var at = Math.Max(now, message.ScheduledEnqueueTime?.ToUnixTimeMilliseconds() ?? now);
        tx.Command("""
            INSERT INTO messages(queue, message_id, body, enqueued_at, visible_at, subject)
            VALUES ($q, $id, $body, $at, $at, $subject)
            """).With("$q", queue).With("$id", message.MessageId).With("$body", Stored(message.Body))
            .With("$at", at).With("$subject", message.Subject).ExecuteNonQuery();
    }

    /// <summary>Wakes this process's receivers of <paramref name="queue"/> after a commit that enqueued to it.</summary>
    public void Signal(string queue)
    {
        // Already signalled: one wake-up is enough. Checked first because a release of the full semaphore throws, and
        // under load it was full at almost every commit — one exception per item (bench/README.md, round 9).
        var signal = SignalFor(queue);
        if (signal.CurrentCount > 0) return;
        try { signal.Release(); }
        catch (SemaphoreFullException) { } // another commit signalled in between
    }

    // ---- receiving and settling

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var received = await ReceiveNowAsync(queue, maxMessages, cancellationToken);
            var left = maxWait - Stopwatch.GetElapsedTime(started);
            if (received.Count > 0 || left <= TimeSpan.Zero) return received;
            await SignalFor(queue).WaitAsync(left < settings.MaxPollInterval ? left : settings.MaxPollInterval, cancellationToken);
        }
    }

    /// <summary>Locks up to <paramref name="max"/> visible messages. A message whose delivery count would pass the
    /// maximum (its handler kept failing, or its process died while holding it) goes to the dead-letter queue instead.</summary>
    private Task<IReadOnlyList<ReceivedMessage>> ReceiveNowAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var until = now + settings.LockDuration;
        var deadLetterQueue = QueueNames.IsDeadLetterQueue(queue);
        return database.WriteAsync<IReadOnlyList<ReceivedMessage>>(tx =>
        {
            var received = new List<ReceivedMessage>();
            var command = tx.Command("""
                UPDATE messages SET delivery_count = delivery_count + 1, visible_at = $until, lock_token = lower(hex(randomblob(16)))
                WHERE seq IN (SELECT seq FROM messages WHERE queue = $q AND visible_at <= $now ORDER BY visible_at, seq LIMIT $n)
                RETURNING seq, message_id, body, enqueued_at, delivery_count, lock_token, subject, dead_letter_reason, dead_letter_description, last_error
                """).With("$q", queue).With("$now", now.ToUnixTimeMilliseconds()).With("$n", max)
                .With("$until", until.ToUnixTimeMilliseconds());
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    received.Add(new ReceivedMessage(queue, reader.GetString(1), Body(reader, 2), reader.GetInt32(4), reader.GetInt64(0),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), until, reader.GetString(5))
                    {
                        Subject = NullableString(reader, 6),
                        DeadLetterReason = NullableString(reader, 7),
                        DeadLetterDescription = NullableString(reader, 8),
                        LastError = NullableString(reader, 9),
                    });
            }
            if (deadLetterQueue) return received.OrderBy(m => m.SequenceNumber).ToList();
            var deliverable = new List<ReceivedMessage>(received.Count);
            foreach (var message in received)
            {
                if (message.DeliveryCount <= settings.MaxDeliveryCount) deliverable.Add(message);
                else MoveToDeadLetter(tx, message, MaxDeliveryCountExceeded, ExceededDescription, null, now, checkLock: false);
            }
            return deliverable.OrderBy(m => m.SequenceNumber).ToList();
        }, cancellationToken);
    }

    public Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken) =>
        database.WriteAsync(tx => { Complete(tx, message); return 0; }, cancellationToken);

    /// <summary>Settles a message inside the caller's transaction (with the stage's outputs, so both or neither happen).
    /// Throws <see cref="MessageLockLostException"/> (rolling the caller's transaction back) when another receiver took
    /// the message or it was settled already.</summary>
    public void Complete(SqliteTransaction tx, ReceivedMessage message)
    {
        var command = tx.Command("DELETE FROM messages WHERE seq = $s AND lock_token = $t")
            .With("$s", message.SequenceNumber).With("$t", message.LockToken);
        if (command.ExecuteNonQuery() == 0) throw LockLost(message, "completion");
    }

    /// <summary>Visible again after the retry delay, or dead-lettered with the reason once it has used its deliveries.
    /// A dead-letter queue's own failures stay there (Service Bus has no dead-letter queue of a dead-letter queue);
    /// past MaxDeliveryCount they are parked until listed and replayed, so a failing consumer does not spin on them.</summary>
    public Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(tx =>
        {
            var deadLetterQueue = QueueNames.IsDeadLetterQueue(message.Queue);
            if (!deadLetterQueue && message.DeliveryCount >= settings.MaxDeliveryCount)
            {
                MoveToDeadLetter(tx, message, MaxDeliveryCountExceeded, ExceededDescription, reason, now, checkLock: true);
                return 0;
            }
            var visible = deadLetterQueue && message.DeliveryCount >= settings.MaxDeliveryCount
                ? long.MaxValue
                : (now + settings.RetryDelay).ToUnixTimeMilliseconds();
            var command = tx.Command("UPDATE messages SET visible_at = $v, lock_token = NULL, last_error = $e WHERE seq = $s AND lock_token = $t")
                .With("$v", visible).With("$e", Truncate(reason)).With("$s", message.SequenceNumber).With("$t", message.LockToken);
            if (command.ExecuteNonQuery() == 0) throw LockLost(message, "abandon");
            return 0;
        }, cancellationToken);
    }

    public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken)
    {
        if (QueueNames.IsDeadLetterQueue(message.Queue))
            throw new InvalidOperationException($"{message.Queue} is a dead-letter queue: its messages cannot be dead-lettered again");
        var now = time.GetUtcNow();
        return database.WriteAsync(tx => { MoveToDeadLetter(tx, message, reason, description, null, now, checkLock: true); return 0; }, cancellationToken);
    }

    public Task<DateTimeOffset> RenewLockAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + settings.LockDuration;
        return database.WriteAsync(tx =>
        {
            var command = tx.Command("UPDATE messages SET visible_at = $v WHERE seq = $s AND lock_token = $t")
                .With("$v", until.ToUnixTimeMilliseconds()).With("$s", message.SequenceNumber).With("$t", message.LockToken);
            if (command.ExecuteNonQuery() == 0) throw LockLost(message, "lock renewal");
            return until;
        }, cancellationToken);
    }

    // ---- dead letters

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, int max, CancellationToken cancellationToken) =>
        ListAsync(queue, 0, max, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, long fromSequenceNumber, int max, CancellationToken cancellationToken)
    {
        var main = QueueNames.MainQueueOf(queue);
        return database.ReadAsync<IReadOnlyList<DeadLetter>>(connection =>
        {
            var list = new List<DeadLetter>();
            var command = connection.Command("""
                SELECT seq, message_id, body, enqueued_at, dead_letter_deliveries, subject, dead_letter_reason, dead_letter_description, last_error
                FROM messages WHERE queue = $q AND seq >= $from ORDER BY seq LIMIT $n
                """).With("$q", QueueNames.DeadLetterQueueOf(main)).With("$from", fromSequenceNumber).With("$n", max);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                list.Add(new DeadLetter(main, reader.GetString(1), Body(reader, 2), NullableString(reader, 6), NullableString(reader, 7),
                    reader.IsDBNull(4) ? 0 : reader.GetInt32(4), reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
                {
                    Subject = NullableString(reader, 5),
                    LastError = NullableString(reader, 8),
                });
            return list;
        }, cancellationToken);
    }

    /// <summary>Each chunk of dead letters is replayed in one transaction: re-sent under its replay id and removed.</summary>
    public async Task<int> ReplayAsync(string queue, IReadOnlyCollection<string>? messageIds, CancellationToken cancellationToken)
    {
        var main = QueueNames.MainQueueOf(queue);
        var wanted = messageIds is null ? null : new HashSet<string>(messageIds, StringComparer.Ordinal);
        var replayed = 0;
        long from = 0;
        while (true)
        {
            var page = await ListAsync(main, from, 500, cancellationToken);
            if (page.Count == 0) break;
            from = page[^1].SequenceNumber + 1;
            var chosen = page.Where(d => wanted is null || wanted.Contains(d.MessageId)).ToList();
            if (chosen.Count == 0) continue;
            replayed += await database.WriteAsync(tx =>
            {
                var count = 0;
                foreach (var dead in chosen)
                {
                    var removed = tx.Command("DELETE FROM messages WHERE seq = $s AND queue = $q")
                        .With("$s", dead.SequenceNumber).With("$q", QueueNames.DeadLetterQueueOf(main)).ExecuteNonQuery();
                    if (removed == 0) continue; // replayed or consumed meanwhile
                    Enqueue(tx, main, new OutgoingMessage(QueueNames.ReplayIdOf(dead.MessageId, dead.SequenceNumber), dead.Body) { Subject = dead.Subject });
                    count++;
                }
                return count;
            }, cancellationToken);
            Signal(main);
        }
        return replayed;
    }

    // ---- operations of the local shape

    public Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.ReadAsync<IReadOnlyDictionary<string, QueueDepth>>(connection =>
        {
            var active = new Dictionary<string, long>(StringComparer.Ordinal);
            var scheduled = new Dictionary<string, long>(StringComparer.Ordinal);
            var command = connection.Command("SELECT queue, enqueued_at > $now, COUNT(*) FROM messages GROUP BY queue, enqueued_at > $now").With("$now", now);
            using (var reader = command.ExecuteReader())
                while (reader.Read())
                    (reader.GetInt64(1) == 1 ? scheduled : active)[reader.GetString(0)] = reader.GetInt64(2);
            return queues.Select(QueueNames.MainQueueOf).Distinct(StringComparer.Ordinal).ToDictionary(q => q,
                q => new QueueDepth(active.GetValueOrDefault(q), active.GetValueOrDefault(QueueNames.DeadLetterQueueOf(q)))
                {
                    Scheduled = scheduled.GetValueOrDefault(q),
                });
        }, cancellationToken);
    }

    /// <summary>Forgets message ids older than the duplicate-detection window (run now and then; a minute is plenty).</summary>
    public Task<int> PurgeExpiredIdsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.WriteAsync(tx => tx.Command("DELETE FROM message_ids WHERE expires_at < $now").With("$now", now).ExecuteNonQuery(),
            cancellationToken);
    }

    // ---- internals

    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    private string ExceededDescription => $"Message could not be consumed after {settings.MaxDeliveryCount} delivery attempts.";

    private static void MoveToDeadLetter(SqliteTransaction tx, ReceivedMessage message, string reason, string description,
        string? lastError, DateTimeOffset now, bool checkLock)
    {
        var command = tx.Command("""
            UPDATE messages SET queue = $dlq, visible_at = $now, dead_letter_deliveries = delivery_count, delivery_count = 0, lock_token = NULL,
              dead_letter_reason = $r, dead_letter_description = $d, last_error = COALESCE($e, last_error)
            WHERE seq = $s AND ($check = 0 OR lock_token = $t)
            """).With("$dlq", QueueNames.DeadLetterQueueOf(message.Queue)).With("$now", now.ToUnixTimeMilliseconds())
            .With("$r", Truncate(reason)).With("$d", Truncate(description)).With("$e", lastError is null ? null : Truncate(lastError))
            .With("$s", message.SequenceNumber).With("$check", checkLock ? 1 : 0).With("$t", message.LockToken);
        if (command.ExecuteNonQuery() == 0) throw LockLost(message, "dead-lettering");
    }

    private static MessageLockLostException LockLost(ReceivedMessage message, string what) =>
        new($"message {message.MessageId} (#{message.SequenceNumber}) on {message.Queue}: lock lost before {what}");

    private static void RejectDeadLetterQueue(string queue)
    {
        if (QueueNames.IsDeadLetterQueue(queue)) throw new ArgumentException($"cannot send to a dead-letter queue ({queue})", nameof(queue));
    }

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];

    /// <summary>UTF-8 bodies are stored as text (readable, and the erasure can rewrite JSON in flight with SQLite's JSON
    /// functions); anything else as a blob, so every body round-trips byte for byte.</summary>
    private static object Stored(BinaryData body)
    {
        var bytes = body.ToMemory();
        try { return Strict.GetString(bytes.Span); }
        catch (DecoderFallbackException) { return bytes.ToArray(); }
    }

    /// <summary>A text body's UTF-8 bytes as SQLite holds them (the same bytes as the text re-encoded, since only valid
    /// UTF-8 is stored as text): a stage parses the bytes, so the text is never decoded into a string and encoded back.</summary>
    private static BinaryData Body(SqliteDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string) || reader.GetFieldType(ordinal) == typeof(byte[])
            ? BinaryData.FromBytes(reader.GetFieldValue<byte[]>(ordinal))
            : BinaryData.Empty;

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private SemaphoreSlim SignalFor(string queue) => signals.GetOrAdd(queue, _ => new SemaphoreSlim(0, 1));

    /// <summary>The queue's tables (SqliteDatabase's schema declares them too, from <see cref="Tables"/>, since the
    /// queue may share the documents' file) with the columns this adapter added; idempotent.</summary>
    private static int EnsureSchema(SqliteTransaction tx)
    {
        using (var create = tx.Connection!.CreateCommand())
        {
            create.Transaction = tx;
            create.CommandText = Tables;
            create.ExecuteNonQuery();
        }
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var info = tx.Connection!.CreateCommand())
        {
            info.Transaction = tx;
            info.CommandText = "SELECT name FROM pragma_table_info('messages')";
            using var reader = info.ExecuteReader();
            while (reader.Read()) existing.Add(reader.GetString(0));
        }
        foreach (var (column, type) in AddedColumns)
        {
            if (existing.Contains(column)) continue;
            using var alter = tx.Connection!.CreateCommand();
            alter.Transaction = tx;
            alter.CommandText = $"ALTER TABLE messages ADD COLUMN {column} {type}";
            alter.ExecuteNonQuery();
        }
        return 0;
    }

    // One definition for both: the queue on its own file and the queue inside the documents' file.
    internal const string Tables = """
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

    private static readonly (string Column, string Type)[] AddedColumns =
    [
        ("subject", "TEXT"),
        ("dead_letter_description", "TEXT"),
        ("dead_letter_deliveries", "INTEGER"),
    ];
}
