using System.ComponentModel.DataAnnotations;
using Listening.Queues;
using Listening.Storage;
using Microsoft.Extensions.Options;

namespace Listening.Pipeline;

public sealed class StalledFeedbackOptions
{
    public const string Section = "Listening:Pipeline";

    /// <summary>An item still at ingest this long after it was stored lost its message (the process died between
    /// storing it and sending the message, so its client got no 202): send it again.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 100_000)] public int MaxPerRun { get; set; } = 5000;
}

/// <summary>
/// Timer (<c>StalledFeedbackSchedule</c>, every minute by default, and at start): sends the <c>feedback-ingested</c>
/// message of items stuck at ingest again, with the item id as message id — the queue drops it while the first is
/// still queued, and ScoreFeedback ignores an item already scored. Where ingest stores an item and queues its message in
/// one transaction (<see cref="IStageCommit.IngestQueuesWithStore"/>, the local shape) no item can lose its message, and
/// an item waiting at ingest is one whose message is still queued: nothing is sent (that message carries no
/// duplicate-detection entry, so a re-send would queue the item twice).
/// </summary>
public sealed partial class RequeueStalledFeedback(IFeedbackStore store, IQueueSender sender, IStageCommit commit,
    Microsoft.Extensions.Options.IOptions<StalledFeedbackOptions> options, TimeProvider time, ILogger<RequeueStalledFeedback> logger)
{
    public const string Name = nameof(RequeueStalledFeedback);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (commit.IngestQueuesWithStore) return 0;
        var before = time.GetUtcNow() - options.Value.StalledAfter;
        var stalled = new List<FeedbackRecord>();
        await foreach (var record in store.QueryByStageAsync(FeedbackStage.Ingested, before, options.Value.MaxPerRun, cancellationToken))
            stalled.Add(record);
        foreach (var chunk in stalled.Chunk(500))
            await sender.SendAsync(PipelineQueues.Ingested, FeedbackMessage.Batch(chunk), cancellationToken);
        if (stalled.Count > 0) LogRequeued(logger, stalled.Count);
        return stalled.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-sent {Count} stalled item(s)")]
    private static partial void LogRequeued(ILogger logger, int count);
}
