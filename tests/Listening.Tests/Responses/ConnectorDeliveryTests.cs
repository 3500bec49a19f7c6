using System.Text.Json.Nodes;
using Listening.Channels.Vk;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Sentiment;
using Listening.Pipeline;
using Listening.Responses;
using Listening.Tests.Channels.Platforms;

namespace Listening.Tests.Responses;

/// <summary>
/// Answers where the author wrote, through the platform connectors, against loopback stand-ins of the platforms' APIs
/// (<see cref="TelegramBotApiFake"/>, <see cref="VkApiFake"/>: their documented wire formats, not the services), on both
/// response stores, with the clock under the test's control.
/// </summary>
public abstract class ConnectorDeliveryTests : ResponseStoreSuite
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Author Kate = new(null, "Kate", "@kate_runs", null);

    private static Dictionary<string, string?> Telegram(TelegramBotApiFake fake) => new()
    {
        ["Webhooks:telegram:Acme:Secret"] = "tg-secret", ["Webhooks:telegram:Acme:ApiToken"] = TelegramBotApiFake.Token,
        ["Webhooks:telegram:Acme:ApiBaseUrl"] = fake.BaseUrl,
    };

    private static Dictionary<string, string?> Vk(VkApiFake fake) => new()
    {
        ["Webhooks:vk:Acme:Secret"] = "vk-secret", ["Webhooks:vk:Acme:GroupId"] = "2001", ["Webhooks:vk:Acme:ApiToken"] = VkApiFake.AccessToken,
        ["Webhooks:vk:Acme:ApiBaseUrl"] = fake.BaseUrl,
    };

    private static FeedbackRecord TelegramMessage(string text = "Ordered the trail shoes, delivery was fast and the staff lovely") =>
        ResponsesHarness.Scored("-1001234567890:77", text, SentimentLabel.Positive, Kate, source: "telegram", lang: "en", factors: "delivery");

    [Fact]
    public async Task A_telegram_message_is_answered_in_its_chat_as_a_reply_to_it_and_the_response_time_runs_to_telegrams_own_timestamp()
    {
        await using var telegram = await TelegramBotApiFake.StartAsync();
        await using var harness = NewHarness(Telegram(telegram));
        telegram.Clock = harness.Time;
        telegram.Knows(-1001234567890, 77);
        var item = TelegramMessage();
        await harness.RespondAsync(item);
        harness.Time.Advance(TimeSpan.FromMinutes(2));

        var run = await harness.Delivery.RunOnceAsync(None);

        Assert.Equal(1, run.Delivered);
        var sent = Assert.Single(telegram.To("/sendMessage"));
        Assert.Equal("-1001234567890", sent.Param("chat_id"));
        Assert.Equal(77, sent.Json!["reply_parameters"]!["message_id"]!.GetValue<int>());
        Assert.StartsWith("Hello Kate,", sent.Param("text"));
        var entry = (await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None))!;
        Assert.Equal(("telegram", "sent"), (entry.Channel, entry.State));
        Assert.Equal("-1001234567890:1001", entry.Receipt!.Reference);
        var tracked = Assert.Single(await harness.Store.TrackingAsync(DateTimeOffset.MinValue, None));
        // Written 10 minutes before the start, answered (Telegram's date, whole seconds) 2 minutes after it.
        Assert.Equal(TimeSpan.FromMinutes(12), tracked.RepliedAt - tracked.CreatedAt);
    }

    [Fact]
    public async Task Telegrams_response_time_from_the_post_to_its_acknowledgement_shows_per_channel_in_the_report_and_in_status()
    {
        await using var telegram = await TelegramBotApiFake.StartAsync();
        await using var harness = NewHarness(Telegram(telegram));
        telegram.Clock = harness.Time;
        telegram.Knows(-1001234567890, 77);
        await harness.RespondAsync(TelegramMessage());
        // A competitor's post is the competitor's business: it never counts in Acme's response times.
        await harness.RespondAsync(ResponsesHarness.Scored("-1001234567890:78", "Their shop is fine", SentimentLabel.Positive,
            new Author(null, "Bob", "@bob", null), source: "telegram", lang: "en", brand: "Rival", competitorOf: "Acme"));
        // An e-mail reply nobody can carry yet: it waits, visibly.
        await harness.RespondAsync(ResponsesHarness.Scored("mail-1", "Где мой заказ?", SentimentLabel.Negative,
            new Author(null, "Ира", null, "ira@example.ru"), source: "email"));
        harness.Time.Advance(TimeSpan.FromMinutes(2));
        await harness.Delivery.RunOnceAsync(None);

        var reports = new Listening.Reports.StoredFeedbackReports(harness.Feedback, Microsoft.Extensions.Options.Options.Create(new Listening.Reports.ReportOptions()),
            Microsoft.Extensions.Options.Options.Create(new Listening.Channels.ChannelsOptions()), Listening.Reports.BrandNames.None, harness.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Listening.Reports.StoredFeedbackReports>.Instance,
            harness.Services.GetRequiredService<ReportResponseTimes>());
        var day = DateOnly.FromDateTime(ResponsesHarness.Start.UtcDateTime);
        var model = await reports.BuildAsync(new Listening.Reports.ActionMatrixQuery("Acme", day, day, "en"), None);
        var status = await StatusReport.ReadAsync(harness.Feedback, null, harness.Store, harness.Time, None);

        foreach (var rows in new[] { model.Responses!.Channels, status.ResponseTimes! })
        {
            var tg = rows.Single(r => r.Channel == "telegram");
            // Posted 10 minutes before the start, acknowledged by Telegram 2 minutes after it; ours: decided at the start.
            Assert.Equal(("social", 30.0, 1, 1, 1), (tg.Class, tg.TargetMinutes, tg.Received, tg.Replied, tg.RepliedOnTime));
            Assert.Equal((12.0, 12.0, 2.0), (tg.MedianMinutes, tg.P90Minutes, tg.MedianFromArrivalMinutes));
            var mail = rows.Single(r => r.Channel == "email");
            Assert.Equal((0, 1), (mail.Replied, mail.Waiting));
        }
        var html = Listening.Reports.ReportHtml.Render(model);
        Assert.Contains("id=\"responses-table\"", html);
        Assert.Matches("<td>telegram</td><td class=\"num\">30m</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100%</td><td class=\"num\"><b>12m</b>", html);
    }

    [Fact]
    public async Task Telegrams_429_is_retried_after_exactly_the_retry_after_it_gives_and_the_answer_goes_once()
    {
        await using var telegram = await TelegramBotApiFake.StartAsync();
        await using var harness = NewHarness(Telegram(telegram));
        telegram.Knows(-1001234567890, 77);
        telegram.Fail(429, TelegramBotApiFake.Error(429, "Too Many Requests: retry after 7", retryAfter: 7));
        var item = TelegramMessage();
        await harness.RespondAsync(item);

        var first = await harness.Delivery.RunOnceAsync(None);
        harness.Time.Advance(TimeSpan.FromSeconds(6));
        var tooEarly = await harness.Delivery.RunOnceAsync(None);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var later = await harness.Delivery.RunOnceAsync(None);

        Assert.Equal((1, 0, 1), (first.Retried, tooEarly.Claimed, later.Delivered));
        Assert.Equal([429, 200], telegram.To("/sendMessage").Select(r => r.AnsweredWith));
        Assert.Equal(2, (await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None))!.Attempts);
    }

    [Fact]
    public async Task A_telegram_5xx_is_retried_and_a_refusal_is_dead_lettered_with_telegrams_description()
    {
        await using var telegram = await TelegramBotApiFake.StartAsync();
        await using var harness = NewHarness(Telegram(telegram));
        telegram.Fail(502, "<html>Bad Gateway</html>");
        var item = TelegramMessage(); // message 77 is unknown to the fake: "message to be replied not found"
        await harness.RespondAsync(item);

        var first = await harness.Delivery.RunOnceAsync(None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await harness.Delivery.RunOnceAsync(None);

        Assert.Equal(1, first.Retried);
        Assert.Equal(1, second.DeadLettered);
        var entry = (await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None))!;
        Assert.Equal(OutboxStatus.DeadLettered, entry.Status);
        Assert.Contains("message to be replied not found", entry.LastError);
    }

    [Fact]
    public async Task A_resend_of_a_telegram_answer_edits_the_reply_it_posted_instead_of_posting_a_second_one()
    {
        await using var telegram = await TelegramBotApiFake.StartAsync();
        await using var harness = NewHarness(Telegram(telegram));
        telegram.Knows(-1001234567890, 77);
        var item = TelegramMessage();
        await harness.RespondAsync(item);
        await harness.Delivery.RunOnceAsync(None);
        var id = $"thanks-{item.Item.Id}";

        Assert.Equal(1, await harness.Store.RetryAsync([id], resend: true, harness.Time.GetUtcNow(), None));
        await harness.Delivery.RunOnceAsync(None);

        Assert.Single(telegram.To("/sendMessage"));
        var edit = Assert.Single(telegram.To("/editMessageText"));
        Assert.Equal("1001", edit.Param("message_id"));
        Assert.Equal(OutboxStatus.Delivered, (await harness.Store.GetMessageAsync(id, None))!.Status);
    }

    [Theory]
    [InlineData("wall", "wall.createComment")]
    [InlineData("photo", "photos.createComment")]
    [InlineData("market", "market.createComment")]
    [InlineData("board", "board.createComment")]
    public async Task A_vk_comment_is_answered_under_it_on_behalf_of_the_community_with_the_outbox_id_as_guid(string kind, string method)
    {
        await using var vk = await VkApiFake.StartAsync();
        await using var harness = NewHarness(Vk(vk));
        var place = kind == "board" ? "board:2001:55:9" : $"{kind}:-2001:55:9";
        var item = ResponsesHarness.Scored(place, "Доставили вовремя, курьер вежливый", SentimentLabel.Positive,
            new Author(FeedbackIds.DeriveAuthorId("vk", "id7001"), null, "id7001", null), source: "vk", factors: "delivery");
        await harness.RespondAsync(item);

        Assert.Equal(1, (await harness.Delivery.RunOnceAsync(None)).Delivered);

        var call = Assert.Single(vk.To("/" + method));
        Assert.Equal(VkApiFake.AccessToken, call.Param("access_token"));
        Assert.Equal("5.199", call.Param("v"));
        Assert.Equal($"thanks-{item.Item.Id}", call.Param("guid"));
        Assert.StartsWith("Здравствуйте!", call.Param("message"));
        if (kind != "board") Assert.Equal(("9", "55"), (call.Param("reply_to_comment"), call.Param(kind == "wall" ? "post_id" : kind == "photo" ? "photo_id" : "item_id")));
        else Assert.Equal(("2001", "55"), (call.Param("group_id"), call.Param("topic_id")));
        Assert.Equal("vk", (await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None))!.Channel);
    }

    [Fact]
    public async Task A_vk_message_is_answered_with_messages_send_whose_random_id_makes_a_resend_one_message()
    {
        await using var vk = await VkApiFake.StartAsync();
        await using var harness = NewHarness(Vk(vk));
        var item = ResponsesHarness.Scored("message:7001:0:321", "Заказ пришёл без соуса", SentimentLabel.Negative,
            new Author(FeedbackIds.DeriveAuthorId("vk", "id7001"), null, "id7001", null), source: "vk", factors: "delivery");
        await harness.RespondAsync(item);
        await harness.Delivery.RunOnceAsync(None);
        var id = $"thanks-{item.Item.Id}";
        await harness.Store.RetryAsync([id], resend: true, harness.Time.GetUtcNow(), None);
        await harness.Delivery.RunOnceAsync(None);

        var calls = vk.To("/messages.send");
        Assert.Equal(2, calls.Count);
        Assert.Equal(calls[0].Param("random_id"), calls[1].Param("random_id"));
        Assert.Equal(VkReplyChannel.RandomId(id).ToString(System.Globalization.CultureInfo.InvariantCulture), calls[0].Param("random_id"));
        Assert.Equal(("7001", "321", "2001"), (calls[0].Param("peer_id"), calls[0].Param("reply_to"), calls[0].Param("group_id")));
        Assert.Equal(1, vk.Posted);
        Assert.Contains("в течение 24 часов", calls[0].Param("message")); // the apology's follow-up promise
    }

    [Theory]
    [InlineData(6, "Too many requests per second", 1)]
    [InlineData(9, "Flood control", 60)]
    public async Task Vk_rate_limit_errors_are_retried_after_their_wait(int code, string message, int seconds)
    {
        await using var vk = await VkApiFake.StartAsync();
        await using var harness = NewHarness(Vk(vk));
        vk.Fail(200, VkApiFake.Error(code, message));
        var item = ResponsesHarness.Scored("wall:-2001:55:9", "Хороший магазин", SentimentLabel.Positive, new Author(null, null, "id7001", null), source: "vk");
        await harness.RespondAsync(item);

        var first = await harness.Delivery.RunOnceAsync(None);
        var failed = (await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None))!;
        harness.Time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
        var tooEarly = await harness.Delivery.RunOnceAsync(None);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var later = await harness.Delivery.RunOnceAsync(None);

        Assert.Equal((1, 0, 1), (first.Retried, tooEarly.Claimed, later.Delivered));
        Assert.Equal("failed", failed.State);
        Assert.Contains($"error {code}: {message}", failed.LastError);
    }

    [Fact]
    public async Task A_vk_refusal_is_dead_lettered_at_once_with_vks_error_text()
    {
        await using var vk = await VkApiFake.StartAsync();
        await using var harness = NewHarness(Vk(vk));
        vk.Fail(200, VkApiFake.Error(15, "Access denied: no access to call this method"));
        var item = ResponsesHarness.Scored("wall:-2001:55:9", "Хороший магазин", SentimentLabel.Positive, new Author(null, null, "id7001", null), source: "vk");
        await harness.RespondAsync(item);

        Assert.Equal(1, (await harness.Delivery.RunOnceAsync(None)).DeadLettered);

        var entry = (await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None))!;
        Assert.Equal("dead-lettered", entry.State);
        Assert.Contains("error 15: Access denied: no access to call this method", entry.LastError);
    }

    [Fact]
    public async Task A_public_vk_reply_never_shows_an_e_mail_address_even_when_the_authors_name_is_one()
    {
        await using var vk = await VkApiFake.StartAsync();
        await using var harness = NewHarness(Vk(vk));
        var item = ResponsesHarness.Scored("wall:-2001:55:9", "Отличный сервис, спасибо", SentimentLabel.Positive,
            new Author(null, "anna.k@example.org", "id7001", null), source: "vk");
        await harness.RespondAsync(item);
        await harness.Delivery.RunOnceAsync(None);

        var text = Assert.Single(vk.To("/wall.createComment")).Param("message")!;
        Assert.DoesNotContain("@", text);
        Assert.StartsWith("Здравствуйте!", text);
    }

    [Fact]
    public async Task Without_any_configured_channel_a_thank_you_waits_as_no_channel_with_the_setting_to_fix_never_as_a_dead_letter()
    {
        await using var harness = NewHarness();
        var item = ResponsesHarness.Scored("wall:-2001:55:9", "Хороший магазин", SentimentLabel.Positive, new Author(null, null, "id7001", null), source: "vk");
        await harness.RespondAsync(item);

        var run = await harness.Delivery.RunOnceAsync(None);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await harness.Delivery.RunOnceAsync(None);

        Assert.Equal((1, 0), (run.NoChannel, run.DeadLettered));
        Assert.Equal(0, again.Claimed); // looked at again only after Responses:Delivery:NoChannelRecheck
        var entry = (await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None))!;
        Assert.Equal(("no-channel", "vk", 0), (entry.State, entry.Channel, entry.Attempts));
        Assert.Contains("the vk connector is not configured for brand 'Acme'", entry.LastError);
        var summary = await harness.Store.SummarizeAsync(harness.Time.GetUtcNow(), 10, None);
        Assert.Equal(1, summary.Totals["no-channel"]);
        Assert.Equal(0, summary.Totals["dead-lettered"]);
        Assert.Equal(1, summary.Channels.Single(c => c.Channel == "vk").States["no-channel"]);
        Assert.Contains("not configured", Assert.Single(summary.Latest).Reason);
    }

    [Fact]
    public async Task With_its_connector_configured_the_authors_own_channel_comes_before_their_e_mail()
    {
        await using var vk = await VkApiFake.StartAsync();
        await using var harness = NewHarness(Vk(vk));
        var item = ResponsesHarness.Scored("wall:-2001:55:9", "Хороший магазин", SentimentLabel.Positive,
            new Author(null, "Анна", "id7001", "anna@example.org"), source: "vk");
        await harness.RespondAsync(item);

        Assert.Equal("channel:vk", (await harness.Store.GetMessageAsync($"thanks-{item.Item.Id}", None))!.Message.Target);
    }

    [Fact]
    public async Task Points_are_never_offered_for_vk_or_telegram_posts_until_the_brand_allows_them_and_then_are_disclosed()
    {
        await using var vk = await VkApiFake.StartAsync();
        var settings = Vk(vk);
        await using var strict = NewHarness(settings);
        settings["Loyalty:Sources:vk:Incentives"] = "true";
        await using var allowing = NewHarness(settings);
        var author = new Author(FeedbackIds.DeriveAuthorId("vk", "id7001"), null, "id7001", null);

        var off = await strict.RespondAsync(ResponsesHarness.Scored("wall:-2001:55:9", "Хороший магазин, вежливые продавцы", SentimentLabel.Positive, author, source: "vk"));
        var on = await allowing.RespondAsync(ResponsesHarness.Scored("wall:-2001:55:10", "Хороший магазин, вежливые продавцы", SentimentLabel.Positive, author, source: "vk"));

        Assert.Equal(LoyaltyReasons.PlatformForbidsIncentives, off.Plan.Loyalty.Reason);
        Assert.Equal(LoyaltyReasons.Awarded, on.Plan.Loyalty.Reason);
        Assert.Contains("50", JsonNode.Parse(on.Plan.Messages.Single(m => m.Kind == ResponsePlanner.ThankYouKind).Payload)!["data"]!["body"]!.GetValue<string>());
    }
}
