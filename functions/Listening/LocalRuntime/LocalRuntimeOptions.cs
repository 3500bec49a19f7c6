using System.ComponentModel.DataAnnotations;

namespace Listening.LocalRuntime;

/// <summary>The local shape's stand-ins for Service Bus entity settings (on Azure these live on the queues, see infra/).</summary>
public sealed class LocalRuntimeOptions
{
    public const string Section = "Listening:Local";

    /// <summary>Folder of the SQLite file (queues + documents).</summary>
    [Required] public string DataDir { get; set; } = ".data";

    /// <summary>Deliveries before a message moves to the dead-letter queue (Service Bus default: 10).</summary>
    [Range(1, 1000)] public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long a received message stays invisible to other receivers.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Delay before an abandoned (failed) message is visible again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Messages with the same id sent within this window are dropped (Service Bus duplicate detection).</summary>
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Longest wait between polls of an idle queue (enqueues in this process wake receivers at once).</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pause before receiving again after a partial batch, so messages arriving one by one are received in batches.</summary>
    public TimeSpan ReceiveCoalescing { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Largest request body the local HTTP front accepts before the handler sees it (the Functions host's is 100 MB).</summary>
    [Range(1024, int.MaxValue)] public int MaxHttpBodyBytes { get; set; } = 16 * 1024 * 1024;
}
