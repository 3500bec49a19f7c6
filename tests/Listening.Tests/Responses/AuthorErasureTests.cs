using Listening.Core.Channels.Social;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Responses;
using Listening.Storage;
using Listening.Pipeline;

namespace Listening.Tests.Responses;

public abstract class AuthorErasureTests : ResponseStoreSuite
{
    private static readonly Author Zinaida = new(null, "Зинаида Покровская", "@zina_pokrov", "zinaida.pokrovskaya@example.org");
    private static readonly string[] PersonalData = ["Зинаида Покровская", "Покровская", "zina_pokrov", "zinaida.pokrovskaya@example.org"];

    [Fact]
    public async Task Erasing_an_author_leaves_no_personal_data_in_the_store_and_keeps_anonymous_counts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = NewHarness(receiver.Settings("reply", "followup", "loyalty"));
        var authorId = FeedbackIds.DeriveAuthorId("site", Zinaida.Handle!);
        var sent = ResponsesHarness.Scored("z-1", "Всё отлично, доставка быстрая. Зинаида Покровская", SentimentLabel.Positive, Zinaida, factors: "delivery");
        var pending = ResponsesHarness.Scored("z-2", "Курьер нагрубил. Пишите на zinaida.pokrovskaya@example.org", SentimentLabel.Negative, Zinaida, factors: "delivery");
        await harness.RespondAsync(sent);
        await harness.Delivery.RunOnceAsync(CancellationToken.None);
        await harness.RespondAsync(pending);
        Assert.Contains(await harness.AllStoredTextAsync(), t => PersonalData.Any(p => t.Contains(p, StringComparison.OrdinalIgnoreCase)));
        // What the ingest spam check remembers of her: hashes only, but a record kept per person.
        var spamKey = SpamFilter.AuthorKey(Zinaida)!;
        await harness.SpamHistory.UpdateAsync(spamKey, posts => { posts.Add(new SpamPost("site-z-1", ResponsesHarness.Start, [1, 2, 3], 42, SpamKind.None)); return 0; }, CancellationToken.None);

        var report = await harness.Store.EraseAuthorAsync(authorId, harness.Time.GetUtcNow(), CancellationToken.None);

        var leaks = (await harness.AllStoredTextAsync()).Where(t => PersonalData.Any(p => t.Contains(p, StringComparison.OrdinalIgnoreCase)) || t.Contains(authorId)).ToList();
        Assert.Empty(leaks);
        Assert.Equal(0, await harness.SpamHistory.UpdateAsync(spamKey, posts => posts.Count, CancellationToken.None));
        Assert.Equal(2, report.Items);
        Assert.Equal(2, report.LedgerEntries);
        Assert.Empty(await harness.Store.LedgerAsync(authorId, CancellationToken.None));
        var stored = (await harness.Feedback.GetAsync(sent.Item.Id, CancellationToken.None))!;
        Assert.Null(stored.Item.Author);
        Assert.Equal("Всё отлично, доставка быстрая. [erased]", stored.Item.Text);
        Assert.Equal(FeedbackStage.Responded, stored.Stage);
        // Anonymous counts survive: both decisions and both awards are still there, just not linked to a person.
        Assert.Equal(2, (await harness.Store.TrackingAsync(DateTimeOffset.MinValue, CancellationToken.None)).Count(t => t.AuthorId is null));
        // What was not yet sent is never sent.
        var unsent = (await harness.Store.GetMessageAsync($"thanks-{pending.Item.Id}", CancellationToken.None))!;
        Assert.Equal(OutboxStatus.DeadLettered, unsent.Status);
        Assert.Contains("erased", unsent.LastError);
        var before = receiver.Requests.Count;
        await harness.Delivery.RunOnceAsync(CancellationToken.None);
        Assert.Equal(before, receiver.Requests.Count);
    }

    [Fact]
    public async Task Erasing_twice_is_harmless()
    {
        await using var harness = NewHarness();
        var authorId = FeedbackIds.DeriveAuthorId("site", Zinaida.Handle!);
        await harness.RespondAsync(ResponsesHarness.Scored("z-3", "Хороший магазин, вежливые продавцы", SentimentLabel.Positive, Zinaida));

        await harness.Store.EraseAuthorAsync(authorId, harness.Time.GetUtcNow(), CancellationToken.None);
        var again = await harness.Store.EraseAuthorAsync(authorId, harness.Time.GetUtcNow(), CancellationToken.None);

        Assert.Equal(new ErasureReport(0, 0, 0, 0), again);
    }
}
