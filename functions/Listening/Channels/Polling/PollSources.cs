using Listening.Channels.Polling;
using Listening.Handler;

namespace Listening.Functions;

/// <summary>
/// Timer (every 15 minutes): re-reads the configured review pages and feeds (<c>Channels:Sources</c>) politely
/// — robots.txt, per-host delay, conditional GET — and submits only reviews and posts not seen before.
/// </summary>
public sealed class PollSources(SourcePoller poller) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var result = new InvocationResult();
        foreach (var report in await poller.PollAllAsync(cancellationToken))
            result.Log($"{report.Source}: {report.Outcome}, {report.Found} found, {report.New} new{(report.Error is null ? "" : $" ({report.Error})")}");
        if (result.Logs.Count == 0) result.Log("no sources configured (Channels:Sources)");
        return result;
    }
}
