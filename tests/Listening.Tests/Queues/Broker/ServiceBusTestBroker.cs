using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Amqp;
using Amqp.Framing;
using Amqp.Handler;
using Amqp.Listener;
using Amqp.Sasl;
using Amqp.Types;

namespace Listening.Tests.Queues.Broker;

/// <summary>The queue entity properties the broker applies to every queue (on Azure: the queue's properties in infra/).</summary>
public sealed record BrokerEntitySettings(int MaxDeliveryCount, TimeSpan LockDuration, TimeSpan DuplicateDetectionWindow)
{
    /// <summary>Announced as <c>max-message-size</c> on every entity link attach (Service Bus Standard: 256 KB).</summary>
    public int MaxMessageSizeBytes { get; init; } = 256 * 1024;
}

/// <summary>
/// A stand-in for Azure Service Bus, which cannot run here (no Azure, no Docker for the emulator): an AMQP 1.0 broker
/// built on AMQPNetLite, started in-process on loopback, speaking the parts of the Service Bus protocol that the real
/// Azure.Messaging.ServiceBus client uses for queues — so the tests exercise the real client end to end.
/// </summary>
/// <remarks>
/// <para>Implemented: SASL mechanism <c>MSSBCBS</c>; <c>$cbs</c> put-token answered 202 (every token is accepted);
/// queues created on first use; <c>max-message-size</c> on entity attaches; sends of single messages and batches
/// (message format 0x80013700); duplicate detection by message id per queue within the window; peek-lock delivery with
/// 16-byte delivery tags as lock tokens, header delivery-count and the annotations <c>x-opt-sequence-number</c>,
/// <c>x-opt-enqueued-time</c>, <c>x-opt-locked-until</c> (and <c>x-opt-deadletter-source</c> in a dead-letter queue);
/// settlement by disposition — accepted (complete), modified (abandon, applying the properties to modify), rejected with
/// <c>com.microsoft:dead-letter</c> and its DeadLetterReason / DeadLetterErrorDescription — each answered with a settled
/// disposition, or rejected with <c>com.microsoft:message-lock-lost</c> when the lock expired or was taken over;
/// lock expiry and redelivery, dead-lettering with <c>MaxDeliveryCountExceeded</c> after MaxDeliveryCount deliveries;
/// the dead-letter sub-queue <c>{queue}/$DeadLetterQueue</c>; on <c>{entity}/$management</c>: renew-lock,
/// schedule-message, cancel-scheduled-message and peek-message. Time (locks, schedules, the window) follows the injected
/// <see cref="TimeProvider"/>, so tests move it instead of sleeping.</para>
/// <para>Not implemented (a client that uses them gets an error or nothing): TLS and real authentication (tokens are not
/// checked), sessions, topics/subscriptions and rules, transactions, deferral and receive-by-sequence-number,
/// update-disposition over $management, message TTL / expiry, partitioning, auto-forwarding, entity management over
/// HTTP (ServiceBusAdministrationClient), quotas and throttling (ServerBusy), persistence (everything is in memory),
/// and Service Bus's real performance: figures measured against it are for the client and our code, not the service.</para>
/// </remarks>
public sealed class ServiceBusTestBroker : IAsyncDisposable
{
    private const uint BatchFormat = 0x80013700;
    private static readonly Symbol SequenceNumber = "x-opt-sequence-number", EnqueuedTime = "x-opt-enqueued-time",
        LockedUntil = "x-opt-locked-until", DeadLetterSource = "x-opt-deadletter-source", ScheduledEnqueueTime = "x-opt-scheduled-enqueue-time",
        DeadLetterCondition = "com.microsoft:dead-letter", LockLostCondition = "com.microsoft:message-lock-lost";

    private readonly BrokerEntitySettings settings;
    private readonly TimeProvider time;
    private readonly ContainerHost host;
    private readonly Channel<Action> work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task loop;
    private readonly Task ticker;
    private readonly CancellationTokenSource stopping = new();
    private readonly Dictionary<string, Entity> entities = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(object Connection, string Address), Outbound> responseLinks = new();
    private readonly ConditionalWeakTable<Message, byte[]> tags = new();
    private readonly ConditionalWeakTable<Message, LockRef> locks = new();
    private long nextSequence;

