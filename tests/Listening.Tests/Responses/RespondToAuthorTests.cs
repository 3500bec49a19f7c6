using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Core.Sentiment;
using Listening.Responses;
using Listening.Storage;
using Listening.Pipeline;

namespace Listening.Tests.Responses;

public abstract class RespondToAuthorTests : ResponseStoreSuite
{
    private static readonly Author Anna = new(null, "Анна", "@anna_k", null);

    private static string AuthorId(Author author, string source = "site") => FeedbackIds.DeriveAuthorId(source, author.Handle ?? author.Email!);

    private static JsonElement Data(OutboxEntry entry) => JsonDocument.Parse(entry.Message.Payload).RootElement.GetProperty("data");

    [Fact]
    public async Task The_same_item_delivered_twice_gives_one_ledger_entry_and_one_delivered_message()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = NewHarness(receiver.Settings("reply"));
        var item = ResponsesHarness.Scored("order-1", "Доставка вовремя, всё понравилось", SentimentLabel.Positive, Anna, factors: "delivery");

        await harness.RespondAsync(item);
        var second = await harness.RespondAsync(item);
        await harness.Delivery.RunOnceAsync(CancellationToken.None);
        await harness.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.True(second.Plan.AlreadyDecided);
        var ledger = await harness.Store.LedgerAsync(AuthorId(Anna), CancellationToken.None);
        Assert.Equal(50, Assert.Single(ledger).Points);
        var delivered = Assert.Single(receiver.Delivered);
        Assert.Single(receiver.Requests);
        Assert.Contains("рассказали о доставке", JsonDocument.Parse(delivered.Body).RootElement.GetProperty("data").GetProperty("body").GetString());
        Assert.Equal(FeedbackStage.Responded, (await harness.Feedback.GetAsync(item.Item.Id, CancellationToken.None))!.Stage);
    }

    [Fact]
    public async Task A_process_killed_after_the_award_and_before_sending_still_sends_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), $"listening-responses-{Guid.NewGuid():N}");
        var item = ResponsesHarness.Scored("order-2", "Курьер опоздал на два часа", SentimentLabel.Negative, Anna, factors: "delivery");

        var first = NewHarness(receiver.Settings("reply"), dataDir);
        await first.RespondAsync(item);           // award + outbox committed ...
        await first.Services.DisposeAsync();      // ... and the process dies before the outbox worker runs.

        await using var restarted = NewHarness(receiver.Settings("reply"), dataDir);
        await restarted.RespondAsync(item);       // the queue redelivers the unacknowledged message
        await restarted.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Single(await restarted.Store.LedgerAsync(AuthorId(Anna), CancellationToken.None));
        Assert.Single(receiver.Delivered);
        Assert.Equal(OutboxStatus.Delivered, (await restarted.Store.GetMessageAsync($"thanks-{item.Item.Id}", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Concurrent_items_from_one_author_at_the_daily_cap_cannot_pass_it_together()
    {
        await using var harness = NewHarness(new Dictionary<string, string?> { ["Loyalty:MaxPointsPerDay"] = "100" });
        await harness.RespondAsync(ResponsesHarness.Scored("c-0", "Первый отзыв о сервисе, всё хорошо", SentimentLabel.Positive, Anna));

        var concurrent = Enumerable.Range(1, 6).Select(i =>
            ResponsesHarness.Scored($"c-{i}", $"Отзыв номер {i}: заказ пришёл, спасибо большое", SentimentLabel.Positive, Anna)).ToList();
        foreach (var c in concurrent) await harness.Feedback.UpsertAsync(c, CancellationToken.None);
        await Task.WhenAll(concurrent.Select(c => Task.Run(() => harness.RespondAsync(c, store: false))));

        var ledger = await harness.Store.LedgerAsync(AuthorId(Anna), CancellationToken.None);
        Assert.Equal(100, LoyaltyLedger.Balance(ledger));
        Assert.Equal(2, ledger.Count);
        var decisions = await harness.Store.TrackingAsync(DateTimeOffset.MinValue, CancellationToken.None);
        Assert.Equal(5, decisions.Count(d => d.LoyaltyReason == LoyaltyReasons.DailyCap));
    }

    [Fact]
    public async Task Praise_and_complaint_earn_the_same_points_and_both_are_thanked_the_complaint_with_an_apology_and_a_follow_up()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = NewHarness(receiver.Settings("reply", "followup"));
        var praise = ResponsesHarness.Scored("p-1", "Отличная доставка, курьер вежливый", SentimentLabel.Positive, Anna, rating: 5, factors: "delivery");
        var complaint = ResponsesHarness.Scored("n-1", "Ужасная доставка, заказ пришёл холодным", SentimentLabel.Negative, Anna, rating: 1, factors: "delivery");

        await harness.RespondAsync(praise);
        await harness.RespondAsync(complaint);

        var ledger = await harness.Store.LedgerAsync(AuthorId(Anna), CancellationToken.None);
        Assert.Equal([50, 50], ledger.Select(e => e.Points));
        var praiseMessage = Data((await harness.Store.GetMessageAsync($"thanks-{praise.Item.Id}", CancellationToken.None))!);
        var apology = Data((await harness.Store.GetMessageAsync($"thanks-{complaint.Item.Id}", CancellationToken.None))!);
        Assert.Equal(50, praiseMessage.GetProperty("points").GetInt32());
        Assert.Equal(50, apology.GetProperty("points").GetInt32());
        Assert.False(praiseMessage.GetProperty("followUp").GetBoolean());
        Assert.True(apology.GetProperty("followUp").GetBoolean());
        Assert.Contains("Приносим вам извинения", apology.GetProperty("body").GetString());
        Assert.Contains("в течение 24 часов", apology.GetProperty("body").GetString());
        Assert.Contains("мы начислили вам 50 бонусных баллов", apology.GetProperty("body").GetString());
        Assert.NotNull(await harness.Store.GetMessageAsync($"followup-{complaint.Item.Id}", CancellationToken.None));
        Assert.Null(await harness.Store.GetMessageAsync($"followup-{praise.Item.Id}", CancellationToken.None));
    }

    [Fact]
    public async Task A_google_review_earns_no_points_but_is_still_thanked_through_the_review_reply()
    {
        await using var harness = NewHarness();
        var author = new Author(null, "Ivan", "ivan_k", null);
        var review = ResponsesHarness.Scored("g-1", "Great staff, quick service", SentimentLabel.Positive, author, source: "google", lang: "en", factors: "staff");

        await harness.RespondAsync(review);

        Assert.Empty(await harness.Store.LedgerAsync(AuthorId(author, "google"), CancellationToken.None));
        var thanks = await harness.Store.GetMessageAsync($"thanks-{review.Item.Id}", CancellationToken.None);
        var data = Data(thanks!);
        Assert.Equal("webhook:reply", thanks!.Message.Target);
        Assert.Equal("reply", data.GetProperty("channel").GetString());
        Assert.Equal(0, data.GetProperty("points").GetInt32());
        Assert.StartsWith("Hello Ivan,", data.GetProperty("body").GetString());
        Assert.Contains(await harness.Store.TrackingAsync(DateTimeOffset.MinValue, CancellationToken.None),
            t => t.ItemId == review.Item.Id && t.LoyaltyReason == LoyaltyReasons.PlatformForbidsIncentives);
    }

    [Fact]
    public async Task An_author_who_cannot_be_reached_gets_no_message_but_the_item_is_responded()
    {
        await using var harness = NewHarness();
        var item = ResponsesHarness.Scored("x-1", "Нормально, без претензий к магазину", SentimentLabel.Neutral, author: null, source: "import");

        await harness.RespondAsync(item);

        Assert.Null(await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", CancellationToken.None));
        Assert.Equal(FeedbackStage.Responded, (await harness.Feedback.GetAsync(item.Item.Id, CancellationToken.None))!.Stage);
    }

    [Fact]
    public async Task A_second_unsolicited_message_within_the_period_is_held_but_replies_never_are()
    {
        await using var harness = NewHarness();
        OutboxMessage Unsolicited(string id, TimeSpan after) =>
            new(id, "reminder", "webhook:reply", "{}", ResponsesHarness.Start + after, "author-1", null, MessagePurpose.Unsolicited);

        await harness.Store.EnqueueAsync(Unsolicited("u-1", TimeSpan.Zero), TimeSpan.FromDays(7), CancellationToken.None);
        await harness.Store.EnqueueAsync(Unsolicited("u-2", TimeSpan.FromDays(2)), TimeSpan.FromDays(7), CancellationToken.None);
        await harness.Store.EnqueueAsync(new OutboxMessage("r-1", "thank-you", "webhook:reply", "{}", ResponsesHarness.Start.AddDays(2), "author-1"), TimeSpan.FromDays(7), CancellationToken.None);
        await harness.Store.EnqueueAsync(Unsolicited("u-3", TimeSpan.FromDays(8)), TimeSpan.FromDays(7), CancellationToken.None);

        Assert.Equal(OutboxStatus.Pending, (await harness.Store.GetMessageAsync("u-1", CancellationToken.None))!.Status);
        Assert.Equal(OutboxStatus.Held, (await harness.Store.GetMessageAsync("u-2", CancellationToken.None))!.Status);
        Assert.Equal(OutboxStatus.Pending, (await harness.Store.GetMessageAsync("r-1", CancellationToken.None))!.Status);
        Assert.Equal(OutboxStatus.Pending, (await harness.Store.GetMessageAsync("u-3", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_complaint_about_a_competitor_gets_no_answer_no_ticket_and_no_points()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = NewHarness(receiver.Settings("reply", "followup"));
        var item = ResponsesHarness.Scored("r-1", "В PelmeniBar опять холодные пельмени", SentimentLabel.Negative, Anna, brand: "PelmeniBar", competitorOf: "Acme");

        await harness.RespondAsync(item);

        Assert.Null(await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", CancellationToken.None));
        Assert.Null(await harness.Store.GetMessageAsync($"followup-{item.Item.Id}", CancellationToken.None));
        Assert.Empty(await harness.Store.LedgerAsync(AuthorId(Anna), CancellationToken.None));
        Assert.Equal(FeedbackStage.Responded, (await harness.Feedback.GetAsync(item.Item.Id, CancellationToken.None))!.Stage);
    }
}
