using Listening.Queues;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Listening.LocalRuntime;

/// <summary>
/// Transitional shim: today's local trigger loops (LocalFunctionHost, LocalHttpTriggers, LocalIngestIntake) on the
/// moved queue, <see cref="SqliteQueue"/> (Listening.Queues.Sqlite). It maps the old calls one to one and goes away when
/// the local host calls the queue port and <see cref="QueueDrain"/> directly.
/// </summary>
public sealed class DurableQueue
{
    public const string DeadLetterSuffix = QueueNames.DeadLetterSuffix;

    public DurableQueue(SqliteQueue queue) => Queue = queue;

    /// <summary>The entity settings still come from <c>Listening:Local:*</c> (MaxDeliveryCount, LockDuration, RetryDelay,
    /// DuplicateDetectionWindow, MaxPollInterval) until the local host binds <c>Listening:Queue:Sqlite</c>.</summary>
    public DurableQueue(SqliteDatabase database, IOptions<LocalRuntimeOptions> options, TimeProvider time)
        : this(new SqliteQueue(database, Options.Create(SettingsOf(options.Value)), time)) { }

    public SqliteQueue Queue { get; }

    public static SqliteQueueOptions SettingsOf(LocalRuntimeOptions local) => new()
    {
        MaxDeliveryCount = local.MaxDeliveryCount,
        LockDuration = local.LockDuration,
        RetryDelay = local.RetryDelay,
        DuplicateDetectionWindow = local.DuplicateDetectionWindow,
        MaxPollInterval = local.MaxPollInterval,
    };

    public static bool IsDeadLetterQueue(string queue) => QueueNames.IsDeadLetterQueue(queue);

    public bool Enqueue(SqliteTransaction tx, OutgoingMessage message) =>
        Queue.Enqueue(tx, message.Queue, new Queues.OutgoingMessage(message.MessageId, BinaryData.FromString(message.Body)));

    public void Signal(string queue) => Queue.Signal(queue);

    /// <summary>Waits until something is enqueued here or the poll interval passes (now folded into the receive's wait).</summary>
    public Task WaitAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(string queue, int max, CancellationToken cancellationToken) =>
        (await Queue.ReceiveAsync(queue, max, Queue.Settings.MaxPollInterval, cancellationToken)).Select(m => new QueueMessage(m)).ToList();

    public void Complete(SqliteTransaction tx, QueueMessage message) => Queue.Complete(tx, message.Received);

    public async Task AbandonAsync(QueueMessage message, string error, CancellationToken cancellationToken)
    {
        try { await Queue.AbandonAsync(message.Received, error, cancellationToken); }
        catch (MessageLockLostException) { } // as before: the message comes back when its lock expires
    }

    public Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync(IEnumerable<string> queues, CancellationToken cancellationToken) =>
        Queue.DepthsAsync(queues, cancellationToken);

    public Task PurgeExpiredIdsAsync(CancellationToken cancellationToken) => Queue.PurgeExpiredIdsAsync(cancellationToken);

    public static string MessageIdOf(string body) => QueueNames.MessageIdOf(body);
}

/// <summary>Transitional: a received message as the old loops read it.</summary>
public sealed record QueueMessage(ReceivedMessage Received)
{
    public long Sequence => Received.SequenceNumber;
    public string Queue => Received.Queue;
    public string MessageId => Received.MessageId;
    public string Body => Received.Body.ToString();
    public DateTimeOffset EnqueuedAt => Received.EnqueuedTime;
    public int DeliveryCount => Received.DeliveryCount;
    public string LockToken => Received.LockToken;
    public string? DeadLetterReason => Received.DeadLetterReason;
    /// <summary>The handler's last error, else the dead-letter description.</summary>
    public string? LastError => Received.LastError ?? Received.DeadLetterDescription;
}

/// <summary>Transitional: a message to send with its queue, its id computed up front (off the single writer thread).</summary>
public sealed record OutgoingMessage(string Queue, string MessageId, string Body)
{
    public static OutgoingMessage For(string queue, string body) => new(queue, QueueNames.MessageIdOf(body), body);
}
