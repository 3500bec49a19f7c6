using Listening.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Listening.Tests.Queues;

/// <summary>The entity settings every adapter under test is created with (the Service Bus queue's properties, the
/// SQLite queue's options): small numbers so the suite needs no long waits; time is a <see cref="FakeTimeProvider"/>.</summary>
public sealed record QueueSettings(int MaxDeliveryCount, TimeSpan LockDuration, TimeSpan DuplicateDetectionWindow);

/// <summary>
/// The behaviour every queue adapter must have, run against the embedded SQLite queue (<see cref="SqliteQueueContractTests"/>)
/// and against the real Azure.Messaging.ServiceBus client on a loopback AMQP broker (<see cref="ServiceBusQueueContractTests"/>).
/// Locks, scheduled times and the duplicate window follow the fake clock on both, so nothing here sleeps past a lock.
/// </summary>
public abstract class QueueContract : IAsyncLifetime
{
    protected static readonly QueueSettings Settings = new(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    protected IQueueSender Sender { get; private set; } = null!;
    protected IQueueReceiver Receiver { get; private set; } = null!;
    protected IDeadLetters DeadLetters { get; private set; } = null!;
    protected string Queue { get; } = $"q{Guid.NewGuid():N}"[..12];
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A fresh, empty queue namespace with <see cref="Settings"/> on <see cref="Time"/>.</summary>
    protected abstract Task<(IQueueSender, IQueueReceiver, IDeadLetters)> CreateAsync();

    /// <summary>How long a receive that should find nothing waits (a network client needs a moment to be sure).</summary>
    protected abstract TimeSpan NothingWait { get; }

    /// <summary>How long a receive that should find something waits at most.</summary>
    protected static readonly TimeSpan SomethingWait = TimeSpan.FromSeconds(10);

    public async Task InitializeAsync() => (Sender, Receiver, DeadLetters) = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected static OutgoingMessage Message(string id, string? body = null) =>
        new(id, BinaryData.FromString(body ?? $$"""{"id":"{{id}}"}"""));

    protected Task SendAsync(params string[] ids) => Sender.SendAsync(Queue, ids.Select(id => Message(id)).ToList(), None);

    protected async Task<ReceivedMessage> ReceiveOneAsync(string? queue = null)
    {
        // A network receive may come back empty although a message is ready (Service Bus documents this for
        // ReceiveMessagesAsync); a consumer simply receives again, and so does the contract — a few times, not forever.
        IReadOnlyList<ReceivedMessage> received = [];
        for (var attempt = 0; attempt < 3 && received.Count == 0; attempt++)
            received = await Receiver.ReceiveAsync(queue ?? Queue, 1, SomethingWait, None);
        return Assert.Single(received);
    }

    /// <summary>Receives until <paramref name="count"/> messages came (a network receive may return fewer than asked).</summary>
    protected async Task<List<ReceivedMessage>> ReceiveAsync(int count, string? queue = null)
    {
        var all = new List<ReceivedMessage>();
        while (all.Count < count)
        {
            var batch = await Receiver.ReceiveAsync(queue ?? Queue, count - all.Count, SomethingWait, None);
            Assert.NotEmpty(batch);
            all.AddRange(batch);
        }
        return all;
    }

    protected async Task AssertEmptyAsync(string? queue = null) =>
        Assert.Empty(await Receiver.ReceiveAsync(queue ?? Queue, 10, NothingWait, None));

    [Fact]
    public async Task Sent_messages_arrive_in_order_with_id_body_subject_and_first_delivery_and_completed_ones_are_gone()
    {
        await Sender.SendAsync(Queue, [Message("a") with { Subject = "feedback" }, Message("b", "plain text ü"), Message("c")], None);

        var received = await ReceiveAsync(3);

        Assert.Equal(["a", "b", "c"], received.Select(m => m.MessageId));
        Assert.Equal("plain text ü", received[1].Body.ToString());
        Assert.Equal("feedback", received[0].Subject);
        Assert.All(received, m => Assert.Equal(1, m.DeliveryCount));
        Assert.All(received, m => Assert.Equal(Queue, m.Queue));
        Assert.True(received[0].SequenceNumber < received[1].SequenceNumber && received[1].SequenceNumber < received[2].SequenceNumber);
        Assert.All(received, m => Assert.Equal(Time.GetUtcNow() + Settings.LockDuration, m.LockedUntil, TimeSpan.FromSeconds(1)));
        Assert.Equal(3, received.Select(m => m.LockToken).Distinct().Count());
        foreach (var m in received) await Receiver.CompleteAsync(m, None);
        Time.Advance(Settings.LockDuration * 2);
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task A_locked_message_is_hidden_from_other_receives()
    {
        await SendAsync("a", "b");
        var first = await ReceiveOneAsync();

        var second = await ReceiveOneAsync();

        Assert.Equal("a", first.MessageId);
        Assert.Equal("b", second.MessageId);
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task Abandoned_message_comes_back_with_delivery_count_plus_one_and_the_reason_as_last_error()
    {
        await SendAsync("a");
        var first = await ReceiveOneAsync();

        await Receiver.AbandonAsync(first, "InvalidOperationException: scorer failed", None);
                var again = await ReceiveOneAsync();

        Assert.Equal("a", again.MessageId);
        Assert.Equal(2, again.DeliveryCount);
        Assert.Equal("InvalidOperationException: scorer failed", again.LastError);
        Assert.Equal(first.SequenceNumber, again.SequenceNumber);
    }

    [Fact]
    public async Task Message_abandoned_max_delivery_count_times_is_dead_lettered_with_the_reason_while_others_flow()
    {
        await SendAsync("poison", "fine");
        for (var attempt = 1; attempt <= Settings.MaxDeliveryCount; attempt++)
        {
            var poison = await ReceiveOneAsync();
            Assert.Equal("poison", poison.MessageId);
            Assert.Equal(attempt, poison.DeliveryCount);
            await Receiver.AbandonAsync(poison, $"boom {attempt}", None);
        }

        Assert.Equal("fine", (await ReceiveOneAsync()).MessageId);
        var dead = await ReceiveOneAsync(QueueNames.DeadLetterQueueOf(Queue));
        Assert.Equal("poison", dead.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        Assert.Equal("boom 3", dead.LastError);
        var listed = Assert.Single(await DeadLetters.ListAsync(Queue, 10, None));
        Assert.Equal(("poison", "MaxDeliveryCountExceeded", Queue), (listed.MessageId, listed.Reason, listed.Queue));
    }

    [Fact]
    public async Task Explicit_dead_letter_keeps_reason_and_description()
    {
        await SendAsync("bad");
        var message = await ReceiveOneAsync();

        await Receiver.DeadLetterAsync(message, "UnparseableMessage", "the body is not a feedback item", None);

        await AssertEmptyAsync();
        var dead = await ReceiveOneAsync(QueueNames.DeadLetterQueueOf(Queue));
        Assert.Equal(("bad", "UnparseableMessage", "the body is not a feedback item"), (dead.MessageId, dead.DeadLetterReason, dead.DeadLetterDescription));
        Assert.Equal(message.Body.ToString(), dead.Body.ToString());
    }

    [Fact]
    public async Task Same_message_id_within_the_duplicate_window_is_dropped_and_accepted_after_it()
    {
        await Sender.SendAsync(Queue, [Message("x", "v1")], None);
        await Sender.SendAsync(Queue, [Message("x", "v2"), Message("y")], None);
        await Sender.SendAsync(Queue, [Message("x", "v3")], None);

        var first = await ReceiveAsync(2);
        Assert.Equal([("x", "v1"), ("y", """{"id":"y"}""")], first.Select(m => (m.MessageId, m.Body.ToString())));
        await AssertEmptyAsync();
        foreach (var m in first) await Receiver.CompleteAsync(m, None);

        Time.Advance(Settings.DuplicateDetectionWindow + TimeSpan.FromSeconds(1));
        await Sender.SendAsync(Queue, [Message("x", "v4")], None);
        Assert.Equal("v4", (await ReceiveOneAsync()).Body.ToString());
    }

    [Fact]
    public async Task Message_whose_lock_expired_is_redelivered_and_settling_with_the_stale_lock_fails()
    {
        await SendAsync("a");
        var stale = await ReceiveOneAsync();
        await AssertEmptyAsync();

        Time.Advance(Settings.LockDuration + TimeSpan.FromSeconds(1));
        var fresh = await ReceiveOneAsync();

        Assert.Equal(2, fresh.DeliveryCount);
        await Assert.ThrowsAsync<MessageLockLostException>(() => Receiver.CompleteAsync(stale, None));
        await Receiver.CompleteAsync(fresh, None);
        Time.Advance(Settings.LockDuration * 2);
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task Message_whose_lock_keeps_expiring_is_dead_lettered_instead_of_delivered_again()
    {
        await SendAsync("crashy");
        for (var i = 0; i < Settings.MaxDeliveryCount; i++)
        {
            await ReceiveOneAsync();
            Time.Advance(Settings.LockDuration + TimeSpan.FromSeconds(1));
        }

        await AssertEmptyAsync();
        var dead = Assert.Single(await DeadLetters.ListAsync(Queue, 10, None));
        Assert.Equal(("crashy", "MaxDeliveryCountExceeded"), (dead.MessageId, dead.Reason));
    }

    [Fact]
    public async Task Renewed_lock_keeps_the_message_hidden_past_its_first_lock_and_it_can_still_be_completed()
    {
        await SendAsync("long");
        var message = await ReceiveOneAsync();

        Time.Advance(Settings.LockDuration - TimeSpan.FromSeconds(5));
        var until = await Receiver.RenewLockAsync(message, None);
        Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(Time.GetUtcNow() - TimeSpan.FromSeconds(10) + Settings.LockDuration, until, TimeSpan.FromSeconds(1));
        await AssertEmptyAsync();
        await Receiver.CompleteAsync(message with { LockedUntil = until }, None);
        Time.Advance(Settings.LockDuration * 2);
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task Scheduled_message_is_not_delivered_before_its_time()
    {
        var due = Time.GetUtcNow().AddMinutes(5);
        await Sender.SendAsync(Queue, [Message("later") with { ScheduledEnqueueTime = due }, Message("now")], None);

        var now = await ReceiveOneAsync();
        Assert.Equal("now", now.MessageId);
        await AssertEmptyAsync();
        await Receiver.CompleteAsync(now, None);

        Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var later = await ReceiveOneAsync();
        Assert.Equal("later", later.MessageId);
        Assert.True(later.EnqueuedTime >= due - TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_large_send_arrives_whole_each_message_once()
    {
        var body = new string('x', 2_000);
        var ids = Enumerable.Range(0, 400).Select(i => $"m{i:000}").ToList();

        await Sender.SendAsync(Queue, ids.Select(id => Message(id, body)).ToList(), None);

        var received = await ReceiveAsync(ids.Count);
        // Several receives: a network client may give back (release) what arrived after a receive returned, so order
        // across receives is not part of the contract.
        Assert.Equal(ids, received.Select(m => m.MessageId).Order());
        Assert.All(received, m => Assert.Equal(body.Length, m.Body.ToMemory().Length));
    }

    [Fact]
    public async Task Dead_letters_are_listed_and_replayed_by_id_or_all_with_a_fresh_delivery_count()
    {
        await SendAsync("d1", "d2", "d3");
        foreach (var m in await ReceiveAsync(3))
            await Receiver.DeadLetterAsync(m, "Bug42", $"failed on {m.MessageId}", None);

        var listed = await DeadLetters.ListAsync(Queue, 10, None);
        Assert.Equal(["d1", "d2", "d3"], listed.Select(d => d.MessageId));
        Assert.All(listed, d => Assert.Equal("Bug42", d.Reason));
        Assert.Equal("failed on d2", listed[1].Description);
        Assert.Equal(2, (await DeadLetters.ListAsync(Queue, listed[1].SequenceNumber, 10, None)).Count);

        Assert.Equal(1, await DeadLetters.ReplayAsync(Queue, ["d2"], None));
        var replayed = await ReceiveOneAsync();
        Assert.Equal("""{"id":"d2"}""", replayed.Body.ToString());
        Assert.Equal(QueueNames.ReplayIdOf("d2", listed[1].SequenceNumber), replayed.MessageId);
        Assert.Equal(1, replayed.DeliveryCount);
        Assert.Equal(["d1", "d3"], (await DeadLetters.ListAsync(Queue, 10, None)).Select(d => d.MessageId));

        Assert.Equal(2, await DeadLetters.ReplayAsync(Queue, null, None));
        Assert.Equal(["""{"id":"d1"}""", """{"id":"d3"}"""], (await ReceiveAsync(2)).Select(m => m.Body.ToString()).Order());
        Assert.Empty(await DeadLetters.ListAsync(Queue, 10, None));
        Assert.Equal(0, await DeadLetters.ReplayAsync(Queue, null, None));
    }

    [Fact]
    public async Task Drain_completes_successes_retries_failures_and_dead_letters_poison_at_once()
    {
        await SendAsync("ok1", "flaky", "poison", "ok2");
        var drain = new QueueDrain(Receiver, Time, NullLogger<QueueDrain>.Instance);
        var seen = new List<(string, int, string?)>();

        var result = await drain.DrainAsync(Queue, (message, _) =>
        {
            lock (seen) seen.Add((message.MessageId, message.DeliveryCount, message.LastError));
            return message switch
            {
                { MessageId: "flaky", DeliveryCount: 1 } => throw new InvalidOperationException("store unavailable"),
                { MessageId: "poison" } => throw new PoisonMessageException("UnparseableMessage", "not a feedback item"),
                _ => Task.CompletedTask,
            };
        }, new DrainLimits { MaxMessages = 10, BatchSize = 4, ReceiveWait = NothingWait }, None);

        Assert.Equal(new DrainResult(5, 3, 1, 1, 0, 0), result);
        Assert.Contains(("flaky", 2, "InvalidOperationException: store unavailable"), seen);
        Assert.Equal(["flaky", "flaky", "ok1", "ok2", "poison"], seen.Select(s => s.Item1).Order());
        var dead = Assert.Single(await DeadLetters.ListAsync(Queue, 10, None));
        Assert.Equal(("poison", "UnparseableMessage", "not a feedback item"), (dead.MessageId, dead.Reason, dead.Description));
        Time.Advance(Settings.LockDuration * 2);
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task Drain_stops_at_its_message_bound_and_leaves_the_rest_queued()
    {
        await SendAsync("a", "b", "c", "d", "e");
        var drain = new QueueDrain(Receiver, Time, NullLogger<QueueDrain>.Instance);

        var result = await drain.DrainAsync(Queue, (_, _) => Task.CompletedTask,
            new DrainLimits { MaxMessages = 3, BatchSize = 2, ReceiveWait = SomethingWait }, None);

        Assert.Equal(3, result.Received);
        Assert.Equal(3, result.Completed);
        Assert.Equal(["d", "e"], (await ReceiveAsync(2)).Select(m => m.MessageId).Order());
    }

    [Fact]
    public async Task Drain_receives_more_while_a_slow_message_is_still_in_hand()
    {
        await SendAsync("slow", "a", "b", "c");
        var drain = new QueueDrain(Receiver, Time, NullLogger<QueueDrain>.Instance);
        var lateHandled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var result = await drain.DrainAsync(Queue, async (message, _) =>
        {
            if (message.MessageId == "slow")
            {
                // "late" is sent only now, and "slow" finishes only after it was handled: a drain that waits for the
                // slowest message of a batch before it receives again never gets to it (the wait below then times out).
                await SendAsync("late");
                await lateHandled.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            if (message.MessageId == "late") lateHandled.TrySetResult();
        }, new DrainLimits { MaxMessages = 5, BatchSize = 4, MaxConcurrency = 4, ReceiveWait = SomethingWait }, None);

        Assert.Equal(new DrainResult(5, 5, 0, 0, 0, 0), result);
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task Drain_renews_the_lock_of_a_message_still_in_hand_so_it_is_not_redelivered()
    {
        await SendAsync("slow");
        var drain = new QueueDrain(Receiver, Time, NullLogger<QueueDrain>.Instance);
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var limits = new DrainLimits { MaxMessages = 1, ReceiveWait = SomethingWait, RenewLockAhead = TimeSpan.FromSeconds(10), RenewCheckInterval = TimeSpan.FromSeconds(5) };

        var running = drain.DrainAsync(Queue, async (_, _) => { started.SetResult(); await release.Task; }, limits, None);
        await started.Task;
        for (var i = 0; i < 12; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(5)); // a minute in all: twice the lock duration
            await Task.Delay(100); // let the renewal the tick started reach the queue
        }
        await AssertEmptyAsync(); // still locked: renewed, not redelivered
        release.SetResult();
        var result = await running;

        Assert.Equal(1, result.Completed);
        Assert.True(result.LocksRenewed >= 2, $"renewed {result.LocksRenewed} times");
        Time.Advance(Settings.LockDuration * 2);
        await AssertEmptyAsync();
    }
}
