using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using Listening.Queues;
using Listening.Queues.ServiceBus;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Listening.Tests.Queues.Broker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Queue bench: the same workload on both adapters through the port and QueueDrain.
//  1. throughput: send N messages in batches of 100, then drain them (batch 32, 8 at a time, complete each);
//  2. latency: a consumer loop waits on an empty queue; messages are sent one at a time, 20 ms apart; latency =
//     send call start → stage called;
//  3. an empty drain: what a timer-driven invocation costs when there is nothing to do;
//  4. Service Bus only: broker operations per item (sends, deliveries, settlements, management calls).
var messages = args.SkipWhile(a => a != "--messages").Skip(1).Select(int.Parse).FirstOrDefault(20_000);
var trickle = args.SkipWhile(a => a != "--trickle").Skip(1).Select(int.Parse).FirstOrDefault(300);
Console.WriteLine($"queue bench: {messages} messages (throughput), {trickle} single sends 20 ms apart (latency); {Environment.ProcessorCount} cores");

var dir = Path.Combine(Path.GetTempPath(), $"queue-bench-{Guid.NewGuid():N}");
await using (var database = new SqliteDatabase(Path.Combine(dir, "listening.db")))
{
    var sqlite = new SqliteQueue(database, Options.Create(new SqliteQueueOptions()), TimeProvider.System);
    await RunAsync("sqlite", sqlite, sqlite, null);
}
Directory.Delete(dir, recursive: true);

await using (var broker = ServiceBusTestBroker.Start(new BrokerEntitySettings(10, TimeSpan.FromSeconds(60), TimeSpan.FromMinutes(10))))
{
    await using var client = new ServiceBusClient(broker.ConnectionString);
    await using var serviceBus = new ServiceBusQueue(client, Options.Create(new ServiceBusQueueOptions()));
    await RunAsync("service bus (test broker)", serviceBus, serviceBus, broker);
}
return 0;

async Task RunAsync(string name, IQueueSender sender, IQueueReceiver receiver, ServiceBusTestBroker? broker)
{
    var drain = new QueueDrain(receiver, TimeProvider.System, NullLogger<QueueDrain>.Instance);
    var queue = $"bench-{Guid.NewGuid():N}"[..14];
    var body = BinaryData.FromString(new string('x', 700)); // about a feedback item's size
    await sender.SendAsync(queue, [new OutgoingMessage("warm-up", body)], default);
    await drain.DrainAsync(queue, (_, _) => Task.CompletedTask, new DrainLimits { ReceiveWait = TimeSpan.FromMilliseconds(200) }, default);

    var before = broker?.Counters.Snapshot();
    var clock = Stopwatch.StartNew();
    foreach (var chunk in Enumerable.Range(0, messages).Chunk(100))
        await sender.SendAsync(queue, chunk.Select(i => new OutgoingMessage($"m{i}", body)).ToList(), default);
    var sendSeconds = clock.Elapsed.TotalSeconds;
    clock.Restart();
    var consumed = 0;
    while (consumed < messages)
    {
        var result = await drain.DrainAsync(queue, (_, _) => Task.CompletedTask,
            new DrainLimits { MaxMessages = messages, BatchSize = 32, MaxConcurrency = 8, ReceiveWait = TimeSpan.FromSeconds(1) }, default);
        consumed += result.Completed;
        if (result.Received == 0) break;
    }
    var drainSeconds = clock.Elapsed.TotalSeconds;
    var operations = broker is null ? null : broker.Counters.Snapshot().Minus(before!);
    Console.WriteLine($"{name}: send {messages / sendSeconds,8:0} msg/s ({sendSeconds:0.00} s, batches of 100); drain {consumed / drainSeconds,8:0} msg/s ({drainSeconds:0.00} s, batch 32, 8 concurrent)");
    if (operations is not null)
        Console.WriteLine($"{name}: per item: {(double)operations.SendTransfers / messages:0.000} send transfers, {(double)operations.Deliveries / messages:0.000} deliveries, " +
            $"{(double)operations.Completes / messages:0.000} completes, {(double)operations.ManagementCalls / messages:0.000} management calls; " +
            $"{(double)operations.Operations / messages:0.000} operations per item ({operations.Operations} in all)");

    // Latency with a consumer already waiting (a hosted loop: the local host, or a hosted receiver on Azure).
    using var stop = new CancellationTokenSource();
    var sentAt = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
    var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
    var consumer = Task.Run(async () =>
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await drain.DrainAsync(queue, (m, _) =>
                {
                    if (sentAt.TryGetValue(m.MessageId, out var at)) latencies.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
                    return Task.CompletedTask;
                }, new DrainLimits { BatchSize = 32, ReceiveWait = TimeSpan.FromSeconds(5) }, stop.Token);
            }
            catch (OperationCanceledException) { }
        }
    });
    await Task.Delay(300);
    for (var i = 0; i < trickle; i++)
    {
        var id = $"t{i}";
        sentAt[id] = Stopwatch.GetTimestamp();
        await sender.SendAsync(queue, [new OutgoingMessage(id, body)], default);
        await Task.Delay(20);
    }
    var deadline = DateTime.UtcNow.AddSeconds(10);
    while (latencies.Count < trickle && DateTime.UtcNow < deadline) await Task.Delay(50);
    await stop.CancelAsync();
    await consumer;
    var sorted = latencies.Order().ToList();
    Console.WriteLine($"{name}: latency send→stage with a waiting consumer: p50 {Percentile(sorted, 0.50):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {sorted.LastOrDefault():0.0} ms ({sorted.Count}/{trickle} seen)");

    // What a timer-driven drain costs when the queue is empty: the receive waits ReceiveWait, then the invocation ends.
    clock.Restart();
    var empty = await drain.DrainAsync(queue, (_, _) => Task.CompletedTask, new DrainLimits { ReceiveWait = TimeSpan.FromMilliseconds(500) }, default);
    Console.WriteLine($"{name}: empty drain (ReceiveWait 500 ms): {clock.Elapsed.TotalMilliseconds:0} ms, received {empty.Received}");
}

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
