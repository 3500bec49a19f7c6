using System.Text.Json;
using Listening.Core.Sentiment;
using Listening.Reports;

namespace Listening.Tests.Alerts;

/// <summary>The alert job on synthetic series with known spikes, known quiet stretches and a known collapse.</summary>
public class DetectAlertsTests(Xunit.Abstractions.ITestOutputHelper log)
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero);
    private const SentimentLabel Neg = SentimentLabel.Negative, Pos = SentimentLabel.Positive;

    /// <summary>Five weeks of an ordinary brand: about four delivery complaints a day among twelve items, at random hours.</summary>
    private static async Task OrdinaryWeeksAsync(AlertHarness h, int days, int seed = 3)
    {
        var random = new Random(seed);
        var firstDay = Noon.Date.AddDays(-days);
        for (var d = 0; d < days + 1; d++)
        {
            var day = new DateTimeOffset(firstDay.AddDays(d), TimeSpan.Zero);
            for (var i = 0; i < AlertHarness.Poisson(random, 4); i++)
                await h.AddAsync(day.AddMinutes(random.Next(24 * 60)), "The delivery was late and the courier never called.", Neg, mentions: ("delivery", Neg));
            for (var i = 0; i < 8; i++)
                await h.AddAsync(day.AddMinutes(random.Next(24 * 60)), "Fair prices and fresh bread.", Pos, mentions: ("price", Pos));
        }
    }

    [Fact]
    public async Task Quiet_weeks_raise_no_alert_and_a_burst_of_delivery_complaints_raises_one_that_says_how_much_quotes_them_masked_and_links_them()
    {
        await using var h = new AlertHarness(Noon.AddDays(-7));
        await OrdinaryWeeksAsync(h, 35);

        // A week of ordinary days, the job run every six hours: nothing to say.
        for (var run = 0; run < 28; run++)
        {
            h.Time.SetUtcNow(Noon.AddDays(-7).AddHours(6 * run));
            var quiet = await h.DetectAsync();
            Assert.True(quiet.Alerts == 0, $"run {run} at {h.Time.GetUtcNow():u}: {quiet}");
        }
        Assert.Empty(await h.AlertsSentAsync());

        // Then 34 complaints about delivery within six hours.
        h.Time.SetUtcNow(Noon);
        for (var i = 0; i < 34; i++)
            await h.AddAsync(Noon.AddMinutes(-10 * i - 1), i == 0 ? "Courier lost my order, call me at +7 916 123-45-67, the delivery is a joke." : "Delivery never arrived and support ignores me.", Neg,
                mentions: ("delivery", Neg));
        var run1 = await h.DetectAsync();
        var sent = await h.AlertsSentAsync();

        var delivery = sent.Select(m => m.GetProperty("data")).Single(d => d.GetProperty("subject").GetString()!.Contains("Delivery"));
        Assert.Equal("alert.negative-spike", sent.First(m => m.GetProperty("data").GetProperty("subject").GetString()!.Contains("Delivery")).GetProperty("type").GetString());
        Assert.Equal(AlertHarness.Recipient, delivery.GetProperty("address").GetString());
        var body = delivery.GetProperty("body").GetString()!;
        log.WriteLine(body);
        Assert.Matches(@"Spike in negative mentions of Delivery for acme: 3\d in the last 24 hours, \d+[.,]\d× the usual \d[.,]\d", body);
        Assert.Contains("rule: at least 10", body);
        Assert.Contains("[phone]", body);                      // a quote, masked
        Assert.DoesNotContain("916 123", body);
        Assert.Contains("https://listening.example/api/reports/acme/factors/delivery?", body);
        Assert.Contains("needs an access key", body);
        Assert.Contains("<mark", delivery.GetProperty("html").GetString());
        Assert.True(run1.Enqueued >= 1);

        // Fifteen minutes later the burst is still in the window: it was said once.
        h.Time.Advance(TimeSpan.FromMinutes(15));
        var again = await h.DetectAsync();
        Assert.Equal(0, again.Enqueued);
        Assert.True(again.Suppressed >= 1);
        Assert.Equal(sent.Count, (await h.AlertsSentAsync()).Count);
    }

    [Fact]
    public async Task Three_complaints_at_night_for_a_brand_that_rarely_gets_any_are_not_a_crisis()
    {
        await using var h = new AlertHarness(Noon);
        var random = new Random(5);
        for (var d = 1; d <= 30; d++)
        {
            var day = Noon.AddDays(-d);
            if (d % 9 == 0) await h.AddAsync(day, "The delivery was a bit late.", Neg, mentions: ("delivery", Neg));
            for (var i = 0; i < 3; i++) await h.AddAsync(day.AddHours(-random.Next(10)), "Lovely service.", Pos, mentions: ("staff", Pos));
        }
        for (var i = 0; i < 3; i++)
            await h.AddAsync(Noon.AddHours(-9 - i), "Delivery was late and the courier was rude.", Neg, mentions: ("delivery", Neg));

        var run = await h.DetectAsync();

        Assert.Equal(0, run.Alerts);
        Assert.Empty(await h.AlertsSentAsync());
    }

    [Fact]
    public async Task A_competitors_delivery_collapsing_is_an_opening_with_where_we_stand()
    {
        await using var h = new AlertHarness(Noon);
        var random = new Random(9);
        for (var d = 0; d <= 35; d++)
        {
            var day = Noon.AddDays(-d).AddHours(-2);
            var recent = d < 7;
            // Rival's delivery: praised for a month, then mostly complaints for the last week.
            for (var i = 0; i < 10; i++)
            {
                var good = recent ? i < 2 : i < 8;
                await h.AddAsync(day.AddMinutes(-random.Next(600)), good ? "Rival delivers fast." : "Rival's courier lost the parcel.", good ? Pos : Neg,
                    brand: "rival", competitorOf: AlertHarness.Brand, mentions: ("delivery", good ? Pos : Neg));
            }
            for (var i = 0; i < 4; i++)
                await h.AddAsync(day.AddMinutes(-random.Next(600)), "Acme delivered on time.", Pos, mentions: ("delivery", Pos));
        }

        var run = await h.DetectAsync();
        var sent = await h.AlertsSentAsync();

        var opening = Assert.Single(sent, m => m.GetProperty("type").GetString() == "alert.competitor-collapse").GetProperty("data");
        var body = opening.GetProperty("body").GetString()!;
        log.WriteLine(body);
        Assert.Contains("Opening: rival's Delivery collapsed from +0.6", body);
        Assert.Contains("to −0.6", body);
        Assert.Contains("acme is at +1.00", body);
        Assert.Contains("about=rival", body);
        Assert.DoesNotContain(sent, m => m.GetProperty("type").GetString() == "alert.negative-spike");
        Assert.True(run.Alerts >= 1);
    }

    [Fact]
    public async Task A_factor_moving_into_fix_is_alerted_once_with_the_report_reasoning()
    {
        var today = new DateOnly(2026, 3, 15);
        await using var h = new AlertHarness(Noon, new Dictionary<string, string?> { ["Listening:Alerts:FixAlerts"] = "true" });
        // A month of the report's synthetic market, where our delivery is the factor to fix.
        foreach (var s in SyntheticFeedback.Generate(6000, AlertHarness.Brand, ["rival"], today.AddDays(-30), today.AddDays(-1), "en"))
            await h.Feedback.UpsertAsync(new Listening.Pipeline.FeedbackRecord(s.Item with { CompetitorOf = s.Item.Brand == AlertHarness.Brand ? null : AlertHarness.Brand }, Listening.Pipeline.FeedbackStage.Responded, s.Scores, s.Item.CreatedAt), default);
        // Yesterday's run saw it in "maintain".
        var store = h.Services.GetRequiredService<IReportStore>();
        await store.SaveAsync(new System.Text.Json.Nodes.JsonObject
        {
            ["id"] = Listening.Alerts.AlertState.Id(AlertHarness.Brand), ["brand"] = AlertHarness.Brand, ["quadrantsDay"] = "2026-03-14",
            ["quadrants"] = new System.Text.Json.Nodes.JsonObject { ["delivery"] = "maintain" },
        }, default);

        await h.DetectAsync();
        h.Time.Advance(TimeSpan.FromHours(1));
        await h.DetectAsync();
        h.Time.Advance(TimeSpan.FromDays(1));
        await h.DetectAsync();
        var sent = await h.AlertsSentAsync();

        var fix = Assert.Single(sent, m => m.GetProperty("type").GetString() == "alert.factor-into-fix").GetProperty("data");
        var body = fix.GetProperty("body").GetString()!;
        log.WriteLine(body);
        Assert.StartsWith("Delivery moved into “fix” for acme (was “maintain”)", body);
        Assert.Contains("So: fix.", body);
        Assert.Contains("mentions", body);
    }
}
