namespace Listening.LocalRuntime;

/// <summary>A locked message: <see cref="Sequence"/> + <see cref="LockToken"/> identify the lock.</summary>
public sealed record QueueMessage(
    long Sequence,
    string Queue,
    string MessageId,
    string Body,
    DateTimeOffset EnqueuedAt,
    int DeliveryCount,
    string LockToken,
    string? DeadLetterReason,
    string? LastError);

public sealed record QueueDepth(long Active, long DeadLettered);

/// <summary>The message's lock expired or it was settled by someone else; its outputs were not written.</summary>
public sealed class MessageLockLostException(string message) : Exception(message);

/// <summary>A message to send, its id computed up front (off the single writer thread).</summary>
public sealed record OutgoingMessage(string Queue, string MessageId, string Body)
{
    public static OutgoingMessage For(string queue, string body) => new(queue, DurableQueue.MessageIdOf(body), body);
}
