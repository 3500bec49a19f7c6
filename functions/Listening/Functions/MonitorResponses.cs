using Listening.Handler;
using Listening.Responses;

namespace Listening.Functions;

/// <summary>
/// Timer (<c>ResponsesMonitorSchedule</c>, every 5 min by default): alerts for items waiting past their channel's
/// response-time target (negative first) and the daily/weekly response-time digests.
/// </summary>
public sealed class MonitorResponses(ResponseMonitor monitor) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var run = await monitor.RunOnceAsync(cancellationToken);
        var result = new InvocationResult();
        if (run.Alerted > 0) result.Log($"{run.Alerted} item(s) newly overdue ({run.Overdue} overdue in all)");
        foreach (var digest in run.DigestsQueued) result.Log($"queued {digest}");
        return result;
    }
}
