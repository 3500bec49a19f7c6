using Listening.Alerts;
using Listening.Channels.Polling;
using Listening.Queues;
using Listening.Reports;
using Listening.Responses;
using Listening.Responses.Delivery;
using Listening.Scoring;

namespace Listening.Pipeline;

/// <summary>A stage that consumes a queue: the per-message method every host calls (the local hosted consumer, the
/// Azure drain or hosted processor, and a <c>[ServiceBusTrigger]</c> function once that extension can be built).</summary>
public sealed record QueueConsumer(string Name, string Queue, Type Stage, Func<IServiceProvider, ReceivedMessage, CancellationToken, Task> HandleAsync)
{
    /// <summary>Whether the stage completes its input in its own commit (<see cref="IStageCommit"/>).</summary>
    public static bool CompletesInput(IServiceProvider services) => services.GetRequiredService<IStageCommit>().CompletesInput;
}

/// <summary>A scheduled job: the app setting that holds its NCRONTAB schedule (the Function App's <c>%Setting%</c>, set
/// by infra/), the local shape's default, whether it also runs at start, and what it runs.</summary>
public sealed record ScheduledJob(string Name, string ScheduleSetting, string LocalSchedule, bool RunOnStartup, Func<IServiceProvider, CancellationToken, Task> RunAsync);

/// <summary>The pipeline's non-HTTP work, declared once for both hosts.</summary>
public static class PipelineJobs
{
    public static IReadOnlyList<QueueConsumer> Consumers { get; } =
    [
        new(ScoreFeedback.Name, PipelineQueues.Ingested, typeof(ScoreFeedback), (sp, m, ct) => sp.GetRequiredService<ScoreFeedback>().HandleAsync(m, ct)),
        new(RespondToAuthor.Name, PipelineQueues.Scored, typeof(RespondToAuthor), (sp, m, ct) => sp.GetRequiredService<RespondToAuthor>().HandleAsync(m, ct)),
    ];

    public static IReadOnlyList<ScheduledJob> Schedules { get; } =
    [
        new(BuildActionMatrix.Name, "ReportSchedule", "0 0 6 * * *", false,
            (sp, ct) => sp.GetRequiredService<BuildActionMatrix>().RunAsync(ct)),
        new(RequeueStalledFeedback.Name, "StalledFeedbackSchedule", "0 */1 * * * *", true,
            (sp, ct) => sp.GetRequiredService<RequeueStalledFeedback>().RunAsync(ct)),
        new("DeliverResponses", "ResponsesDeliverySchedule", "*/5 * * * * *", false,
            (sp, ct) => sp.GetRequiredService<OutboxDelivery>().RunOnceAsync(ct)),
        new("MonitorResponses", "ResponsesMonitorSchedule", "0 */5 * * * *", false,
            (sp, ct) => sp.GetRequiredService<ResponseMonitor>().RunOnceAsync(ct)),
        new("PollSources", "PollSourcesSchedule", "0 */15 * * * *", false,
            (sp, ct) => sp.GetRequiredService<SourcePoller>().PollAllAsync(ct)),
        new(Channels.Connectors.ReviewPoller.Name, "PollReviewsSchedule", "0 */5 * * * *", false,
            (sp, ct) => sp.GetRequiredService<Channels.Connectors.ReviewPoller>().PollAllAsync(ct)),
        new(DeadLetterRecorder.Name, "DeadLetterSchedule", "*/1 * * * * *", true,
            (sp, ct) => sp.GetRequiredService<DeadLetterRecorder>().RecordAsync(500, ct)),
        new(DeliverReports.Name, "ReportDeliverySchedule", "0 */15 * * * *", false,
            (sp, ct) => sp.GetRequiredService<DeliverReports>().RunAsync(ct)),
        new(DetectAlerts.Name, "AlertSchedule", "0 */15 * * * *", false,
            (sp, ct) => sp.GetRequiredService<DetectAlerts>().RunAsync(ct)),
    ];
}
