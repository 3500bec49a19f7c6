using Listening.Queues;
using Listening.Queues.ServiceBus;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Listening.Tests.Queues.Broker;
using Microsoft.Extensions.Options;
using static Listening.Tests.Cli.ListeningProcess;

namespace Listening.Tests.Queues;

/// <summary><c>listening deadletters list|replay</c> run as a separate process, on both shapes: a local data dir, and
/// Service Bus chosen by configuration (environment), here the loopback broker standing in for it.</summary>
public sealed class DeadLettersCommandTests : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), $"listening-dlq-{Guid.NewGuid():N}");
    private const string Queue = "feedback-ingested";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    private static async Task DeadLetterAsync(IQueueSender sender, IQueueReceiver receiver, params string[] ids)
    {
        await sender.SendAsync(Queue, ids.Select(id => OutgoingMessage.ForJson($$"""{"id":"{{id}}","text":"secret words"}""")).ToList(), default);
        var received = new List<ReceivedMessage>();
        while (received.Count < ids.Length) received.AddRange(await receiver.ReceiveAsync(Queue, ids.Length, TimeSpan.FromSeconds(10), default));
        foreach (var m in received) await receiver.DeadLetterAsync(m, "ScorerBug", $"the scorer failed on {m.MessageId}", default);
    }

    [Fact]
    public async Task Local_dead_letters_are_listed_without_bodies_and_replayed_by_id_into_their_queue()
    {
        await using (var database = new SqliteDatabase(Path.Combine(dataDir, "listening.db")))
        {
            var queue = new SqliteQueue(database, Options.Create(new SqliteQueueOptions()), TimeProvider.System);
            await DeadLetterAsync(queue, queue, "item-1", "item-2");
        }

        var (code, stdout, stderr) = await RunAsync(null, "deadletters", "list", "--queue", Queue, "--data-dir", dataDir);
        Assert.True(code == 0, stderr);
        Assert.Contains("2 dead letter(s) in feedback-ingested/$DeadLetterQueue", stdout);
        Assert.Contains("item-1  ScorerBug: the scorer failed on item-1", stdout);
        Assert.DoesNotContain("secret words", stdout);

        (code, stdout, stderr) = await RunAsync(null, "deadletters", "replay", "--queue", Queue, "--data-dir", dataDir, "--id", "item-2");
        Assert.True(code == 0, stderr);
        Assert.Contains("replayed 1 dead letter(s) to feedback-ingested", stdout);

        await using (var database = new SqliteDatabase(Path.Combine(dataDir, "listening.db")))
        {
            var queue = new SqliteQueue(database, Options.Create(new SqliteQueueOptions()), TimeProvider.System);
            Assert.Equal(["item-1"], (await queue.ListAsync(Queue, 10, default)).Select(d => d.MessageId));
            var replayed = Assert.Single(await queue.ReceiveAsync(Queue, 10, TimeSpan.Zero, default));
            Assert.Contains("\"id\":\"item-2\"", replayed.Body.ToString());
            Assert.Equal(1, replayed.DeliveryCount);
        }
    }

    [Fact]
    public async Task Replay_needs_ids_or_all_and_a_missing_data_dir_is_a_clear_error()
    {
        var (code, _, stderr) = await RunAsync(null, "deadletters", "replay", "--queue", Queue, "--data-dir", dataDir);
        Assert.Equal(2, code);
        Assert.Contains("--id ID (one or more) or --all", stderr);

        (code, _, stderr) = await RunAsync(null, "deadletters", "list", "--queue", Queue, "--data-dir", dataDir);
        Assert.Equal(2, code);
        Assert.Contains("no pipeline data in", stderr);
    }

    [Fact]
    public async Task Service_bus_dead_letters_are_listed_as_json_and_replayed_all_when_configured()
    {
        await using var broker = ServiceBusTestBroker.Start(new BrokerEntitySettings(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
        await using var client = ServiceBusQueueContractTests.ClientFor(broker);
        await using var queue = new ServiceBusQueue(client, Options.Create(new ServiceBusQueueOptions()));
        await DeadLetterAsync(queue, queue, "sb-1", "sb-2");
        var environment = new Dictionary<string, string>
        {
            ["Listening__Queue__Kind"] = "ServiceBus",
            ["Listening__Queue__ServiceBus__ConnectionString"] = broker.ConnectionString,
        };

        var (code, stdout, stderr) = await RunAsync(environment, "deadletters", "list", "--queue", Queue, "--json");
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"messageId\":\"sb-1\"", lines[0]);
        Assert.Contains("\"reason\":\"ScorerBug\"", lines[0]);
        Assert.DoesNotContain("secret words", stdout);

        (code, stdout, stderr) = await RunAsync(environment, "deadletters", "replay", "--queue", Queue, "--all");
        Assert.True(code == 0, stderr);
        Assert.Contains("replayed 2 dead letter(s)", stdout);
        Assert.Empty(await queue.ListAsync(Queue, 10, default));
        var back = new List<ReceivedMessage>();
        while (back.Count < 2) back.AddRange(await queue.ReceiveAsync(Queue, 2, TimeSpan.FromSeconds(10), default));
        Assert.Equal(["sb-1", "sb-2"], back.Select(m => m.Body.ToString()).Select(b => b.Contains("sb-1") ? "sb-1" : "sb-2").Order());
    }
}
