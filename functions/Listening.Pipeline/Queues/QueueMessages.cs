namespace Listening.Queues;

/// <summary>One message to send. <see cref="MessageId"/> is ours (the item id / a derived id): the queue drops a second
/// message with the same id inside its duplicate-detection window.</summary>
public sealed record OutgoingMessage(string MessageId, BinaryData Body)
{
    /// <summary>Delivered not before this instant (Service Bus scheduled message).</summary>
    public DateTimeOffset? ScheduledEnqueueTime { get; init; }

    public string? Subject { get; init; }

    /// <summary>A JSON body whose id is the message id (<see cref="QueueNames.MessageIdOf"/>).</summary>
    public static OutgoingMessage ForJson(string json) => new(QueueNames.MessageIdOf(json), BinaryData.FromString(json));
}

/// <summary>A peek-locked message. <see cref="LockToken"/> is opaque (Service Bus: the 16-byte lock token as a Guid
/// string); settle it through the receiver that returned it.</summary>
public sealed record ReceivedMessage(string Queue, string MessageId, BinaryData Body, int DeliveryCount,
    long SequenceNumber, DateTimeOffset EnqueuedTime, DateTimeOffset LockedUntil, string LockToken)
{
    public string? Subject { get; init; }

    /// <summary>Set on a message received from a dead-letter queue.</summary>
    public string? DeadLetterReason { get; init; }

    public string? DeadLetterDescription { get; init; }

    /// <summary>The reason given with the last abandon (the handler's error), if any.</summary>
    public string? LastError { get; init; }
}

/// <summary>A message in a dead-letter queue. <see cref="Queue"/> is the main queue's name.</summary>
public sealed record DeadLetter(string Queue, string MessageId, BinaryData Body, string? Reason, string? Description,
    int DeliveryCount, long SequenceNumber, DateTimeOffset EnqueuedTime)
{
    /// <summary>The reason given with the last abandon before it was dead-lettered (the handler's last error), if any.</summary>
    public string? LastError { get; init; }

    public string? Subject { get; init; }
}

/// <summary>Messages waiting in a queue (<see cref="Active"/>, including locked ones), in its dead-letter queue, and
/// scheduled for later.</summary>
public sealed record QueueDepth(long Active, long DeadLettered)
{
    public long Scheduled { get; init; }
}

/// <summary>The message's lock expired or it was settled by someone else: settling failed, and the caller's work on
/// it is not acknowledged (the message comes back, or already did).</summary>
public sealed class MessageLockLostException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Thrown by a stage for a message that can never succeed (unparseable, unknown kind): <see cref="QueueDrain"/>
/// dead-letters it at once with <see cref="Reason"/> instead of retrying it MaxDeliveryCount times.</summary>
public sealed class PoisonMessageException(string reason, string description, Exception? inner = null) : Exception($"{reason}: {description}", inner)
{
    public string Reason { get; } = reason;
    public string Description { get; } = description;
}
