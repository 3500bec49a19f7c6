using System.ComponentModel.DataAnnotations;

namespace Listening.Queues;

public enum QueueKind { Sqlite, ServiceBus }

/// <summary>Which queue adapter runs (<c>Listening:Queue:Kind</c>): the embedded SQLite queue (default, the local shape)
/// or Azure Service Bus (the Azure shape; the Bicep template sets it).</summary>
public sealed class QueueOptions
{
    public const string Section = "Listening:Queue";

    public QueueKind Kind { get; set; } = QueueKind.Sqlite;
}

/// <summary>The SQLite queue's entity settings (<c>Listening:Queue:Sqlite</c>): the stand-ins for what a Service Bus
/// queue's properties say on Azure (see infra/).</summary>
public sealed class SqliteQueueOptions
{
    public const string Section = "Listening:Queue:Sqlite";

    /// <summary>Deliveries before a message moves to the dead-letter queue (Service Bus default: 10).</summary>
    [Range(1, 1000)] public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long a received message stays invisible to other receivers (Service Bus default: 30 s... 1 min).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay before an abandoned message is visible again (Service Bus makes it visible at once; a short delay
    /// keeps a failing handler from spinning).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Messages with the same id sent to a queue within this window are dropped (Service Bus duplicate detection).</summary>
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest wait between polls of an idle queue inside a receive's wait (sends in this process wake
    /// receivers at once; this catches other processes' sends and scheduled messages coming due).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