    private ServiceBusTestBroker(BrokerEntitySettings settings, TimeProvider time)
    {
        this.settings = settings;
        this.time = time;
        Port = FreePort();
        // Debugging aid: BROKER_FRAMES=/tmp/frames.log writes every AMQP frame both ways (AMQPNetLite's frame trace).
        if (Environment.GetEnvironmentVariable("BROKER_FRAMES") is { } framesPath)
        {
            Amqp.Trace.TraceLevel = Amqp.TraceLevel.Frame;
            Amqp.Trace.TraceListener = (level, format, args) => { lock (typeof(ServiceBusTestBroker)) File.AppendAllText(framesPath, $"{DateTime.UtcNow:HH:mm:ss.fff} {string.Format(format, args)}\n"); };
        }
        host = new ContainerHost([$"amqp://127.0.0.1:{Port}"]);
        var listener = host.Listeners[0];
        listener.SASL.EnableMechanism((Symbol)"MSSBCBS", new CbsSaslProfile());
        listener.HandlerFactory = _ => new TagHandler(this);
        host.RegisterLinkProcessor(new LinkProcessor(this));
        host.Open();
        loop = Task.Run(RunAsync);
        ticker = Task.Run(TickAsync);
    }

    public static ServiceBusTestBroker Start(BrokerEntitySettings settings, TimeProvider? time = null) => new(settings, time ?? TimeProvider.System);

    public int Port { get; }

    /// <summary><c>UseDevelopmentEmulator=true</c> makes the client speak plain AMQP (no TLS) to the given port.</summary>
    public string ConnectionString =>
        $"Endpoint=sb://127.0.0.1:{Port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=dGVzdC1vbmx5;UseDevelopmentEmulator=true";

    public BrokerCounters Counters { get; } = new();

    /// <summary>Messages in a queue (active, locked and scheduled), read on the broker's loop.</summary>
    public Task<int> CountAsync(string queue) => OnLoopAsync(() => entities.TryGetValue(queue, out var e) ? e.All.Count : 0);

