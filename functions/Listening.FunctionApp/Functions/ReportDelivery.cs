using Listening.Alerts;
using Listening.Reports;
using Microsoft.Azure.Functions.Worker;

namespace Listening.FunctionApp.Functions;

/// <summary>The report's own rhythms (<see cref="Pipeline.PipelineJobs.Schedules"/>): scheduled letters per brand and the
/// immediate alerts, each timer on the app setting the local Cronos job reads.</summary>
public sealed class ReportDelivery(DeliverReports letters, DetectAlerts alerts)
{
    [Function(Reports.DeliverReports.Name)]
    public Task<ReportDeliveryRun> DeliverReports([TimerTrigger("%ReportDeliverySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        letters.RunAsync(cancellationToken);

    [Function(Alerts.DetectAlerts.Name)]
    public Task<AlertRun> DetectAlerts([TimerTrigger("%AlertSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        alerts.RunAsync(cancellationToken);
}
