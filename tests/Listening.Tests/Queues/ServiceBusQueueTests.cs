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
        queue = new ServiceBusQueue(client, Options.Create(new ServiceBusQueueOptions { ReplayReceiveWait = TimeSpan.FromMilliseconds(300) }));
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
