using System.ComponentModel.DataAnnotations;
using Listening.Queues;

namespace Listening.Pipeline;

/// <summary>How the stages consume their queues (<c>Listening:Consumers</c>).</summary>
public sealed class ConsumerOptions
{
    public const string Section = "Listening:Consumers";

    /// <summary>Run <see cref="QueueConsumers"/> in this process: always in the local shape; on Azure only when set
    /// (an always-ready instance keeps the loop alive; the timer-driven drain runs either way).</summary>
    public bool Continuous { get; set; }

    /// <summary>Messages a stage holds (locked) at most: the drain receives whenever a quarter of this is free. Large windows
    /// and many messages in flight let the SQLite writer group-commit many stage outputs per transaction (measured: 8 in
    /// flight used ≈ 1.5× the CPU per item of 32). 64 at once in a 256 window answered 1.1–1.8× the items per second of 32
    /// at once, at an ingest p99 about 10 ms longer (bench/README.md, round 6); 128 in a 512 window no more than 64.</summary>
    [Range(1, 1000)] public int BatchSize { get; set; } = 256;

    /// <summary>The continuous loop's pause after a partial batch, so a trickle is received a few at a time.</summary>
    public TimeSpan ReceiveCoalescing { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Messages a stage works on at once.</summary>
    [Range(1, 256)] public int MaxConcurrency { get; set; } = 64;

    /// <summary>One timer-driven drain's bounds (the Azure shape): at most this many messages, for at most this long.</summary>
    [Range(1, 1_000_000)] public int DrainMaxMessages { get; set; } = 20_000;

    public TimeSpan DrainTimeBudget { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>How long a drain waits for a first message: an empty drain lasts this long (the fixed cost of the timer).</summary>
    public TimeSpan DrainReceiveWait { get; set; } = TimeSpan.FromMilliseconds(200);

    public DrainLimits Loop => new()
    {
        MaxMessages = 100_000, TimeBudget = TimeSpan.FromMinutes(1), BatchSize = BatchSize, MaxConcurrency = MaxConcurrency,
        ReceiveWait = TimeSpan.FromSeconds(5),
    };

    public DrainLimits Drain => new()
    {
        MaxMessages = DrainMaxMessages, TimeBudget = DrainTimeBudget, BatchSize = BatchSize, MaxConcurrency = MaxConcurrency,
        ReceiveWait = DrainReceiveWait,
    };
}

/// <summary>
/// One receive loop per pipeline stage (<see cref="PipelineJobs.Consumers"/>) over the queue adapter, each a sequence of
/// <see cref="QueueDrain"/> runs: receive a batch, run the stage per message (<see cref="ConsumerOptions.MaxConcurrency"/>
/// at once), complete, abandon or dead-letter each, and wait for more (a send in this process wakes the SQLite receiver
/// at once). The local shape's consumers; on Azure an optional hosted loop next to the timer-driven drain.
/// </summary>
public sealed partial class QueueConsumers(IServiceProvider services, IQueueReceiver receiver, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ConsumerOptions> options, ILoggerFactory loggers, ILogger<QueueConsumers> logger) : BackgroundService
{
    private readonly DrainLimits limits = options.Value.Loop with { StageCompletes = QueueConsumer.CompletesInput(services) };

    // A receive is a write transaction on SQLite: when messages trickle in, wait a moment after a partial batch so the
    // next receive takes several (the same pause the Service Bus client's prefetch gives for free).
    private readonly QueueDrain drain = new(new CoalescingReceiver(receiver, options.Value.ReceiveCoalescing, time), time, loggers.CreateLogger<QueueDrain>());

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PipelineJobs.Consumers.Select(c => Task.Run(() => ConsumeAsync(c, stoppingToken), stoppingToken)));

    private async Task ConsumeAsync(QueueConsumer consumer, CancellationToken stoppingToken)
    {
        Task Stage(ReceivedMessage message, CancellationToken cancellationToken) => consumer.HandleAsync(services, message, cancellationToken);
        // Build the stage (the scorer loads its model) before the first batch: otherwise MaxConcurrency handlers ask for it
        // at once and all but one block a thread-pool thread on the container's lock until the model is loaded, which
        // starved the HTTP intake for seconds after every start.
        try { await Task.Run(() => services.GetRequiredService(consumer.Stage), stoppingToken); }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
        catch (Exception e) { LogLoopFailed(logger, consumer.Name, e); } // the loop below retries and reports it again
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await drain.DrainAsync(consumer.Queue, Stage, limits, stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                LogLoopFailed(logger, consumer.Name, e);
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private sealed class CoalescingReceiver(IQueueReceiver inner, TimeSpan pause, TimeProvider time) : IQueueReceiver
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> partial = new(StringComparer.Ordinal);

        public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
        {
            if (pause > TimeSpan.Zero && partial.TryGetValue(queue, out var wasPartial) && wasPartial) await Task.Delay(pause, time, cancellationToken);
            var received = await inner.ReceiveAsync(queue, maxMessages, maxWait, cancellationToken);
            partial[queue] = received.Count is > 0 && received.Count < maxMessages;
            return received;
        }

        public Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken) => inner.CompleteAsync(message, cancellationToken);
        public Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken) => inner.AbandonAsync(message, reason, cancellationToken);
        public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken) =>
            inner.DeadLetterAsync(message, reason, description, cancellationToken);
        public Task<DateTimeOffset> RenewLockAsync(ReceivedMessage message, CancellationToken cancellationToken) => inner.RenewLockAsync(message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer} failed; receiving again")]
    private static partial void LogLoopFailed(ILogger logger, string consumer, Exception exception);
}
