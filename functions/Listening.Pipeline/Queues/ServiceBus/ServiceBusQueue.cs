using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;

namespace Listening.Queues.ServiceBus;

/// <summary>
/// The queue port on Azure Service Bus through Azure.Messaging.ServiceBus: <see cref="ServiceBusSender"/> with our
/// message id (so the queue's duplicate detection backs idempotency), <see cref="ServiceBusMessageBatch"/>es for many
/// messages, the schedule operation for scheduled ones; <see cref="ServiceBusReceiver"/> in peek-lock with explicit
/// complete / abandon / dead-letter (reason + description) and lock renewal; the dead-letter sub-queue peeked for
/// <see cref="ListAsync(string, int, CancellationToken)"/> and received for replay.
/// </summary>
/// <remarks>
/// Settlement goes through the receiver (AMQP link) that received the message, so the adapter keeps the SDK's message
/// objects in hand by lock token until they are settled; a message received by another process (or before a restart)
/// cannot be settled here — its lock expires and it comes back, as Service Bus intends.
/// Dead-lettering after MaxDeliveryCount, lock duration and the duplicate-detection window are properties of the queue
/// entity (infra/), not of this client.
/// </remarks>
public sealed class ServiceBusQueue(ServiceBusClient client, IOptions<ServiceBusQueueOptions> options) : IQueueSender, IQueueReceiver, IDeadLetters, IAsyncDisposable
{
    /// <summary>Application property carrying the last abandon's reason (Service Bus keeps properties modified on abandon).</summary>
    public const string LastErrorProperty = "LastError";

    private readonly ServiceBusQueueOptions settings = options.Value;
    private readonly ConcurrentDictionary<string, ServiceBusSender> senders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceBusReceiver> receivers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ServiceBusReceivedMessage> inHand = new(StringComparer.Ordinal);

    // ---- sending

    public async Task SendAsync(string queue, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken)
    {
        if (QueueNames.IsDeadLetterQueue(queue)) throw new ArgumentException($"cannot send to a dead-letter queue ({queue})", nameof(queue));
        if (messages.Count == 0) return;
        var sender = SenderFor(queue);
        var now = messages.Where(m => m.ScheduledEnqueueTime is null).Select(ToServiceBus).ToList();
        if (now.Count > 0) await SendBatchesAsync(sender, now, cancellationToken);
        foreach (var group in messages.Where(m => m.ScheduledEnqueueTime is not null).GroupBy(m => m.ScheduledEnqueueTime!.Value))
            await sender.ScheduleMessagesAsync(group.Select(ToServiceBus), group.Key, cancellationToken);
    }

    /// <summary>As few batches as the entity's maximum message size allows, in order.</summary>
    private static async Task SendBatchesAsync(ServiceBusSender sender, IReadOnlyList<ServiceBusMessage> messages, CancellationToken cancellationToken)
    {
        var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        try
        {
            foreach (var message in messages)
            {
                if (batch.TryAddMessage(message)) continue;
                if (batch.Count == 0)
                    throw new ArgumentException($"message {message.MessageId} ({message.Body.ToMemory().Length} bytes) is larger than the queue accepts ({batch.MaxSizeInBytes} bytes)");
                await sender.SendMessagesAsync(batch, cancellationToken);
                batch.Dispose();
                batch = await sender.CreateMessageBatchAsync(cancellationToken);
                if (!batch.TryAddMessage(message))
                    throw new ArgumentException($"message {message.MessageId} ({message.Body.ToMemory().Length} bytes) is larger than the queue accepts ({batch.MaxSizeInBytes} bytes)");
            }
            if (batch.Count > 0) await sender.SendMessagesAsync(batch, cancellationToken);
        }
        finally { batch.Dispose(); }
    }

    private static ServiceBusMessage ToServiceBus(OutgoingMessage message) => new(message.Body)
    {
        MessageId = QueueNames.Bounded(message.MessageId),
        Subject = message.Subject,
    };

