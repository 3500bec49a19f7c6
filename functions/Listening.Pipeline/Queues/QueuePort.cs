namespace Listening.Queues;

/// <summary>
/// Sends messages to a queue. Two adapters: <see cref="Sqlite.SqliteQueue"/> (the local shape's embedded durable queue)
/// and <see cref="ServiceBus.ServiceBusQueue"/> (Azure Service Bus through Azure.Messaging.ServiceBus).
/// </summary>
/// <remarks>
/// Idempotency rests on <see cref="OutgoingMessage.MessageId"/>: both adapters drop a second message with the same id
/// sent to the same queue inside its duplicate-detection window, so every sender sets it to the item id (or an id
/// derived from it), never to something random.
/// <para>
/// Transactions: on Service Bus a send is one call per batch and a stage's outputs (Cosmos DB writes, sends) and the
/// message's completion cannot be one transaction; every stage is at-least-once safe instead. The local shape keeps
/// its stronger guarantee through the SQLite adapter's transactional overloads —
/// <see cref="Sqlite.SqliteQueue.Enqueue(Microsoft.Data.Sqlite.SqliteTransaction, string, OutgoingMessage)"/> and
/// <see cref="Sqlite.SqliteQueue.Complete(Microsoft.Data.Sqlite.SqliteTransaction, ReceivedMessage)"/> inside one
/// <c>SqliteDatabase.WriteAsync</c>, followed by <see cref="Sqlite.SqliteQueue.Signal"/> — so a stage's document
/// writes, its output messages and the completion of its input commit together or not at all (kill -9 safe).
/// </para>
/// </remarks>
public interface IQueueSender
{
    /// <summary>All messages go to one queue; one call is one batch (Service Bus: as few <c>ServiceBusMessageBatch</c>es
    /// as fit, scheduled messages through the schedule operation; SQLite: one transaction). Duplicates (same id within the
    /// window) are dropped silently, as Service Bus does.</summary>
    Task SendAsync(string queue, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken);
}

/// <summary>
/// Peek-lock receiving with explicit settlement. A dead-letter queue is received as <c>{queue}/$DeadLetterQueue</c>
/// (<see cref="QueueNames.DeadLetterQueueOf"/>), the way Service Bus addresses it.
/// </summary>
public interface IQueueReceiver
{
    /// <summary>Locks and returns up to <paramref name="maxMessages"/> messages, waiting at most <paramref name="maxWait"/>
    /// for the first one (an empty list when none came). Each receive counts a delivery.</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken);

    /// <summary>Removes the message. Throws <see cref="MessageLockLostException"/> when its lock expired (someone else may
    /// hold it now): the caller must treat its work as not acknowledged.</summary>
    Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken);

    /// <summary>Back to the queue; DeliveryCount + 1 on the next receive; dead-lettered by the queue
    /// (<c>MaxDeliveryCountExceeded</c>) after MaxDeliveryCount deliveries (default 10). <paramref name="reason"/> is kept
    /// as the message's <see cref="ReceivedMessage.LastError"/>.</summary>
    Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken);

    /// <summary>Moves the message to the dead-letter queue at once, with a reason and a description.</summary>
    Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken);

    /// <summary>Extends the lock by the queue's lock duration; returns the new LockedUntil.</summary>
    Task<DateTimeOffset> RenewLockAsync(ReceivedMessage message, CancellationToken cancellationToken);
}

/// <summary>Dead letters as a first-class thing: <c>listening deadletters list|replay --queue Q</c> on both shapes.</summary>
public interface IDeadLetters
{
    /// <summary>The dead-letter queue of <paramref name="queue"/> (the main queue's name), oldest first, without locking
    /// or removing anything (Service Bus: peek).</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, int max, CancellationToken cancellationToken);

    /// <summary>The same from a sequence number on (paging through a long dead-letter queue).</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, long fromSequenceNumber, int max, CancellationToken cancellationToken);

    /// <summary>Re-sends dead letters to the main queue (a new delivery count) and removes them from the dead-letter
    /// queue; <paramref name="messageIds"/> null replays all. Returns how many were replayed.</summary>
    /// <remarks>A replayed message gets the id <see cref="QueueNames.ReplayIdOf"/> (the original id + the dead letter's
    /// sequence number): the original id would be dropped by duplicate detection inside its window, and a replay that is
    /// retried after a crash is still dropped as a duplicate.</remarks>
    Task<int> ReplayAsync(string queue, IReadOnlyCollection<string>? messageIds, CancellationToken cancellationToken);
}
