using Listening.Channels.Polling;
using Listening.Pipeline;
using Listening.Reports;
using Listening.Responses;
using Listening.Responses.Delivery;
using Microsoft.Azure.Functions.Worker;

namespace Listening.FunctionApp.Functions;

/// <summary>The scheduled jobs (<see cref="PipelineJobs.Schedules"/>): each timer reads its NCRONTAB schedule from the app
/// setting of the same name the local shape reads (infra/ sets them).</summary>
public sealed class Schedules(BuildActionMatrix reports, RequeueStalledFeedback stalled, OutboxDelivery outbox, ResponseMonitor monitor,
    SourcePoller sources, DeadLetterRecorder deadLetters)
{
    [Function("BuildActionMatrix")]
    public Task<int> BuildActionMatrix([TimerTrigger("%ReportSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reports.RunAsync(cancellationToken);

    [Function("RequeueStalledFeedback")]
    public Task<int> RequeueStalledFeedback([TimerTrigger("%StalledFeedbackSchedule%", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        stalled.RunAsync(cancellationToken);

    [Function("DeliverResponses")]
    public Task DeliverResponses([TimerTrigger("%ResponsesDeliverySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        outbox.RunOnceAsync(cancellationToken);

    [Function("MonitorResponses")]
    public Task MonitorResponses([TimerTrigger("%ResponsesMonitorSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        monitor.RunOnceAsync(cancellationToken);

    [Function("PollSources")]
    public Task<IReadOnlyList<PollReport>> PollSources([TimerTrigger("%PollSourcesSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        sources.PollAllAsync(cancellationToken);

    [Function("RecordDeadLetters")]
    public Task RecordDeadLetters([TimerTrigger("%DeadLetterSchedule%", RunOnStartup = true)] TimerInfo timer, CancellationToken cancellationToken) =>
        deadLetters.RecordAsync(500, cancellationToken);
}
