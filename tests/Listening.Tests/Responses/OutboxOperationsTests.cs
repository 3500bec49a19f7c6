using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Responses;

namespace Listening.Tests.Responses;

/// <summary>What an operator does with the outbox (<c>listening outbox list|retry|cancel</c>, <c>status</c>), on both stores.</summary>
public abstract class OutboxOperationsTests : ResponseStoreSuite
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Three thank-yous with nothing configured (they wait for a channel) and one dead letter.</summary>
    private async Task<(ResponsesHarness Harness, string[] Ids)> OutboxAsync()
    {
        var harness = NewHarness();
        var ids = new List<string>();
        foreach (var (externalId, source) in new[] { ("wall:-2001:55:1", "vk"), ("site-2", "site"), ("-1001234:3", "telegram") })
        {
            var item = ResponsesHarness.Scored(externalId, "Lovely staff and fast delivery", SentimentLabel.Positive,
                new Author(null, "Kate", "@kate", null), source: source, lang: "en");
            await harness.RespondAsync(item);
            ids.Add($"thanks-{item.Item.Id}");
        }
        await harness.Delivery.RunOnceAsync(None);
        await harness.Store.EnqueueAsync(new OutboxMessage("broken-1", "follow-up", "carrier-pigeon", "{}", harness.Time.GetUtcNow()), TimeSpan.Zero, None);
        await harness.Delivery.RunOnceAsync(None);
        return (harness, [.. ids, "broken-1"]);
    }

    [Fact]
    public async Task The_list_filters_by_state_and_channel_and_says_why_each_message_waits()
    {
        var (harness, ids) = await OutboxAsync();
        await using var _ = harness;

        var waiting = await harness.Store.ListMessagesAsync(new OutboxQuery(States: ["no-channel"]), None);
        var dead = await harness.Store.ListMessagesAsync(new OutboxQuery(States: ["dead-lettered"]), None);
        var onVk = await harness.Store.ListMessagesAsync(new OutboxQuery(Channel: "vk"), None);

        Assert.Equal(ids[..3].Order(), waiting.Select(e => e.Message.Id).Order());
        Assert.All(waiting, e => Assert.StartsWith("no channel:", e.LastError));
        Assert.Equal("broken-1", Assert.Single(dead).Message.Id);
        Assert.Contains("unknown delivery target 'carrier-pigeon'", dead[0].LastError);
        Assert.Equal(ids[0], Assert.Single(onVk).Message.Id);
    }

    [Fact]
    public async Task Retry_requeues_waiting_and_dead_lettered_messages_at_once_and_never_a_sent_one_unless_asked()
    {
        var (harness, ids) = await OutboxAsync();
        await using var _ = harness;

        var retried = await harness.Store.RetryAsync([ids[0], "broken-1", "no-such-id"], resend: false, harness.Time.GetUtcNow(), None);
        var due = await harness.Store.ClaimDueAsync(harness.Time.GetUtcNow(), TimeSpan.FromMinutes(1), 10, None);

        Assert.Equal(2, retried);
        Assert.Equal(new[] { ids[0], "broken-1" }.Order(), due.Select(e => e.Message.Id).Order());
        Assert.All(due, e => Assert.Equal(0, e.Attempts));
        Assert.Contains("retried by an operator", (await harness.Store.GetMessageAsync("broken-1", None))!.LastError);
    }

    [Fact]
    public async Task Cancel_stops_a_message_for_good_and_the_summary_counts_each_state_per_channel()
    {
        var (harness, ids) = await OutboxAsync();
        await using var _ = harness;

        Assert.Equal(1, await harness.Store.CancelAsync([ids[1]], harness.Time.GetUtcNow(), None));
        harness.Time.Advance(TimeSpan.FromDays(1));
        var due = await harness.Store.ClaimDueAsync(harness.Time.GetUtcNow(), TimeSpan.FromMinutes(1), 10, None);
        var summary = await harness.Store.SummarizeAsync(harness.Time.GetUtcNow(), 2, None);

        Assert.DoesNotContain(due, e => e.Message.Id == ids[1]);
        Assert.Equal("cancelled", (await harness.Store.GetMessageAsync(ids[1], None))!.State);
        Assert.Equal((2L, 1L, 1L), (summary.Totals["no-channel"], summary.Totals["cancelled"], summary.Totals["dead-lettered"]));
        Assert.Equal(1, summary.Channels.Single(c => c.Channel == "carrier-pigeon").States["dead-lettered"]);
        Assert.Equal(2, summary.Latest.Count);
    }

    [Fact]
    public async Task An_erased_authors_message_is_never_sent_again_by_a_retry()
    {
        var harness = NewHarness();
        await using var _ = harness;
        var item = ResponsesHarness.Scored("erase-1", "Lovely staff", SentimentLabel.Positive, new Author(null, "Kate", "@kate", null), source: "site", lang: "en");
        await harness.RespondAsync(item);
        await harness.Store.EraseAuthorAsync(item.Item.Author!.Id!, harness.Time.GetUtcNow(), None);

        Assert.Equal(0, await harness.Store.RetryAsync([$"thanks-{item.Item.Id}"], resend: true, harness.Time.GetUtcNow(), None));
    }
}