    // ---- receiving and settling

    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        var received = await ReceiverFor(queue).ReceiveMessagesAsync(maxMessages, maxWait < settings.MinReceiveWait ? settings.MinReceiveWait : maxWait, cancellationToken);
        var result = new List<ReceivedMessage>(received.Count);
        foreach (var message in received)
        {
            inHand[message.LockToken] = message;
            result.Add(ToReceivedMessage(queue, message));
        }
        ForgetExpired();
        return result;
    }

    public Task CompleteAsync(ReceivedMessage message, CancellationToken cancellationToken) =>
        SettleAsync(message, (receiver, m) => receiver.CompleteMessageAsync(m, cancellationToken), "completion");

    public Task AbandonAsync(ReceivedMessage message, string reason, CancellationToken cancellationToken) =>
        SettleAsync(message, (receiver, m) => receiver.AbandonMessageAsync(m, new Dictionary<string, object> { [LastErrorProperty] = Truncate(reason) }, cancellationToken), "abandon");

    public Task DeadLetterAsync(ReceivedMessage message, string reason, string description, CancellationToken cancellationToken)
    {
        if (QueueNames.IsDeadLetterQueue(message.Queue))
            throw new InvalidOperationException($"{message.Queue} is a dead-letter queue: its messages cannot be dead-lettered again");
        return SettleAsync(message, (receiver, m) => receiver.DeadLetterMessageAsync(m, Truncate(reason), Truncate(description), cancellationToken), "dead-lettering");
    }

    public async Task<DateTimeOffset> RenewLockAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var held = Held(message, "lock renewal");
        try
        {
            await ReceiverFor(message.Queue).RenewMessageLockAsync(held, cancellationToken);
            return held.LockedUntil;
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            inHand.TryRemove(message.LockToken, out _);
            throw new MessageLockLostException($"message {message.MessageId} on {message.Queue}: lock lost before lock renewal", e);
        }
    }

    private async Task SettleAsync(ReceivedMessage message, Func<ServiceBusReceiver, ServiceBusReceivedMessage, Task> settle, string what)
    {
        var held = Held(message, what);
        try
        {
            await settle(ReceiverFor(message.Queue), held);
            inHand.TryRemove(message.LockToken, out _);
        }
        catch (ServiceBusException e) when (e.Reason == ServiceBusFailureReason.MessageLockLost)
        {
            inHand.TryRemove(message.LockToken, out _);
            throw new MessageLockLostException($"message {message.MessageId} on {message.Queue}: lock lost before {what}", e);
        }
    }

    private ServiceBusReceivedMessage Held(ReceivedMessage message, string what) =>
        inHand.TryGetValue(message.LockToken, out var held)
            ? held
            : throw new MessageLockLostException($"message {message.MessageId} on {message.Queue}: not held by this receiver (settled already, or received elsewhere) at {what}");

    /// <summary>Messages nobody settled (a crashed stage) are dropped from the map a lock duration after their lock
    /// expired: by then Service Bus has given them to someone else.</summary>
    private void ForgetExpired()
    {
        if (inHand.Count < 1024) return;
        var horizon = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5);
        foreach (var (token, message) in inHand)
            if (message.LockedUntil < horizon) inHand.TryRemove(token, out _);
    }

    /// <summary>The port's view of an SDK message — also what a <c>[ServiceBusTrigger]</c> function hands its stage.</summary>
    public static ReceivedMessage ToReceivedMessage(string queue, ServiceBusReceivedMessage m) =>
        new(queue, m.MessageId, m.Body, m.DeliveryCount, m.SequenceNumber, m.EnqueuedTime, m.LockedUntil, m.LockToken)
        {
            Subject = m.Subject,
            DeadLetterReason = m.DeadLetterReason,
            DeadLetterDescription = m.DeadLetterErrorDescription,
            LastError = m.ApplicationProperties.TryGetValue(LastErrorProperty, out var error) ? error as string : null,
        };

    // ---- dead letters

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, int max, CancellationToken cancellationToken) =>
        ListAsync(queue, 0, max, cancellationToken);

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string queue, long fromSequenceNumber, int max, CancellationToken cancellationToken)
    {
        var main = QueueNames.MainQueueOf(queue);
        var peeked = await ReceiverFor(QueueNames.DeadLetterQueueOf(main)).PeekMessagesAsync(max, fromSequenceNumber, cancellationToken);
        return peeked.Select(m => new DeadLetter(main, m.MessageId, m.Body, m.DeadLetterReason, m.DeadLetterErrorDescription,
            m.DeliveryCount, m.SequenceNumber, m.EnqueuedTime)
        {
            Subject = m.Subject,
            LastError = m.ApplicationProperties.TryGetValue(LastErrorProperty, out var error) ? error as string : null,
        }).ToList();
    }

    /// <summary>Replays the dead letters that are there when it starts (those named, or all): each is re-sent under its
    /// replay id, then completed; the others it had to receive on the way are abandoned back at the end. A crash between
    /// the send and the completion leaves the dead letter in place and its replay id in the duplicate-detection window,
    /// so replaying again sends nothing twice.</summary>
    /// <remarks>Which dead letters to expect is read by peeking (the management link answers exactly), not inferred from
    /// an empty receive: Service Bus documents that a receive can come back empty while messages are available, so the
    /// loop receives until it has seen each expected one and gives up only after several empty receives in a row.</remarks>
    public async Task<int> ReplayAsync(string queue, IReadOnlyCollection<string>? messageIds, CancellationToken cancellationToken)
    {
        var main = QueueNames.MainQueueOf(queue);
        var deadLetterQueue = QueueNames.DeadLetterQueueOf(main);
        var wanted = messageIds is null ? null : new HashSet<string>(messageIds, StringComparer.Ordinal);
        var receiver = ReceiverFor(deadLetterQueue);
        var expected = await ExpectedDeadLettersAsync(receiver, wanted, cancellationToken);
        if (expected.Count == 0) return 0;
        var kept = new List<ServiceBusReceivedMessage>();
        var sender = SenderFor(main);
        var replayed = 0;
        try
        {
            for (var empty = 0; expected.Count > 0 && empty < settings.ReplayEmptyReceives;)
            {
                var batch = await receiver.ReceiveMessagesAsync(100, settings.ReplayReceiveWait, cancellationToken);
                empty = batch.Count == 0 ? empty + 1 : 0;
                var chosen = batch.Where(m => expected.Remove(m.SequenceNumber)).ToList();
                kept.AddRange(batch.Except(chosen));
                if (chosen.Count == 0) continue;
                await SendBatchesAsync(sender, chosen.Select(m => new ServiceBusMessage(m.Body)
                {
                    MessageId = QueueNames.ReplayIdOf(m.MessageId, m.SequenceNumber),
                    Subject = m.Subject,
                }).ToList(), cancellationToken);
                foreach (var m in chosen) await receiver.CompleteMessageAsync(m, cancellationToken);
                replayed += chosen.Count;
            }
        }
        finally
        {
            foreach (var m in kept)
            {
                try { await receiver.AbandonMessageAsync(m, cancellationToken: CancellationToken.None); }
                catch (ServiceBusException) { } // its lock expires and it is back anyway
            }
        }
        return replayed;
    }

    /// <summary>Sequence numbers of the dead letters to replay, peeked page by page.</summary>
    private static async Task<HashSet<long>> ExpectedDeadLettersAsync(ServiceBusReceiver receiver, HashSet<string>? wanted, CancellationToken cancellationToken)
    {
        var expected = new HashSet<long>();
        long from = 0;
        while (true)
        {
            var page = await receiver.PeekMessagesAsync(250, from, cancellationToken);
            if (page.Count == 0) return expected;
            foreach (var m in page)
                if (wanted is null || wanted.Contains(m.MessageId)) expected.Add(m.SequenceNumber);
            from = page[^1].SequenceNumber + 1;
        }
    }

    // ---- clients

    private ServiceBusSender SenderFor(string queue) => senders.GetOrAdd(queue, q => client.CreateSender(q));

    private ServiceBusReceiver ReceiverFor(string queue) => receivers.GetOrAdd(queue, q => QueueNames.IsDeadLetterQueue(q)
        ? client.CreateReceiver(QueueNames.MainQueueOf(q), new ServiceBusReceiverOptions
        {
            SubQueue = SubQueue.DeadLetter,
            ReceiveMode = ServiceBusReceiveMode.PeekLock,
            PrefetchCount = settings.PrefetchCount,
        })
        : client.CreateReceiver(q, new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock, PrefetchCount = settings.PrefetchCount }));

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000];

    public async ValueTask DisposeAsync()
    {
        foreach (var receiver in receivers.Values) await receiver.DisposeAsync();
        foreach (var sender in senders.Values) await sender.DisposeAsync();
    }
}
