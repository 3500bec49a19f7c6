using Azure.Messaging.ServiceBus;
using Listening.Queues;
using Listening.Queues.ServiceBus;
using Listening.Tests.Queues.Broker;
using Microsoft.Extensions.Options;

namespace Listening.Tests.Queues;

/// <summary>
/// The queue contract on the Service Bus adapter: the real Azure.Messaging.ServiceBus client (ServiceBusSender,
/// ServiceBusReceiver in peek-lock) against <see cref="ServiceBusTestBroker"/>, an AMQP 1.0 broker on loopback that stands
/// in for Azure Service Bus, which cannot run here. What the broker does not implement is listed on it.
/// </summary>
public sealed class ServiceBusQueueContractTests : QueueContract
{
    private ServiceBusTestBroker broker = null!;
    private ServiceBusClient client = null!;
    private ServiceBusQueue queue = null!;

    internal static ServiceBusClient ClientFor(ServiceBusTestBroker broker) => new(broker.ConnectionString, new ServiceBusClientOptions
    {
        RetryOptions = new ServiceBusRetryOptions { TryTimeout = TimeSpan.FromSeconds(15), MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(100) },
    });

    protected override Task<(IQueueSender, IQueueReceiver, IDeadLetters)> CreateAsync()
    {
        broker = ServiceBusTestBroker.Start(new BrokerEntitySettings(Settings.MaxDeliveryCount, Settings.LockDuration, Settings.DuplicateDetectionWindow), Time);
        client = ClientFor(broker);
        queue = new ServiceBusQueue(client, Options.Create(new ServiceBusQueueOptions { ReplayReceiveWait = TimeSpan.FromSeconds(3) }));
        return Task.FromResult<(IQueueSender, IQueueReceiver, IDeadLetters)>((queue, queue, queue));
    }

    protected override TimeSpan NothingWait => TimeSpan.FromMilliseconds(300);

    public override async Task DisposeAsync()
    {
        await queue.DisposeAsync();
        await client.DisposeAsync();
        await broker.DisposeAsync();
    }
}

/// <summary>What the Service Bus adapter costs in broker operations (the cost model's Service Bus input), counted by the
/// loopback broker standing in for Service Bus.</summary>
public sealed class ServiceBusOperationCountTests
{
    [Fact]
    public async Task A_batch_of_items_is_one_send_and_each_item_then_costs_one_delivery_and_one_complete()
    {
        await using var broker = ServiceBusTestBroker.Start(new BrokerEntitySettings(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
        await using var client = ServiceBusQueueContractTests.ClientFor(broker);
        await using var queue = new ServiceBusQueue(client, Options.Create(new ServiceBusQueueOptions()));
        var drain = new QueueDrain(queue, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<QueueDrain>.Instance);
        var before = broker.Counters.Snapshot();

        await queue.SendAsync("ops", Enumerable.Range(0, 100).Select(i => OutgoingMessage.ForJson($$"""{"id":"item-{{i}}"}""")).ToList(), default);
        await queue.SendAsync("ops", [OutgoingMessage.ForJson("""{"id":"item-0"}""")], default); // a duplicate: sent, dropped
        var completed = 0;
        while (completed < 100)
            completed += (await drain.DrainAsync("ops", (_, _) => Task.CompletedTask, new DrainLimits { ReceiveWait = TimeSpan.FromSeconds(2) }, default)).Completed;

        var used = broker.Counters.Snapshot().Minus(before);
        Assert.Equal(2, used.SendTransfers);
        Assert.Equal(100, used.MessagesAccepted);
        Assert.Equal(1, used.DuplicatesDropped);
        Assert.Equal(100, used.Completes);
        Assert.InRange(used.Deliveries, 100, 200); // some may be released by the client (arrived after a receive returned) and delivered again
        Assert.Equal(0, used.ManagementCalls);
    }
}

/// <summary>Replay on the Service Bus adapter where the broker does not hand out what a peek shows: a dead letter locked by
/// another receiver (an operator's tool, a second replay) is listed but cannot be received until its lock ends.</summary>
public sealed class ServiceBusReplayTests
{
    [Fact]
    public async Task A_dead_letter_another_receiver_holds_is_left_in_place_after_the_empty_receives_and_replayed_once_released()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var broker = ServiceBusTestBroker.Start(new BrokerEntitySettings(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)), time);
        await using var client = ServiceBusQueueContractTests.ClientFor(broker);
        var options = new ServiceBusQueueOptions { ReplayReceiveWait = TimeSpan.FromMilliseconds(300), ReplayEmptyReceives = 2 };
        await using var queue = new ServiceBusQueue(client, Options.Create(options));
        await queue.SendAsync("held", [new OutgoingMessage("h1", BinaryData.FromString("""{"id":"h1"}"""))], default);
        var received = await ReceiveOneAsync(queue, "held");
        await queue.DeadLetterAsync(received, "Bug7", "failed", default);

        // Another receiver takes the dead letter under its lock: a peek still shows it, no receive can get it.
        await using var other = client.CreateReceiver("held", new ServiceBusReceiverOptions { SubQueue = SubQueue.DeadLetter });
        var locked = await other.ReceiveMessageAsync(TimeSpan.FromSeconds(10));
        Assert.NotNull(locked);

        // It gives up after the empty receives rather than wait for the lock (a replay that waited would be cancelled here).
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal(0, await queue.ReplayAsync("held", null, bounded.Token));
        Assert.Equal(["h1"], (await queue.ListAsync("held", 10, default)).Select(d => d.MessageId));

        await other.AbandonMessageAsync(locked);
        Assert.Equal(1, await queue.ReplayAsync("held", null, default));
        Assert.Equal("""{"id":"h1"}""", (await ReceiveOneAsync(queue, "held")).Body.ToString());
        Assert.Empty(await queue.ListAsync("held", 10, default));
    }

    private static async Task<ReceivedMessage> ReceiveOneAsync(ServiceBusQueue queue, string name)
    {
        IReadOnlyList<ReceivedMessage> received = [];
        for (var attempt = 0; attempt < 3 && received.Count == 0; attempt++)
            received = await queue.ReceiveAsync(name, 1, TimeSpan.FromSeconds(10), default);
        return Assert.Single(received);
    }
}
