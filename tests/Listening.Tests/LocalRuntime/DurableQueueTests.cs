using Listening.LocalRuntime;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Listening.Tests.LocalRuntime;

/// <summary>The embedded Service Bus stand-in on a real SQLite file, with a fake clock for locks and windows.</summary>
public sealed class DurableQueueTests : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"listening-queue-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly LocalRuntimeOptions options = new() { MaxDeliveryCount = 3, LockDuration = TimeSpan.FromSeconds(30), RetryDelay = TimeSpan.Zero };
    private SqliteDatabase database = null!;
    private DurableQueue queue = null!;

    public Task InitializeAsync()
    {
        database = new SqliteDatabase(Path.Combine(dir, "q.db"));
        queue = new DurableQueue(database, Options.Create(options), time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(dir, recursive: true);
    }

    private Task<bool> SendAsync(string body, string queueName = "q") =>
        database.WriteAsync(tx => queue.Enqueue(tx, OutgoingMessage.For(queueName, body)));

    [Fact]
    public async Task Received_message_is_hidden_until_its_lock_expires_and_then_redelivered_with_a_higher_count()
    {
        await SendAsync("{\"id\":\"a\"}");
        var first = Assert.Single(await queue.ReceiveAsync("q", 10, default));
        Assert.Equal(1, first.DeliveryCount);
        Assert.Empty(await queue.ReceiveAsync("q", 10, default));

        time.Advance(TimeSpan.FromSeconds(31));
        var again = Assert.Single(await queue.ReceiveAsync("q", 10, default));
        Assert.Equal(2, again.DeliveryCount);
        Assert.Equal("a", again.MessageId);
    }

    [Fact]
    public async Task Completed_message_is_gone_and_completing_with_an_expired_lock_fails()
    {
        await SendAsync("{\"id\":\"a\"}");
        var stale = Assert.Single(await queue.ReceiveAsync("q", 10, default));
        time.Advance(TimeSpan.FromSeconds(31));
        var fresh = Assert.Single(await queue.ReceiveAsync("q", 10, default));

        await Assert.ThrowsAsync<MessageLockLostException>(() => database.WriteAsync(tx => { queue.Complete(tx, stale); return 0; }));
        await database.WriteAsync(tx => { queue.Complete(tx, fresh); return 0; });
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await queue.ReceiveAsync("q", 10, default));
    }

    [Fact]
    public async Task Message_abandoned_max_delivery_count_times_moves_to_the_dead_letter_queue_with_reason_and_error()
    {
        await SendAsync("{\"id\":\"poison\"}");
        await SendAsync("{\"id\":\"fine\"}");
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var poison = Assert.Single(await queue.ReceiveAsync("q", 1, default));
            Assert.Equal("poison", poison.MessageId);
            await queue.AbandonAsync(poison, $"boom {attempt}", default);
        }

        var remaining = await queue.ReceiveAsync("q", 10, default);
        Assert.Equal(["fine"], remaining.Select(m => m.MessageId));
        var dead = Assert.Single(await queue.ReceiveAsync("q" + DurableQueue.DeadLetterSuffix, 10, default));
        Assert.Equal("poison", dead.MessageId);
        Assert.Equal("MaxDeliveryCountExceeded", dead.DeadLetterReason);
        Assert.Equal("boom 3", dead.LastError);
        var depth = (await queue.DepthsAsync(["q"], default))["q"];
        Assert.Equal(new QueueDepth(1, 1), depth);
    }

    [Fact]
    public async Task Message_whose_lock_keeps_expiring_is_dead_lettered_instead_of_delivered_again()
    {
        await SendAsync("{\"id\":\"crashy\"}");
        for (var i = 0; i < 3; i++)
        {
            Assert.Single(await queue.ReceiveAsync("q", 10, default));
            time.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.Empty(await queue.ReceiveAsync("q", 10, default));
        var dead = Assert.Single(await queue.ReceiveAsync("q" + DurableQueue.DeadLetterSuffix, 10, default));
        Assert.Contains("lock expired", dead.LastError);
    }

    [Fact]
    public async Task Same_message_id_within_the_duplicate_window_is_dropped_and_accepted_after_it()
    {
        Assert.True(await SendAsync("{\"id\":\"x\",\"v\":1}"));
        Assert.False(await SendAsync("{\"id\":\"x\",\"v\":2}"));
        Assert.True(await SendAsync("{\"id\":\"x\"}", "other-queue"));

        time.Advance(options.DuplicateDetectionWindow + TimeSpan.FromSeconds(1));
        Assert.True(await SendAsync("{\"id\":\"x\",\"v\":3}"));
        Assert.Equal(2, (await queue.ReceiveAsync("q", 10, default)).Count);
    }

    [Fact]
    public async Task Messages_survive_reopening_the_file()
    {
        await SendAsync("{\"id\":\"durable\"}");
        await database.DisposeAsync();
        database = new SqliteDatabase(Path.Combine(dir, "q.db"));
        queue = new DurableQueue(database, Options.Create(options), time);

        Assert.Equal("durable", Assert.Single(await queue.ReceiveAsync("q", 10, default)).MessageId);
    }
}
