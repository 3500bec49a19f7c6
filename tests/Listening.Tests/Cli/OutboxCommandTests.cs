using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Responses;
using Listening.Tests.Responses;
using Listening.Tests.Stores.Cosmos;
using static Listening.Tests.Cli.ListeningProcess;

namespace Listening.Tests.Cli;

/// <summary>
/// <c>listening status</c> and <c>listening outbox list|retry|cancel</c> run as a separate process on an outbox that
/// could not send (nothing configured: the thank-yous wait for a channel; a message for an unknown target is
/// dead-lettered), on both stores: a local data dir, and Cosmos DB chosen by configuration (environment) on the
/// loopback protocol server.
/// </summary>
[Collection(CosmosServerCollection.Name)]
public sealed class OutboxCommandTests(CosmosServerFixture cosmos)
{
    /// <summary>Two VK thank-yous waiting for the VK connector, one message dead-lettered.</summary>
    private static async Task<string[]> FillAsync(ResponsesHarness harness)
    {
        var ids = new List<string>();
        foreach (var n in new[] { 1, 2 })
        {
            var item = ResponsesHarness.Scored($"wall:-2001:55:{n}", "Хороший магазин, вежливые продавцы", SentimentLabel.Positive,
                new Author(null, "Анна", "id700" + n, null), source: "vk");
            await harness.RespondAsync(item);
            ids.Add($"thanks-{item.Item.Id}");
        }
        await harness.Store.EnqueueAsync(new OutboxMessage("broken-1", "follow-up", "carrier-pigeon", "{}", harness.Time.GetUtcNow()), TimeSpan.Zero, default);
        await harness.Delivery.RunOnceAsync(default);
        return [.. ids, "broken-1"];
    }

    [Fact]
    public async Task Status_shows_the_outbox_by_channel_with_the_reasons_and_outbox_retry_and_cancel_act_on_a_local_data_dir()
    {
        await using var harness = new ResponsesHarness();
        var ids = await FillAsync(harness);
        var dir = harness.DataDir;

        var status = await RunAsync(null, "status", "--data-dir", dir);
        // The response-time target comes from the same configuration `serve` reads (here the environment), not a default.
        var tighter = await RunAsync(new Dictionary<string, string> { ["Responses__ResponseTime__Targets__social"] = "00:05:00" },
            "status", "--data-dir", dir);
        var list = await RunAsync(null, "outbox", "list", "--state", "no-channel", "--data-dir", dir);
        var cancel = await RunAsync(null, "outbox", "cancel", "--id", ids[1], "--data-dir", dir);
        var retry = await RunAsync(null, "outbox", "retry", "--state", "no-channel", "dead-lettered", "--data-dir", dir);
        var after = await RunAsync(null, "outbox", "list", "--data-dir", dir, "--json");

        Assert.True(status.Code == 0, status.Err);
        Assert.Contains("outbox: 0 pending, 0 failed, 0 sent, 1 dead-lettered, 2 no-channel, 0 held, 0 cancelled", status.Out);
        Assert.Matches(@"vk\s+0\s+0\s+0\s+0\s+2", status.Out);
        Assert.Matches(@"\n\s+vk\s+30m\s", status.Out);
        Assert.True(tighter.Code == 0, tighter.Err);
        Assert.Matches(@"\n\s+vk\s+5m\s", tighter.Out);
        Assert.Contains("no channel: the vk connector is not configured for brand 'Acme'", status.Out);
        Assert.Contains("unknown delivery target 'carrier-pigeon'", status.Out);
        Assert.Contains("2 message(s)", list.Out);
        Assert.Contains($"{ids[0]}  thank-you  vk  no-channel", list.Out);
        Assert.Equal((0, "cancelled 1 of 1 message(s)"), (cancel.Code, cancel.Out.Trim()));
        Assert.Equal((0, "requeued 2 of 2 message(s)"), (retry.Code, retry.Out.Trim()));
        Assert.Equal(2, after.Out.Split('\n').Count(l => l.Contains("\"state\":\"pending\"")));
        Assert.Single(after.Out.Split('\n'), l => l.Contains("\"state\":\"cancelled\""));
        Assert.DoesNotContain("Анна", after.Out + status.Out + list.Out); // payloads hold personal data: never printed
    }

    [Fact]
    public async Task Outbox_list_and_retry_work_on_cosmos_db_chosen_by_configuration()
    {
        await using var harness = new ResponsesHarness(cosmos: cosmos);
        var ids = await FillAsync(harness);
        var name = Path.GetFileName(harness.DataDir);
        var environment = new Dictionary<string, string>
        {
            ["Listening__Store__Kind"] = "Cosmos",
            // On Cosmos DB the deployment secret comes from configuration (Key Vault on Azure): ids and tombstones are keyed by it.
            ["Listening__Security__Key"] = Listening.Tests.Security.TestKeys.Secret,
            ["Listening__Store__Cosmos__AccountEndpoint"] = cosmos.Endpoint.ToString(),
            ["Listening__Store__Cosmos__AccountKey"] = CosmosServerFixture.EmulatorKey,
            ["Listening__Store__Cosmos__Database"] = "listening-tests",
            ["Listening__Store__Cosmos__FeedbackContainer"] = name,
            ["Listening__Store__Cosmos__AggregatesContainer"] = name + "-aggregates",
            ["Listening__Store__Cosmos__ResponsesContainer"] = name + "-responses",
            ["Listening__Store__Cosmos__UseGatewayMode"] = "true",
            ["Listening__Store__Cosmos__AcceptAnyServerCertificate"] = "true",
        };

        var list = await RunAsync(environment, "outbox", "list", "--state", "dead-lettered");
        var retry = await RunAsync(environment, "outbox", "retry", "--id", ids[2]);

        Assert.True(list.Code == 0, list.Err);
        Assert.Contains("broken-1  follow-up  carrier-pigeon  dead-lettered", list.Out);
        Assert.Equal((0, "requeued 1 of 1 message(s)"), (retry.Code, retry.Out.Trim()));
        Assert.Equal("pending", (await harness.Store.GetMessageAsync("broken-1", default))!.State);
    }
}
