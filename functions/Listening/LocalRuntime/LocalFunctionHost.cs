using Cronos;
using Listening.Queues;
using Listening.Storage.Sqlite;
using Listening.Topology;

namespace Listening.LocalRuntime;

/// <summary>
/// Runs the topology's non-HTTP triggers in this process: one receive loop per Service Bus trigger (host.json's
/// prefetch and concurrency), one schedule per timer. Each message's outputs and its completion are one SQLite
/// transaction, so a crash leaves either both or neither, and the message comes back after its lock expires.
/// </summary>
public sealed partial class LocalFunctionHost(
    FunctionTopology topology,
    LocalInvoker invoker,
    DurableQueue queue,
    SqliteDatabase database,
    IConfiguration configuration,
    Microsoft.Extensions.Options.IOptions<LocalRuntimeOptions> options,
    TimeProvider time,
    ILogger<LocalFunctionHost> logger) : BackgroundService
{
    private readonly LocalRuntimeOptions settings = options.Value;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var binding in topology.Functions.SelectMany(f => f.Bindings))
            if (!IsSupported(binding.Type))
                throw new TopologyException($"binding type '{binding.Type}' is not supported by the local shape");
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = new List<Task> { PurgeLoopAsync(stoppingToken) };
        foreach (var function in topology.Functions)
        {
            switch (function.Trigger.Type.ToLowerInvariant())
            {
                case "servicebustrigger": loops.Add(Task.Run(() => QueueLoopAsync(function, stoppingToken), stoppingToken)); break;
                case "timertrigger": loops.Add(Task.Run(() => TimerLoopAsync(function, stoppingToken), stoppingToken)); break;
            }
        }
        return Task.WhenAll(loops);
    }

    private async Task QueueLoopAsync(FunctionDefinition function, CancellationToken stoppingToken)
    {
        var queueName = function.Trigger.Require(function.Name, "queueName");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = topology.Host.MaxConcurrentCalls, CancellationToken = stoppingToken };
        var batchSize = Math.Max(topology.Host.PrefetchCount, topology.Host.MaxConcurrentCalls);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(queueName, batchSize, stoppingToken);
                if (batch.Count > 0) await Parallel.ForEachAsync(batch, parallel, (message, ct) => new ValueTask(ProcessAsync(function, message, ct)));
                if (batch.Count == batchSize) continue;
                if (batch.Count == 0) await queue.WaitAsync(queueName, settings.MaxPollInterval, stoppingToken);
                // A trickle would otherwise cost one receive transaction per message: let a few more arrive.
                await Task.Delay(settings.ReceiveCoalescing, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                LogLoopFailed(logger, function.Name, e);
                await Task.Delay(settings.MaxPollInterval, time, stoppingToken);
            }
        }
    }

    private async Task ProcessAsync(FunctionDefinition function, QueueMessage message, CancellationToken cancellationToken)
    {
        var payload = Payloads.ServiceBus(function.Name, function.Trigger.Name, message, time.GetUtcNow());
        var (result, error) = await invoker.InvokeAsync(function.Name, payload, cancellationToken);
        if (result is not null)
        {
            try
            {
                var outputs = PreparedOutputs.From(function, result);
                await database.WriteAsync(tx => { queue.Complete(tx, message); outputs.Apply(tx, queue); return 0; }, cancellationToken);
                outputs.SignalReceivers(queue);
                return;
            }
            catch (MessageLockLostException e)
            {
                LogLockLost(logger, function.Name, message.Sequence, e.Message);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = $"{e.GetType().Name}: {e.Message}";
            }
        }
        LogInvocationFailed(logger, function.Name, message.Sequence, message.DeliveryCount);
        await queue.AbandonAsync(message, error ?? "invocation failed", CancellationToken.None);
        if (message.DeliveryCount >= settings.MaxDeliveryCount) queue.Signal(message.Queue + DurableQueue.DeadLetterSuffix);
    }

    private async Task TimerLoopAsync(FunctionDefinition function, CancellationToken stoppingToken)
    {
        var schedule = ResolveSetting(function.Trigger.Require(function.Name, "schedule"));
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        CronExpression cron;
        try { cron = CronExpression.Parse(schedule, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard); }
        catch (CronFormatException e) { throw new TopologyException($"{function.Name}: schedule '{schedule}' is not a cron expression: {e.Message}"); }
        DateTimeOffset? last = null;
        if (function.Trigger.GetBool("runOnStartup", false)) last = await FireAsync(function, null, time.GetUtcNow(), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = cron.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null) return;
            try { await Task.Delay(next.Value - now, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
            last = await FireAsync(function, last, next.Value, stoppingToken);
        }
    }

    private async Task<DateTimeOffset> FireAsync(FunctionDefinition function, DateTimeOffset? last, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var payload = Payloads.Timer(function.Name, function.Trigger.Name, last, due, now - due > TimeSpan.FromMinutes(1), now);
        var (result, error) = await invoker.InvokeAsync(function.Name, payload, cancellationToken);
        if (result is null) { LogTimerFailed(logger, function.Name, error ?? ""); return now; }
        var outputs = PreparedOutputs.From(function, result);
        await database.WriteAsync(tx => { outputs.Apply(tx, queue); return 0; }, cancellationToken);
        outputs.SignalReceivers(queue);
        return now;
    }

    private async Task PurgeLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
                await queue.PurgeExpiredIdsAsync(stoppingToken);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Resolves a <c>%AppSetting%</c> reference the way the Functions host does.</summary>
    private string ResolveSetting(string value)
    {
        if (value.Length < 3 || value[0] != '%' || value[^1] != '%') return value;
        var name = value[1..^1];
        return configuration[name] ?? throw new TopologyException($"app setting '{name}' (referenced as {value}) is not set");
    }

    private static bool IsSupported(string type) =>
        PreparedOutputs.SupportedTypes.Contains(type, StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "Receive loop of {Function} failed; retrying")]
    private static partial void LogLoopFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed on message {Sequence} (delivery {DeliveryCount}); abandoned")]
    private static partial void LogInvocationFailed(ILogger logger, string function, long sequence, int deliveryCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: message {Sequence} not completed: {Reason}")]
    private static partial void LogLockLost(ILogger logger, string function, long sequence, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed: {Error}")]
    private static partial void LogTimerFailed(ILogger logger, string function, string error);
}
