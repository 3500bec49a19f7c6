using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Listening.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Listening.LocalRuntime;

/// <summary>
/// Service Bus queues on SQLite: at-least-once delivery with peek-lock (a receive hides the message for the lock
/// duration and counts a delivery), completion by lock, abandon with retry delay, a dead-letter queue
/// (<c>{queue}/$DeadLetterQueue</c>) after <see cref="LocalRuntimeOptions.MaxDeliveryCount"/> deliveries with the
/// reason and last error, and duplicate detection by message id (the JSON body's <c>id</c>, else a content hash).
/// </summary>
public sealed class DurableQueue(SqliteDatabase database, IOptions<LocalRuntimeOptions> options, TimeProvider time)
{
    public const string DeadLetterSuffix = "/$DeadLetterQueue";
    private readonly LocalRuntimeOptions settings = options.Value;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> signals = new();

    public static bool IsDeadLetterQueue(string queue) => queue.EndsWith(DeadLetterSuffix, StringComparison.Ordinal);

    /// <summary>Adds a message inside the caller's transaction; false when its id was seen within the duplicate window.</summary>
    public bool Enqueue(SqliteTransaction tx, OutgoingMessage message)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var (queue, id, body) = message;
        var seen = tx.Command("""
            INSERT INTO message_ids(queue, message_id, expires_at) VALUES ($q, $id, $exp)
            ON CONFLICT(queue, message_id) DO UPDATE SET expires_at = excluded.expires_at WHERE message_ids.expires_at < $now
            """).With("$q", queue).With("$id", id).With("$exp", now + (long)settings.DuplicateDetectionWindow.TotalMilliseconds).With("$now", now);
        if (seen.ExecuteNonQuery() == 0) return false;
        var insert = tx.Command("INSERT INTO messages(queue, message_id, body, enqueued_at, visible_at) VALUES ($q, $id, $body, $now, $now)")
            .With("$q", queue).With("$id", id).With("$body", body).With("$now", now);
        insert.ExecuteNonQuery();
        return true;
    }

    /// <summary>Wakes this process's receivers of <paramref name="queue"/> after a commit that enqueued to it.</summary>
    public void Signal(string queue)
    {
        try { SignalFor(queue).Release(); }
        catch (SemaphoreFullException) { } // already signalled: one wake-up is enough
    }

    /// <summary>Waits until something is enqueued here or the poll interval passes.</summary>
    public Task WaitAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken) =>
        SignalFor(queue).WaitAsync(timeout, cancellationToken);

    /// <summary>Locks up to <paramref name="max"/> visible messages. A message whose delivery count would pass the
    /// maximum (its handler kept failing, or the process died while holding it) goes to the dead-letter queue instead.</summary>
    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = Guid.NewGuid().ToString("N");
        var deadLetter = IsDeadLetterQueue(queue);
        return database.WriteAsync<IReadOnlyList<QueueMessage>>(tx =>
        {
            var received = new List<QueueMessage>();
            var command = tx.Command("""
                       UPDATE messages SET delivery_count = delivery_count + 1, visible_at = $until, lock_token = $token
                       WHERE seq IN (SELECT seq FROM messages WHERE queue = $q AND visible_at <= $now ORDER BY visible_at, seq LIMIT $n)
                       RETURNING seq, message_id, body, enqueued_at, delivery_count, dead_letter_reason, last_error
                       """).With("$q", queue).With("$now", now.ToUnixTimeMilliseconds()).With("$n", max).With("$token", token)
                       .With("$until", (now + settings.LockDuration).ToUnixTimeMilliseconds());
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    received.Add(new QueueMessage(reader.GetInt64(0), queue, reader.GetString(1), reader.GetString(2),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), reader.GetInt32(4), token,
                        reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
            if (deadLetter) return received.OrderBy(m => m.Sequence).ToList();
            var deliverable = new List<QueueMessage>(received.Count);
            foreach (var message in received)
            {
                if (message.DeliveryCount <= settings.MaxDeliveryCount) deliverable.Add(message);
                else MoveToDeadLetter(tx, message, "MaxDeliveryCountExceeded",
                    message.LastError ?? $"lock expired {settings.MaxDeliveryCount} times without completion", now);
            }
            return deliverable.OrderBy(m => m.Sequence).ToList();
        }, cancellationToken);
    }

    /// <summary>Settles a message inside the caller's transaction (with the invocation's outputs, so both or neither happen).</summary>
    public void Complete(SqliteTransaction tx, QueueMessage message)
    {
        var command = tx.Command("DELETE FROM messages WHERE seq = $s AND lock_token = $t")
            .With("$s", message.Sequence).With("$t", message.LockToken);
        if (command.ExecuteNonQuery() == 0)
            throw new MessageLockLostException($"message {message.Sequence} on {message.Queue}: lock lost before completion");
    }

    /// <summary>Gives a failed message back: visible again after the retry delay, or dead-lettered with the error once
    /// it has used its deliveries. A dead-letter queue's own failures stay parked there (Service Bus has no DLQ of a DLQ).</summary>
    public Task AbandonAsync(QueueMessage message, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(tx =>
        {
            if (IsDeadLetterQueue(message.Queue) || message.DeliveryCount < settings.MaxDeliveryCount)
            {
                var visible = IsDeadLetterQueue(message.Queue) && message.DeliveryCount >= settings.MaxDeliveryCount
                    ? long.MaxValue
                    : (now + settings.RetryDelay).ToUnixTimeMilliseconds();
                var command = tx.Command("UPDATE messages SET visible_at = $v, lock_token = NULL, last_error = $e WHERE seq = $s AND lock_token = $t")
                    .With("$v", visible).With("$e", Truncate(error)).With("$s", message.Sequence).With("$t", message.LockToken);
                command.ExecuteNonQuery();
            }
            else MoveToDeadLetter(tx, message, "MaxDeliveryCountExceeded", error, now);
            return 0;
        }, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync(IEnumerable<string> queues, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<string, QueueDepth>>(connection =>
        {
            var counts = new Dictionary<string, long>();
            var command = connection.Command("SELECT queue, COUNT(*) FROM messages GROUP BY queue");
            using (var reader = command.ExecuteReader())
                while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt64(1);
            return queues.Where(q => !IsDeadLetterQueue(q)).Distinct().ToDictionary(q => q,
                q => new QueueDepth(counts.GetValueOrDefault(q), counts.GetValueOrDefault(q + DeadLetterSuffix)));
        }, cancellationToken);

    /// <summary>Forgets message ids older than the duplicate-detection window.</summary>
    public Task PurgeExpiredIdsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return database.WriteAsync(tx =>
        {
            var command = tx.Command("DELETE FROM message_ids WHERE expires_at < $now").With("$now", now);
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    private static void MoveToDeadLetter(SqliteTransaction tx, QueueMessage message, string reason, string error, DateTimeOffset now)
    {
        var command = tx.Command("""
            UPDATE messages SET queue = $dlq, visible_at = $now, delivery_count = 0, lock_token = NULL, dead_letter_reason = $r, last_error = $e
            WHERE seq = $s
            """).With("$dlq", message.Queue + DeadLetterSuffix).With("$now", now.ToUnixTimeMilliseconds())
            .With("$r", reason).With("$e", Truncate(error)).With("$s", message.Sequence);
        command.ExecuteNonQuery();
    }

    private static string Truncate(string error) => error.Length <= 4000 ? error : error[..4000];

    private SemaphoreSlim SignalFor(string queue) => signals.GetOrAdd(queue, _ => new SemaphoreSlim(0, 1));

    /// <summary>The body's top-level <c>id</c> when it is a JSON object with one (a feedback item's deterministic id),
    /// else a hash of the body: what the pipeline would set as the Service Bus MessageId.</summary>
    public static string MessageIdOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(id.GetString()))
                return id.GetString()!;
        }
        catch (JsonException) { }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
    }
}