    private Task<T> OnLoopAsync<T>(Func<T> read)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() => { try { done.SetResult(read()); } catch (Exception e) { done.SetException(e); } });
        return done.Task;
    }

    // ---- the single-threaded loop: every state change happens here, in arrival order

    private void Post(Action action) => work.Writer.TryWrite(action);

    private async Task RunAsync()
    {
        await foreach (var action in work.Reader.ReadAllAsync())
        {
            try { action(); }
            catch (Exception e) { Console.Error.WriteLine($"test broker: {e}"); }
        }
    }

    /// <summary>Locks expire and schedules come due by the clock, not by an event: look every few milliseconds.</summary>
    private async Task TickAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try { await Task.Delay(10, stopping.Token); }
            catch (OperationCanceledException) { return; }
            Post(() => { foreach (var entity in entities.Values) Pump(entity); });
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private Entity EntityFor(string address)
    {
        var name = address.Trim('/');
        if (entities.TryGetValue(name, out var entity)) return entity;
        if (name.EndsWith("/$DeadLetterQueue", StringComparison.OrdinalIgnoreCase))
            return EntityFor(name[..^"/$DeadLetterQueue".Length]).DeadLetterQueue!;
        var main = new Entity(name, null);
        main.DeadLetterQueue = new Entity($"{name}/$DeadLetterQueue", main);
        entities[name] = main;
        entities[main.DeadLetterQueue.Name] = main.DeadLetterQueue;
        return main;
    }

    // ---- sending into a queue

    private void OnEntityMessage(Entity entity, MessageContext context)
    {
        Interlocked.Increment(ref Counters.sendTransfers);
        var message = context.Message;
        if (message.Format == BatchFormat)
        {
            foreach (var part in message.BodySection switch
                     {
                         DataList list => Enumerable.Range(0, list.Count).Select(i => list[i].Binary),
                         Data data => [data.Binary],
                         _ => [],
                     })
                Enqueue(entity, part, null);
        }
        else Enqueue(entity, Bytes(message.Encode()), null);
        context.Complete();
        Pump(entity);
    }

    /// <summary>Adds a message unless its id was seen on this queue inside the duplicate-detection window; returns its
    /// sequence number (or -1 for a dropped duplicate).</summary>
    private long Enqueue(Entity entity, byte[] encoded, DateTimeOffset? scheduledFor)
    {
        var message = Decode(encoded);
        var now = Now;
        var id = message.Properties?.GetMessageId()?.ToString();
        if (id is not null)
        {
            foreach (var expired in entity.SeenIds.Where(kv => kv.Value <= now).Select(kv => kv.Key).ToList()) entity.SeenIds.Remove(expired);
            if (entity.SeenIds.ContainsKey(id))
            {
                Interlocked.Increment(ref Counters.duplicatesDropped);
                return -1;
            }
            entity.SeenIds[id] = now + settings.DuplicateDetectionWindow;
        }
        var scheduled = scheduledFor ?? (message.MessageAnnotations?[ScheduledEnqueueTime] is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null);
        var stored = new StoredMessage(++nextSequence, id, encoded, scheduled is { } s && s > now ? s : now);
        entity.All[stored.Sequence] = stored;
        if (stored.EnqueuedTime > now) entity.Scheduled.Add(stored.Sequence);
        else entity.Ready.Add(stored.Sequence);
        Interlocked.Increment(ref Counters.messagesAccepted);
        return stored.Sequence;
    }

    // ---- delivering

    private void Pump(Entity entity)
    {
        var now = Now;
        foreach (var sequence in entity.Scheduled.Where(s => entity.All[s].EnqueuedTime <= now).ToList())
        {
            entity.Scheduled.Remove(sequence);
            entity.Ready.Add(sequence);
        }
        foreach (var expired in entity.Locked.Values.Where(m => m.LockedUntil <= now).ToList()) Release(entity, expired);
        // A delivery sent just before the race closed its session's window would wait for the client's next flow.
        foreach (var receiver in entity.Receivers.Where(r => !r.Closed)) SessionWindow.ReopenIfClosed(receiver.Link);

        var receivers = entity.Receivers.Where(r => r.Credit > 0).ToList();
        var turn = 0;
        while (entity.Ready.Count > 0 && receivers.Count > 0)
        {
            var receiver = receivers[turn++ % receivers.Count];
            var stored = entity.All[entity.Ready.Min];
            entity.Ready.Remove(stored.Sequence);
            Deliver(entity, receiver, stored, now);
            if (receiver.Credit == 0) receivers.Remove(receiver);
        }
        foreach (var receiver in entity.Receivers) receiver.CompleteDrainIfAsked();
    }

    private void Deliver(Entity entity, Outbound receiver, StoredMessage stored, DateTimeOffset now)
    {
        var token = Guid.NewGuid();
        stored.LockToken = token;
        stored.LockedUntil = now + settings.LockDuration;
        entity.Locked[token] = stored;
        var message = Outgoing(entity, stored);
        message.Header = new Header { DeliveryCount = (uint)stored.Deliveries, Durable = true };
        message.MessageAnnotations[LockedUntil] = stored.LockedUntil.UtcDateTime;
        stored.Deliveries++;
        tags.AddOrUpdate(message, token.ToByteArray());
        locks.AddOrUpdate(message, new LockRef(entity, stored.Sequence, token));
        Interlocked.Increment(ref Counters.deliveries);
        receiver.SendNow(message);
    }

    /// <summary>The stored message as a receiver or a peek sees it: its annotations, and the properties the broker set.</summary>
    private Message Outgoing(Entity entity, StoredMessage stored)
    {
        var message = Decode(stored.Encoded);
        message.MessageAnnotations ??= new MessageAnnotations();
        message.MessageAnnotations[SequenceNumber] = stored.Sequence;
        message.MessageAnnotations[EnqueuedTime] = stored.EnqueuedTime.UtcDateTime;
        if (entity.Main is not null) message.MessageAnnotations[DeadLetterSource] = entity.Main.Name;
        if (stored.Properties.Count > 0)
        {
            message.ApplicationProperties ??= new ApplicationProperties();
            foreach (var (key, value) in stored.Properties) message.ApplicationProperties[key] = value;
        }
        return message;
    }

    /// <summary>A lock that expired or was given back: the message is available again, or dead-lettered once it has used
    /// its deliveries (a dead-letter queue keeps its messages).</summary>
    private void Release(Entity entity, StoredMessage stored)
    {
        entity.Locked.Remove(stored.LockToken!.Value);
        stored.LockToken = null;
        if (entity.Main is null && stored.Deliveries >= settings.MaxDeliveryCount)
        {
            Interlocked.Increment(ref Counters.autoDeadLetters);
            MoveToDeadLetter(entity, stored, "MaxDeliveryCountExceeded",
                $"Message could not be consumed after {settings.MaxDeliveryCount} delivery attempts.");
        }
        else entity.Ready.Add(stored.Sequence);
    }

    private void MoveToDeadLetter(Entity entity, StoredMessage stored, string reason, string? description)
    {
        if (stored.LockToken is { } token) entity.Locked.Remove(token);
        entity.All.Remove(stored.Sequence);
        entity.Ready.Remove(stored.Sequence);
        stored.LockToken = null;
        stored.Properties["DeadLetterReason"] = reason;
        if (description is not null) stored.Properties["DeadLetterErrorDescription"] = description;
        var deadLetterQueue = entity.DeadLetterQueue!;
        deadLetterQueue.All[stored.Sequence] = stored;
        deadLetterQueue.Ready.Add(stored.Sequence);
        Pump(deadLetterQueue);
    }

    // ---- settlement

    private void OnDisposition(DispositionContext context, Outbound outbound)
    {
        if (outbound.Closed) return; // released by the link closing: the locks stay until they expire
        if (!locks.TryGetValue(context.Message, out var lockRef))
        {
            if (!context.Settled) context.Link.DisposeMessage(context.Message, context.DeliveryState, true);
            return;
        }
        var entity = lockRef.Entity;
        var valid = entity.Locked.TryGetValue(lockRef.Token, out var stored) && stored.LockedUntil > Now;
        if (!valid)
        {
            Interlocked.Increment(ref Counters.lockLost);
            if (!context.Settled)
                context.Link.DisposeMessage(context.Message, new Rejected { Error = new Error(LockLostCondition) { Description = "The lock supplied is invalid." } }, true);
            return;
        }
        switch (context.DeliveryState)
        {
            case Accepted:
                entity.Locked.Remove(lockRef.Token);
                entity.All.Remove(stored!.Sequence);
                Interlocked.Increment(ref Counters.completes);
                break;
            case Modified modified:
                if (modified.MessageAnnotations is { } changes)
                    foreach (var (key, value) in changes) stored!.Properties[key.ToString()!] = value;
                Interlocked.Increment(ref Counters.abandons);
                Release(entity, stored!);
                break;
            case Rejected rejected:
                var info = rejected.Error?.Info;
                Interlocked.Increment(ref Counters.deadLetters);
                MoveToDeadLetter(entity, stored!, Field(info, "DeadLetterReason") ?? rejected.Error?.Condition?.ToString() ?? "Rejected",
                    Field(info, "DeadLetterErrorDescription") ?? rejected.Error?.Description);
                break;
            case Released:
                // The client gives back a delivery it will not hand to the application (one that arrived after its
                // receive call returned): not a delivery attempt.
                stored!.Deliveries--;
                Release(entity, stored);
                break;
        }
        if (context.Settled)
        {
            Pump(entity);
            return;
        }
        // The settled answer carries no error on success: the client treats a rejected-with-error answer as a failure.
        context.Link.DisposeMessage(context.Message, context.DeliveryState is Rejected ? new Rejected() : context.DeliveryState, true);
        Pump(entity);
    }

    private static string? Field(Fields? fields, string name) => fields is null ? null
        : fields.TryGetValue((Symbol)name, out var value) ? value?.ToString() : null;

    // ---- request / response nodes: $cbs and {entity}/$management

    private void OnRequest(string node, ListenerLink link, MessageContext context)
    {
        var request = context.Message;
        context.Complete();
        var response = node == "$cbs" ? PutToken() : Management(node, request);
        response.Properties ??= new Properties();
        response.Properties.SetCorrelationId(request.Properties?.GetMessageId());
        if (request.Properties?.ReplyTo is { } replyTo && responseLinks.TryGetValue((link.Session.Connection, replyTo), out var outbound))
            outbound.Send(response);
    }

    private Message PutToken()
    {
        Interlocked.Increment(ref Counters.cbsTokens);
        return new Message { ApplicationProperties = new ApplicationProperties { ["status-code"] = 202, ["status-description"] = "Accepted" } };
    }

    private Message Management(string node, Message request)
    {
        Interlocked.Increment(ref Counters.managementCalls);
        var entity = EntityFor(node[..^"/$management".Length]);
        var operation = request.ApplicationProperties?["operation"]?.ToString();
        var body = request.Body as Map ?? new Map();
        var now = Now;
        switch (operation)
        {
            case "com.microsoft:renew-lock":
                Interlocked.Increment(ref Counters.renewLockCalls);
                var tokens = Get(body, "lock-tokens") switch { Guid[] array => array, Guid one => [one], _ => [] };
                var expirations = new List<DateTime>();
                foreach (var token in tokens)
                {
                    if (!entity.Locked.TryGetValue(token, out var stored) || stored.LockedUntil <= now)
                    {
                        Interlocked.Increment(ref Counters.lockLost);
                        return Status(410, "The lock supplied is invalid.", LockLostCondition);
                    }
                    stored.LockedUntil = now + settings.LockDuration;
                    expirations.Add(stored.LockedUntil.UtcDateTime);
                }
                return Status(200, "OK", null, new Map { ["expirations"] = expirations.ToArray() });
            case "com.microsoft:update-disposition":
                // What the client uses to dead-letter (and to settle messages it received over $management).
                var status = Get(body, "disposition-status")?.ToString();
                foreach (var token in Get(body, "lock-tokens") switch { Guid[] array => array, Guid one => [one], _ => [] })
                {
                    if (!entity.Locked.TryGetValue(token, out var stored) || stored.LockedUntil <= now)
                    {
                        Interlocked.Increment(ref Counters.lockLost);
                        return Status(410, "The lock supplied is invalid.", LockLostCondition);
                    }
                    if (Get(body, "properties-to-modify") is Map changes)
                        foreach (var (key, value) in changes) stored.Properties[key.ToString()!] = value;
                    switch (status)
                    {
                        case "completed":
                            entity.Locked.Remove(token);
                            entity.All.Remove(stored.Sequence);
                            Interlocked.Increment(ref Counters.completes);
                            break;
                        case "abandoned":
                            Interlocked.Increment(ref Counters.abandons);
                            Release(entity, stored);
                            break;
                        case "suspended":
                            if (entity.Main is not null) return Status(400, "a dead-letter queue's messages cannot be dead-lettered", "com.microsoft:argument-error");
                            Interlocked.Increment(ref Counters.deadLetters);
                            MoveToDeadLetter(entity, stored, Get(body, "deadletter-reason")?.ToString() ?? "", Get(body, "deadletter-description")?.ToString());
                            break;
                        default:
                            return Status(501, $"disposition '{status}' is not implemented by the test broker", "amqp:not-implemented");
                    }
                }
                Pump(entity);
                return Status(200, "OK", null);
            case "com.microsoft:schedule-message":
                Interlocked.Increment(ref Counters.scheduleCalls);
                var sequences = new List<long>();
                foreach (var item in (Get(body, "messages") as System.Collections.IList)?.OfType<Map>() ?? [])
                {
                    var encoded = (byte[])Get(item, "message")!;
                    var at = Decode(encoded).MessageAnnotations?[ScheduledEnqueueTime] is DateTime when
                        ? new DateTimeOffset(DateTime.SpecifyKind(when, DateTimeKind.Utc)) : now;
                    sequences.Add(Enqueue(entity, encoded, at));
                }
                Pump(entity);
                return Status(200, "OK", null, new Map { ["sequence-numbers"] = sequences.ToArray() });
            case "com.microsoft:cancel-scheduled-message":
                Interlocked.Increment(ref Counters.cancelScheduledCalls);
                foreach (var sequence in Get(body, "sequence-numbers") as long[] ?? [])
                    if (entity.Scheduled.Remove(sequence)) entity.All.Remove(sequence);
                return Status(200, "OK", null);
            case "com.microsoft:peek-message":
                Interlocked.Increment(ref Counters.peekCalls);
                var from = Convert.ToInt64(Get(body, "from-sequence-number") ?? 0L);
                var count = Convert.ToInt32(Get(body, "message-count") ?? 1);
                var peeked = entity.All.Values.Where(m => m.Sequence >= from).OrderBy(m => m.Sequence).Take(count)
                    .Select(m =>
                    {
                        var message = Outgoing(entity, m);
                        message.Header = new Header { DeliveryCount = (uint)m.Deliveries, Durable = true };
                        return (object)new Map { ["message"] = Bytes(message.Encode()) };
                    }).ToList();
                return peeked.Count == 0 ? Status(204, "No Content", null) : Status(200, "OK", null, new Map { ["messages"] = peeked });
            default:
                return Status(501, $"{operation} is not implemented by the test broker", "amqp:not-implemented");
        }
    }

    private static object? Get(Map map, string key) => map.TryGetValue(key, out var value) ? value : map.TryGetValue((Symbol)key, out value) ? value : null;

    private static Message Status(int code, string description, string? condition, Map? body = null)
    {
        var message = body is null ? new Message() : new Message(body);
        message.ApplicationProperties = new ApplicationProperties { ["statusCode"] = code, ["statusDescription"] = description };
        if (condition is not null) message.ApplicationProperties["errorCondition"] = (Symbol)condition;
        return message;
    }

    // ---- attaching links

    private sealed class LinkProcessor(ServiceBusTestBroker broker) : ILinkProcessor
    {
        public void Process(AttachContext context)
        {
            var attach = context.Attach;
            var link = context.Link;
            var brokerReceives = link.Role;
            var address = ((brokerReceives ? (attach.Target as Target)?.Address : (attach.Source as Source)?.Address) ?? "").Trim('/');
            if (address == "$cbs" || address.EndsWith("/$management", StringComparison.OrdinalIgnoreCase))
            {
                if (brokerReceives) context.Complete(new RequestEndpoint(broker, address), 100);
                else
                {
                    var replyTo = (attach.Target as Target)?.Address ?? "";
                    var outbound = new Outbound(link);
                    broker.Post(() => broker.responseLinks[(link.Session.Connection, replyTo)] = outbound);
                    context.Complete(new OutboundEndpoint(broker, outbound, () => broker.responseLinks.Remove((link.Session.Connection, replyTo))), 0);
                }
                return;
            }
            attach.MaxMessageSize = (ulong)broker.settings.MaxMessageSizeBytes;
            // Complete the attach here, on the connection's thread, before the frames behind it (the client's first flow)
            // are read: AMQPNetLite resets the link's credit when the endpoint is set.
            var entity = new EntityRef();
            broker.Post(() => entity.Value = broker.EntityFor(address));
            if (brokerReceives)
            {
                context.Complete(new EntityTargetEndpoint(broker, entity), 500);
                return;
            }
            var receiver = new Outbound(link);
            broker.Post(() => entity.Value!.Receivers.Add(receiver));
            context.Complete(new OutboundEndpoint(broker, receiver, () => entity.Value?.Receivers.Remove(receiver), entity), 0);
        }
    }

    /// <summary>The queue a link is attached to, resolved on the broker's loop (before any of the link's events).</summary>
    private sealed class EntityRef
    {
        public Entity? Value { get; set; }
    }

    /// <summary>Receives what a client sends to a queue.</summary>
    private sealed class EntityTargetEndpoint(ServiceBusTestBroker broker, EntityRef entity) : LinkEndpoint
    {
        public override void OnMessage(MessageContext messageContext) => broker.Post(() => broker.OnEntityMessage(entity.Value!, messageContext));
        public override void OnFlow(FlowContext flowContext) { }
        public override void OnDisposition(DispositionContext dispositionContext) { }
    }

    /// <summary>Receives requests on $cbs or a $management node.</summary>
    private sealed class RequestEndpoint(ServiceBusTestBroker broker, string node) : LinkEndpoint
    {
        public override void OnMessage(MessageContext messageContext) => broker.Post(() => broker.OnRequest(node, messageContext.Link, messageContext));
        public override void OnFlow(FlowContext flowContext) { }
        public override void OnDisposition(DispositionContext dispositionContext) { }
    }

    /// <summary>A link the broker sends on: a queue receiver (messages) or a request node's reply link (responses).</summary>
    private sealed class OutboundEndpoint(ServiceBusTestBroker broker, Outbound outbound, Action onClosed, EntityRef? entity = null) : LinkEndpoint
    {
        public override void OnMessage(MessageContext messageContext) { }

        public override void OnFlow(FlowContext flowContext) => broker.Post(() =>
        {
            outbound.OnFlow(flowContext.Messages);
            outbound.Flush();
            if (entity?.Value is { } queue) broker.Pump(queue);
            outbound.CompleteDrainIfAsked();
        });

        public override void OnDisposition(DispositionContext dispositionContext)
        {
            var closed = outbound.Closed; // read now: the link's close releases its deliveries right after closing it
            broker.Post(() => { if (!closed) broker.OnDisposition(dispositionContext, outbound); });
        }

        public override void OnLinkClosed(ListenerLink link, Error error) => broker.Post(onClosed);
    }

    private sealed class Outbound
    {
        private readonly Queue<Message> pending = new();
        private volatile bool closed;

        public Outbound(ListenerLink link)
        {
            Link = link;
            link.Closed += (_, _) => closed = true;
        }

        public ListenerLink Link { get; }
        public bool Closed => closed;

        /// <summary>What the peer allows: its delivery limit minus what this link delivered.</summary>
        public int Credit { get; private set; }

        /// <summary>AMQPNetLite's own count, mirrored: its flow delta is the peer's limit minus (deliveries + this), and it
        /// drops this to zero on a flow that does not raise the limit (a drain request, say) while the peer's credit stays.</summary>
        private int libraryCredit;

        public void OnFlow(int delta)
        {
            Credit = Math.Max(0, libraryCredit + delta);
            libraryCredit = delta <= 0 ? 0 : libraryCredit + delta;
        }

        public void SendNow(Message message)
        {
            SessionWindow.ReopenIfClosed(Link);
            Credit--;
            libraryCredit--;
            Link.SendMessage(message);
        }

        public void Send(Message message)
        {
            pending.Enqueue(message);
            Flush();
        }

        public void Flush()
        {
            while (Credit > 0 && pending.Count > 0) SendNow(pending.Dequeue());
        }

        /// <summary>A drain asks to use up the credit now: with nothing (more) to send, the credit is given back.</summary>
        public void CompleteDrainIfAsked()
        {
            if (!Link.IsDraining) return;
            Link.CompleteDrain();
            Credit = 0;
            libraryCredit = 0;
        }
    }

    private sealed class Entity(string name, Entity? main)
    {
        public string Name { get; } = name;
        /// <summary>Set on a dead-letter queue: the queue it belongs to.</summary>
        public Entity? Main { get; } = main;
        public Entity? DeadLetterQueue { get; set; }
        public SortedDictionary<long, StoredMessage> All { get; } = new();
        public SortedSet<long> Ready { get; } = new();
        public HashSet<long> Scheduled { get; } = new();
        public Dictionary<Guid, StoredMessage> Locked { get; } = new();
        public Dictionary<string, DateTimeOffset> SeenIds { get; } = new(StringComparer.Ordinal);
        public List<Outbound> Receivers { get; } = new();
    }

    private sealed class StoredMessage(long sequence, string? messageId, byte[] encoded, DateTimeOffset enqueuedTime)
    {
        public long Sequence { get; } = sequence;
        public string? MessageId { get; } = messageId;
        public byte[] Encoded { get; } = encoded;
        public DateTimeOffset EnqueuedTime { get; } = enqueuedTime;
        public int Deliveries { get; set; }
        public Guid? LockToken { get; set; }
        public DateTimeOffset LockedUntil { get; set; }
        /// <summary>Application properties the broker set or a receiver modified (abandon, dead-letter).</summary>
        public Dictionary<string, object> Properties { get; } = new(StringComparer.Ordinal);
    }

    private sealed record LockRef(Entity Entity, long Sequence, Guid Token);

    /// <summary>SASL <c>MSSBCBS</c>: the client authenticates later, per link, with CBS tokens; the mechanism itself carries nothing.</summary>
    private sealed class CbsSaslProfile() : SaslProfile((Symbol)"MSSBCBS")
    {
        protected override ITransport UpgradeTransport(ITransport transport) => transport;
        protected override DescribedList GetStartCommand(string hostname) => null!;
        protected override DescribedList OnCommand(DescribedList command) => command is SaslInit ? new SaslOutcome { Code = SaslCode.Ok } : null!;
    }

    /// <summary>Gives each delivery its lock token as the 16-byte delivery tag, as Service Bus does.</summary>
    private sealed class TagHandler(ServiceBusTestBroker broker) : IHandler
    {
        public bool CanHandle(EventId id) => id is EventId.SendDelivery or EventId.ConnectionRemoteOpen;

        public void Handle(Event protocolEvent)
        {
            if (protocolEvent.Id == EventId.ConnectionRemoteOpen) Interlocked.Increment(ref broker.Counters.connections);
            else if (protocolEvent.Context is IDelivery delivery && delivery.Message is { } message && broker.tags.TryGetValue(message, out var tag))
                delivery.Tag = tag;
        }
    }

    private static Message Decode(byte[] encoded) => Message.Decode(new ByteBuffer(encoded, 0, encoded.Length, encoded.Length));

    private static byte[] Bytes(ByteBuffer buffer) => buffer.Buffer.AsSpan(buffer.Offset, buffer.Length).ToArray();

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await ticker;
        host.Close();
        work.Writer.TryComplete();
        await loop;
        stopping.Dispose();
    }
}
