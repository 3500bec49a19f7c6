using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Responses;

namespace Listening.Tests.Responses;

public abstract class ResponseMonitorTests : ResponseStoreSuite
{
    private static ResponseMonitor Monitor(ResponsesHarness h) => h.Services.GetRequiredService<ResponseMonitor>();

    [Fact]
    public async Task Items_waiting_past_their_channel_target_raise_one_alert_negative_first()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // No reply webhook: the thank-yous stay undelivered, so the items keep waiting.
        await using var harness = NewHarness(receiver.Settings("alerts"));
        var social = ResponsesHarness.Scored("vk-1", "Классный сервис, всем советую!", SentimentLabel.Positive, new Author(null, "Oleg", "@oleg", null), source: "vk");
        var angry = ResponsesHarness.Scored("vk-2", "Опять задержали заказ, безобразие", SentimentLabel.Negative, new Author(null, "Petr", "@petr", null), source: "vk");
        var review = ResponsesHarness.Scored("g-1", "Nice place, friendly staff", SentimentLabel.Positive, new Author(null, "Ann", "ann_g", null), source: "google");
        foreach (var item in new[] { social, angry, review }) await harness.RespondAsync(item);

        harness.Time.Advance(TimeSpan.FromMinutes(15));
        var early = await Monitor(harness).RunOnceAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(10)); // items were created 10 min before the start: now 35 min old
        var late = await Monitor(harness).RunOnceAsync(CancellationToken.None);
        var again = await Monitor(harness).RunOnceAsync(CancellationToken.None);
        await harness.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, early.Overdue);
        Assert.Equal(2, late.Alerted);
        Assert.Equal(0, again.Alerted);
        var alert = Assert.Single(receiver.Delivered);
        var items = JsonDocument.Parse(alert.Body).RootElement.GetProperty("data").GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("itemId").GetString()).ToList();
        Assert.Equal([angry.Item.Id, social.Item.Id], items);
        var data = JsonDocument.Parse(alert.Body).RootElement.GetProperty("data");
        Assert.All(data.GetProperty("items").EnumerateArray(), i => Assert.Equal("vk", i.GetProperty("source").GetString()));
        // Beside the overdue items, each channel's last day: vk is social (30 min), nothing answered, both waiting past it.
        var vk = data.GetProperty("responseTimes24h").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == "vk");
        Assert.Equal(("social", 30.0, 0, 2, 2), (vk.GetProperty("class").GetString(), vk.GetProperty("targetMinutes").GetDouble(),
            vk.GetProperty("replied").GetInt32(), vk.GetProperty("waiting").GetInt32(), vk.GetProperty("overdue").GetInt32()));
    }

    [Fact]
    public async Task The_daily_digest_is_queued_once_after_its_hour_with_median_and_p90_per_channel()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = NewHarness(receiver.Settings("reply", "digests"));
        for (var i = 0; i < 4; i++)
        {
            await harness.RespondAsync(ResponsesHarness.Scored($"d-{i}", $"Отзыв {i}: всё хорошо, спасибо команде", SentimentLabel.Positive,
                new Author(null, $"A{i}", $"@a{i}", null), source: "vk"));
            harness.Time.Advance(TimeSpan.FromMinutes(5));
            await harness.Delivery.RunOnceAsync(CancellationToken.None); // replied 15, 20, 25, 30 min after creation
        }

        harness.Time.Advance(TimeSpan.FromHours(1));
        var sameDay = await Monitor(harness).RunOnceAsync(CancellationToken.None);
        harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 21, 7, 5, 0, TimeSpan.Zero));
        var nextMorning = await Monitor(harness).RunOnceAsync(CancellationToken.None);
        var later = await Monitor(harness).RunOnceAsync(CancellationToken.None);
        await harness.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Contains(sameDay.DigestsQueued, d => d == "digest-daily-2026-11-19"); // yesterday's (empty) digest
        Assert.Equal(["digest-daily-2026-11-20"], nextMorning.DigestsQueued);
        Assert.Empty(later.DigestsQueued);
        var digest = receiver.Delivered.Single(r => r.Id == "digest-daily-2026-11-20");
        var social = JsonDocument.Parse(digest.Body).RootElement.GetProperty("data").GetProperty("channels").EnumerateArray().Single();
        Assert.Equal("social", social.GetProperty("channel").GetString());
        Assert.Equal(4, social.GetProperty("replied").GetInt32());
        Assert.Equal(22.5, social.GetProperty("medianMinutes").GetDouble());
        Assert.Equal(30, social.GetProperty("p90Minutes").GetDouble());
        Assert.Equal(4, social.GetProperty("repliedOnTime").GetInt32());
    }

    [Fact]
    public async Task On_monday_morning_the_weekly_digest_covers_the_previous_week_and_goes_by_email_when_configured()
    {
        var port = SmtpSink.FreePort();
        using var sink = await SmtpSink.StartAsync(port);
        await using var harness = NewHarness(new Dictionary<string, string?>
        {
            ["Responses:Monitoring:DigestEmail"] = "marketing@acme.example",
            ["Responses:Delivery:Smtp:Host"] = "127.0.0.1",
            ["Responses:Delivery:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Responses:Delivery:Smtp:Security"] = "none",
        });
        await harness.RespondAsync(ResponsesHarness.Scored("w-1", "Опять задержали заказ, безобразие", SentimentLabel.Negative, new Author(null, "Petr", "@petr", null), source: "vk"));

        harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)); // a Monday
        var run = await Monitor(harness).RunOnceAsync(CancellationToken.None);
        await harness.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["digest-daily-2026-11-22", "digest-weekly-2026-11-16"], run.DigestsQueued);
        var weekly = sink.Messages().Select(m => MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m))))
            .Single(m => m.Subject?.Contains("weekly") == true);
        Assert.Equal("Response times, weekly digest 2026-11-16 – 2026-11-22", weekly.Subject);
        Assert.Contains("social", weekly.TextBody);
        Assert.Contains("Still waiting (negative first):", weekly.TextBody);
        Assert.Contains("OVERDUE", weekly.TextBody);
    }
}
