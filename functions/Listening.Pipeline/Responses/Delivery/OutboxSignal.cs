using Microsoft.Extensions.Options;

namespace Listening.Responses.Delivery;

/// <summary>
/// "There is something in the outbox": set by the response stage after it queues messages, so that this process sends
/// them at once instead of at the next timer tick (social media expect an answer within minutes; the timer stays the
/// backstop, e.g. for retries and after a restart).
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        // At most one pending wake-up: several notifications while a pass runs are one more pass.
        try { if (signal.CurrentCount == 0) signal.Release(); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Sends what the outbox holds as soon as the response stage signals, in this process (<c>Responses:Delivery:Immediate</c>,
/// on by default): passes until nothing is due. Claims are leased, so it and the <c>DeliverResponses</c> timer never send
/// one message twice.
/// </summary>
public sealed partial class OutboxPump(OutboxSignal signal, OutboxDelivery delivery, IOptions<DeliveryOptions> options, ILogger<OutboxPump> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Immediate) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                for (var pass = 0; pass < 1000 && (await delivery.RunOnceAsync(stoppingToken)).Claimed > 0; pass++) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // The timer delivers what this pass could not; the pump waits for the next signal.
                LogPassFailed(logger, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Immediate outbox pass failed ({Error}); the DeliverResponses schedule will send it")]
    private static partial void LogPassFailed(ILogger logger, string error);
}
