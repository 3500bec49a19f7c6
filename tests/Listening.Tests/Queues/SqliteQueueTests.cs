using Listening.Queues;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Listening.Tests.Queues;

/// <summary>The queue contract on the embedded SQLite queue, on a real SQLite file.</summary>
public sealed class SqliteQueueContractTests : QueueContract
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"listening-queue-{Guid.NewGuid():N}");
    private SqliteDatabase database = null!;

    internal static SqliteQueueOptions OptionsFor(QueueSettings settings) => new()
    {
        MaxDeliveryCount = settings.MaxDeliveryCount,
        LockDuration = settings.LockDuration,
        DuplicateDetectionWindow = settings.DuplicateDetectionWindow,
        RetryDelay = TimeSpan.Zero, // as Service Bus: an abandoned message is available again at once
        MaxPollInterval = TimeSpan.FromMilliseconds(20),
    };

    protected override Task<(IQueueSender, IQueueReceiver, IDeadLetters)> CreateAsync()
    {
        database = new SqliteDatabase(Path.Combine(dir, "q.db"));
        var queue = new SqliteQueue(database, Options.Create(OptionsFor(Settings)), Time);
        return Task.FromResult<(IQueueSender, IQueueReceiver, IDeadLetters)>((queue, queue, queue));
    }

    protected override TimeSpan NothingWait => TimeSpan.Zero;

    public override async Task DisposeAsync()
    {
        await database.DisposeAsync();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>What only the SQLite queue does: durability across reopening, one transaction with the stage's writes.</summary>
public sealed class SqliteQueueTests : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"listening-queue-{Guid.NewGuid():N}");
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private SqliteDatabase database = null!;
    private SqliteQueue queue = null!;

    public Task InitializeAsync()
    {
        Open();
        return Task.CompletedTask;
    }

    private void Open()
    {
        database = new SqliteDatabase(Path.Combine(dir, "q.db"));
        queue = new SqliteQueue(database, Options.Create(SqliteQueueContractTests.OptionsFor(new QueueSettings(3, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)))), time);
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Messages_dead_letters_and_seen_ids_survive_reopening_the_file()
    {
        await queue.SendAsync("q", [OutgoingMessage.ForJson("""{"id":"durable"}"""), OutgoingMessage.ForJson("""{"id":"dead"}""")], default);
        var dead = (await queue.ReceiveAsync("q", 2, TimeSpan.Zero, default))[1];
        await queue.DeadLetterAsync(dead, "Reason", "Description", default);
        await database.DisposeAsync();
        Open();

        await queue.SendAsync("q", [OutgoingMessage.ForJson("""{"id":"durable","again":true}""")], default);
        time.Advance(TimeSpan.FromMinutes(1));
        var received = Assert.Single(await queue.ReceiveAsync("q", 10, TimeSpan.Zero, default));
        Assert.Equal(("durable", 2, """{"id":"durable"}"""), (received.MessageId, received.DeliveryCount, received.Body.ToString()));
        Assert.Equal(("dead", "Reason", "Description"), Assert.Single(await queue.ListAsync("q", 10, default)) is var d ? (d.MessageId, d.Reason, d.Description) : default);
    }

    [Fact]
    public async Task Completion_and_the_stage_outputs_commit_together_or_not_at_all()
    {
        await queue.SendAsync("in", [OutgoingMessage.ForJson("""{"id":"a"}""")], default);
        var stale = Assert.Single(await queue.ReceiveAsync("in", 1, TimeSpan.Zero, default));
        time.Advance(TimeSpan.FromSeconds(31));
        var fresh = Assert.Single(await queue.ReceiveAsync("in", 1, TimeSpan.Zero, default));

        // The stale holder's outputs roll back with its failed completion. Both send the next message under the same
        // id, as stages do, through the hand-off that keeps no duplicate-detection entry: only the rollback keeps it single.
        await Assert.ThrowsAsync<MessageLockLostException>(() => database.WriteAsync(tx =>
        {
            queue.EnqueueHandOff(tx, "out", new OutgoingMessage("next-a", BinaryData.FromString("from-stale")));
            queue.Complete(tx, stale);
            return 0;
        }));
        await database.WriteAsync(tx =>
        {
            queue.EnqueueHandOff(tx, "out", new OutgoingMessage("next-a", BinaryData.FromString("from-fresh")));
            queue.Complete(tx, fresh);
            return 0;
        });

        Assert.Equal(["from-fresh"], (await queue.ReceiveAsync("out", 10, TimeSpan.Zero, default)).Select(m => m.Body.ToString()));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await queue.ReceiveAsync("in", 10, TimeSpan.Zero, default));
    }

    [Fact]
    public async Task A_body_that_is_not_text_round_trips_byte_for_byte()
    {
        byte[] bytes = [0xff, 0x00, 0xfe, 0x41, 0xc3];
        await queue.SendAsync("q", [new OutgoingMessage("bin", BinaryData.FromBytes(bytes))], default);

        var received = Assert.Single(await queue.ReceiveAsync("q", 1, TimeSpan.Zero, default));

        Assert.Equal(bytes, received.Body.ToArray());
    }

    [Fact]
    public async Task Depths_count_active_scheduled_and_dead_lettered_messages()
    {
        await queue.SendAsync("q", [OutgoingMessage.ForJson("""{"id":"a"}"""), OutgoingMessage.ForJson("""{"id":"b"}"""),
            OutgoingMessage.ForJson("""{"id":"c"}""") with { ScheduledEnqueueTime = time.GetUtcNow().AddHours(1) }], default);
        var a = Assert.Single(await queue.ReceiveAsync("q", 1, TimeSpan.Zero, default));
        await queue.DeadLetterAsync(a, "r", "d", default);

        var depth = (await queue.DepthsAsync(["q", "q/$DeadLetterQueue"], default)).Single();

        Assert.Equal("q", depth.Key);
        Assert.Equal(new QueueDepth(1, 1) { Scheduled = 1 }, depth.Value);
    }

    [Fact]
    public async Task A_receive_waiting_for_a_message_wakes_when_one_is_sent()
    {
        var waiting = queue.ReceiveAsync("q", 1, TimeSpan.FromSeconds(30), default);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        await queue.SendAsync("q", [OutgoingMessage.ForJson("""{"id":"wake"}""")], default);

        Assert.Equal("wake", Assert.Single(await waiting.WaitAsync(TimeSpan.FromSeconds(10))).MessageId);
    }
}
