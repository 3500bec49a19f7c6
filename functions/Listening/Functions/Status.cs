using Listening.Handler;
using Listening.LocalRuntime;
using Listening.Queues;
using Listening.Storage;

namespace Listening.Functions;

/// <summary>
/// GET /api/status: <c>{"items": {"total", "byStage"}, "queues": {name: {"active", "deadLetter"}}, "deadLetters"}</c>.
/// <c>deadLetters</c> counts items marked dead-lettered plus dead letters not yet recorded. Queue depths exist in
/// the local shape only (on Azure, Service Bus metrics show them).
/// </summary>
public sealed class Status : IForwardedHttpFunction
{
    public Delegate Endpoint => async (IFeedbackStore store, IServiceProvider services, CancellationToken cancellationToken) =>
        Results.Json(await StatusReport.ReadAsync(store, services.GetService<IQueueMetrics>(), cancellationToken));
}

public sealed record StatusReport(StatusReport.ItemCounts Items, IReadOnlyDictionary<string, QueueDepth> Queues, long DeadLetters)
{
    public sealed record ItemCounts(long Total, IReadOnlyDictionary<string, long> ByStage);

    public bool Drained => Queues.Values.All(q => q.Active == 0 && q.DeadLettered == 0)
        && Items.ByStage.GetValueOrDefault(FeedbackDocument.StageName(FeedbackStage.Ingested)) == 0;

    public static async Task<StatusReport> ReadAsync(IFeedbackStore store, IQueueMetrics? queues, CancellationToken cancellationToken)
    {
        var stages = await store.CountByStageAsync(cancellationToken);
        var depths = queues is null ? new Dictionary<string, QueueDepth>() : await queues.DepthsAsync(cancellationToken);
        var byStage = Enum.GetValues<FeedbackStage>().ToDictionary(FeedbackDocument.StageName, s => stages.GetValueOrDefault(s));
        var deadLetters = stages.GetValueOrDefault(FeedbackStage.DeadLettered) + depths.Values.Sum(q => q.DeadLettered);
        return new StatusReport(new ItemCounts(byStage.Values.Sum(), byStage), depths, deadLetters);
    }
}
