using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Listening.Handler;
using Listening.Storage;
using Microsoft.Extensions.Options;

namespace Listening.Functions;

public sealed class StalledFeedbackOptions
{
    public const string Section = "Listening:Pipeline";

    /// <summary>An item still at ingest this long after it was stored lost its message (the process died between
    /// storing it and sending the message, so its client got no 202): send it again.</summary>
    public TimeSpan StalledAfter { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 100_000)] public int MaxPerRun { get; set; } = 5000;
}

/// <summary>
/// Timer (app setting <c>StalledFeedbackSchedule</c>, every minute by default, and at startup): re-sends the
/// <c>feedback-ingested</c> message of items stuck at ingest. Safe to repeat: locally duplicate detection drops a message
/// still queued (on Azure the binding's messages have random ids, so a second copy may go out), and ScoreFeedback
/// ignores an item already scored.
/// </summary>
public sealed class RequeueStalledFeedback(IFeedbackStore store, IOptions<StalledFeedbackOptions> options, TimeProvider time) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.StalledAfter;
        var messages = new JsonArray();
        await foreach (var record in store.QueryByStageAsync(FeedbackStage.Ingested, before, options.Value.MaxPerRun, cancellationToken))
            messages.Add(FeedbackDocument.ToJson(record));
        var result = new InvocationResult().Output("ingested", messages);
        return messages.Count == 0 ? result : result.Log($"re-sent {messages.Count} stalled item(s)");
    }
}
