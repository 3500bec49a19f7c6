using System.Collections.Concurrent;

namespace Listening.Queues;

/// <summary>How much one drain may take on.</summary>
public sealed record DrainLimits
{
    /// <summary>Stop receiving once this many messages were received (the invocation's bound).</summary>
    public int MaxMessages { get; init; } = 512;

    /// <summary>Stop receiving after this long; messages in hand are still finished and settled. Keep it well under the
    /// function timeout and the lock duration × renewals.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Messages asked for per receive.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Messages processed at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How long a receive waits for its first message; a receive that brings nothing ends the drain.</summary>
    public TimeSpan ReceiveWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A message still in hand this long before its lock expires gets its lock renewed.</summary>
    public TimeSpan RenewLockAhead { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often locks in hand are looked at for renewal.</summary>
    public TimeSpan RenewCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The stage completes the message itself on success (the local host: in the same SQLite transaction as
    /// its outputs, through <c>SqliteQueue.Complete(tx, message)</c>); the drain then only settles failures.</summary>
    public bool StageCompletes { get; init; }
}

/// <summary>What one drain did.</summary>
public sealed record DrainResult(int Received, int Completed, int Abandoned, int DeadLettered, int LockLost, int LocksRenewed)
{
    public static readonly DrainResult Empty = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The consumer shape shared by every host (the local hosted loop, the Azure timer-driven drain, an optional hosted
/// loop on Azure): receive up to a bound, run the stage per message with bounded concurrency, settle explicitly —
/// success → complete; <see cref="PoisonMessageException"/> (a message that can never succeed, e.g. unparseable) →
/// dead-letter with its reason at once; any other exception → abandon with the error as reason (redelivered with
/// DeliveryCount + 1, dead-lettered by the queue after MaxDeliveryCount) — renew locks of messages still in hand
/// during long batches, and stop at the message bound or the time budget.
/// </summary>
/// <remarks>
/// The stage is a per-message method <c>(ReceivedMessage, CancellationToken) → Task</c>. A <c>[ServiceBusTrigger]</c>
/// function, once its extension can be built, calls the same method with the trigger's message (and the trigger's
/// <c>ServiceBusMessageActions</c> for settlement): a one-file change that leaves the stages as they are.
/// </remarks>
public sealed partial class QueueDrain(IQueueReceiver receiver, TimeProvider time, ILogger<QueueDrain> logger)
{
    public async Task<DrainResult> DrainAsync(string queue, Func<ReceivedMessage, CancellationToken, Task> stage, DrainLimits limits,
        CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var counts = new Counts();
        var inHand = new ConcurrentDictionary<string, ReceivedMessage>(StringComparer.Ordinal);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewals = RenewLoopAsync(inHand, limits, counts, renewing.Token);
        try
        {
            // A window, not rounds: a message that finishes makes room for the next receive at once, so the stage never
            // waits for the slowest message of a batch before it gets more work (at most BatchSize messages locked in hand).
            using var slots = new SemaphoreSlim(limits.MaxConcurrency);
            var running = new List<Task>();
            try
            {
                while (!cancellationToken.IsCancellationRequested && counts.Received < limits.MaxMessages
                       && time.GetElapsedTime(started) < limits.TimeBudget)
                {
                    running.RemoveAll(t => t.IsCompleted);
                    var room = limits.BatchSize - running.Count;
                    if (room < Math.Max(1, limits.BatchSize / 4))
                    {
                        await Task.WhenAny(running);
                        continue;
                    }
                    var want = Math.Min(room, limits.MaxMessages - counts.Received);
                    var batch = await receiver.ReceiveAsync(queue, want, limits.ReceiveWait, cancellationToken);
                    if (batch.Count == 0)
                    {
                        // Nothing now; a message still in hand may yet be abandoned and come back: look once more after them.
                        if (running.Count == 0) break;
                        await Task.WhenAll(running);
                        running.Clear();
                        continue;
                    }
                    Interlocked.Add(ref counts.Received, batch.Count);
                    foreach (var message in batch)
                    {
                        inHand[message.LockToken] = message;
                        running.Add(RunAsync(message));
                    }
                }
            }
            finally
            {
                await Task.WhenAll(running);
            }

            async Task RunAsync(ReceivedMessage message)
            {
                await slots.WaitAsync(CancellationToken.None);
                try { await ProcessAsync(message, stage, limits, counts, inHand, cancellationToken); }
                finally
                {
                    inHand.TryRemove(message.LockToken, out ReceivedMessage? _);
                    slots.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { }
        finally
        {
            await renewing.CancelAsync();
            await renewals;
        }
        return counts.Result();
    }

    private async Task ProcessAsync(ReceivedMessage message, Func<ReceivedMessage, CancellationToken, Task> stage, DrainLimits limits,
        Counts counts, ConcurrentDictionary<string, ReceivedMessage> inHand, CancellationToken cancellationToken)
    {
        try
        {
            await stage(message, cancellationToken);
            if (!limits.StageCompletes) await receiver.CompleteAsync(Current(message, inHand), CancellationToken.None);
            Interlocked.Increment(ref counts.Completed);
        }
        catch (MessageLockLostException e)
        {
            LogLockLost(logger, message.Queue, message.MessageId, e.Message);
            Interlocked.Increment(ref counts.LockLost);
        }
        catch (PoisonMessageException e)
        {
            LogPoison(logger, message.Queue, message.MessageId, e.Reason);
            if (await SettleAsync(counts, () => receiver.DeadLetterAsync(Current(message, inHand), e.Reason, e.Description, CancellationToken.None)))
                Interlocked.Increment(ref counts.DeadLettered);
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? "the host stopped before the message was processed"
                : $"{e.GetType().Name}: {e.Message}";
            LogFailed(logger, message.Queue, message.MessageId, message.DeliveryCount, e);
            if (await SettleAsync(counts, () => receiver.AbandonAsync(Current(message, inHand), reason, CancellationToken.None)))
                Interlocked.Increment(ref counts.Abandoned);
        }
    }

    /// <summary>The message as last renewed (its LockedUntil moves; the lock token stays).</summary>
    private static ReceivedMessage Current(ReceivedMessage message, ConcurrentDictionary<string, ReceivedMessage> inHand) =>
        inHand.TryGetValue(message.LockToken, out var current) ? current : message;

    private static async Task<bool> SettleAsync(Counts counts, Func<Task> settle)
    {
        try
        {
            await settle();
            return true;
        }
        catch (MessageLockLostException)
        {
            Interlocked.Increment(ref counts.LockLost); // it comes back when its lock expires, as an abandon would
            return false;
        }
    }

    private async Task RenewLoopAsync(ConcurrentDictionary<string, ReceivedMessage> inHand, DrainLimits limits, Counts counts, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(limits.RenewCheckInterval, time, stop); }
            catch (OperationCanceledException) { return; }
            var now = time.GetUtcNow();
            foreach (var message in inHand.Values.Where(m => m.LockedUntil - now <= limits.RenewLockAhead).ToList())
            {
                try
                {
                    var until = await receiver.RenewLockAsync(message, stop);
                    if (inHand.ContainsKey(message.LockToken)) inHand[message.LockToken] = message with { LockedUntil = until };
                    Interlocked.Increment(ref counts.LocksRenewed);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                catch (Exception e)
                {
                    // Settled meanwhile, or the lock is lost: the message's own settlement reports it.
                    LogRenewFailed(logger, message.Queue, message.MessageId, e.Message);
                }
            }
        }
    }

    private sealed class Counts
    {
        public int Received, Completed, Abandoned, DeadLettered, LockLost, LocksRenewed;
        public DrainResult Result() => new(Received, Completed, Abandoned, DeadLettered, LockLost, LocksRenewed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: message {MessageId} failed on delivery {DeliveryCount}; abandoned")]
    private static partial void LogFailed(ILogger logger, string queue, string messageId, int deliveryCount, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Queue}: message {MessageId} can never succeed ({Reason}); dead-lettered")]
    private static partial void LogPoison(ILogger logger, string queue, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Queue}: message {MessageId} not settled: {Reason}")]
    private static partial void LogLockLost(ILogger logger, string queue, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Queue}: lock of message {MessageId} not renewed: {Reason}")]
    private static partial void LogRenewFailed(ILogger logger, string queue, string messageId, string reason);
}
