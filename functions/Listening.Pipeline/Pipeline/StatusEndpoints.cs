using Listening.Queues;
using Listening.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Listening.Pipeline;

/// <summary>Queue depths for <c>/api/status</c>, where a host can read them (the local SQLite queue); on Azure Service
/// Bus metrics show them and the status lists no queues.</summary>
public interface IQueueMetrics
{
    Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// <c>{"items": {"total", "byStage"}, "queues": {name: {"active", "deadLettered"}}, "deadLetters", "drained", "outbox"}</c>.
/// <c>deadLetters</c> counts the messages in the pipeline's dead-letter queues (each one's item is marked
/// <c>dead-lettered</c> by <see cref="DeadLetterRecorder"/>, and stays there for <c>listening deadletters</c>);
/// <c>outbox</c> is what did and did not go out to authors and systems: totals per state (pending, failed, sent,
/// dead-lettered, no-channel, held, cancelled), counts per channel, and the latest reasons
/// (<see cref="Responses.OutboxSummary"/>; <c>listening outbox</c> acts on it).
/// </summary>
public sealed record StatusReport(StatusReport.ItemCounts Items, IReadOnlyDictionary<string, QueueDepth> Queues, long DeadLetters)
{
    /// <summary>The responses outbox; null where the host has no responses store.</summary>
    public Responses.OutboxSummary? Outbox { get; init; }

    /// <summary>How many of the outbox's latest problems the status lists.</summary>
    public const int LatestOutboxProblems = 10;

    public sealed record ItemCounts(long Total, IReadOnlyDictionary<string, long> ByStage);

    /// <summary>Nothing queued or locked, and no item still on its way (at ingest or scored but not answered): every
    /// item is answered or marked dead-lettered.</summary>
    public bool Drained => Queues.Values.All(q => q.Active == 0)
        && Items.ByStage.GetValueOrDefault(FeedbackDocument.StageName(FeedbackStage.Ingested)) == 0
        && Items.ByStage.GetValueOrDefault(FeedbackDocument.StageName(FeedbackStage.Scored)) == 0;

    public static async Task<StatusReport> ReadAsync(IFeedbackStore store, IQueueMetrics? queues, CancellationToken cancellationToken)
    {
        var stages = await store.CountByStageAsync(cancellationToken);
        var depths = queues is null ? new Dictionary<string, QueueDepth>() : await queues.DepthsAsync(cancellationToken);
        var byStage = Enum.GetValues<FeedbackStage>().ToDictionary(FeedbackDocument.StageName, s => stages.GetValueOrDefault(s));
        return new StatusReport(new ItemCounts(byStage.Values.Sum(), byStage), depths, depths.Values.Sum(q => q.DeadLettered));
    }

    /// <summary>The status with the outbox's summary (<paramref name="responses"/> null: without it).</summary>
    public static async Task<StatusReport> ReadAsync(IFeedbackStore store, IQueueMetrics? queues, Responses.IResponseStore? responses, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var report = await ReadAsync(store, queues, cancellationToken);
        return responses is null ? report
            : report with { Outbox = await responses.SummarizeAsync(time.GetUtcNow(), LatestOutboxProblems, cancellationToken) };
    }
}

/// <summary>Where every item is: <c>GET /api/feedback/{id}</c>, <c>GET /api/status</c>, <c>GET /api/health</c>.</summary>
public static class StatusEndpoints
{
    public const string GetFeedbackName = "GetFeedback", StatusName = "Status", HealthName = "Health";

    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/feedback/{id}", GetFeedbackAsync).WithName(GetFeedbackName).WithMetadata(FunctionAccess.Key);
        app.MapGet("/api/status", GetStatusAsync).WithName(StatusName).WithMetadata(FunctionAccess.Key);
        app.MapGet("/api/health", GetHealthAsync).WithName(HealthName).WithMetadata(FunctionAccess.Anonymous);
        return app;
    }

    /// <summary>The stored item with its <c>stage</c> and, once scored, its scores.</summary>
    public static async Task<Results<Ok<System.Text.Json.Nodes.JsonObject>, ProblemHttpResult>> GetFeedbackAsync(
        string id, IFeedbackStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } record
            ? TypedResults.Ok(FeedbackDocument.ToJson(record))
            : Problems.Of(404, "Not found", $"no feedback item with id '{id}'");

    public static async Task<Ok<StatusReport>> GetStatusAsync(IFeedbackStore store, IServiceProvider services, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StatusReport.ReadAsync(store, services.GetService<IQueueMetrics>(), services.GetService<Responses.IResponseStore>(),
            services.GetService<TimeProvider>() ?? TimeProvider.System, cancellationToken));

    /// <summary>200 once the store answers, 503 otherwise.</summary>
    public static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> GetHealthAsync(IFeedbackStore store, CancellationToken cancellationToken)
    {
        try
        {
            await store.GetAsync("health-probe", cancellationToken);
            return TypedResults.Ok(new HealthReport("ready"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Problems.Of(503, "Not ready", "the feedback store does not answer");
        }
    }
}

public sealed record HealthReport(string Status);
