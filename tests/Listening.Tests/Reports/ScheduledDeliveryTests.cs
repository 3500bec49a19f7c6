using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Alerts;
using Listening.Reports;
using Listening.Responses.Delivery;
using Listening.Tests.Pipeline;
using Listening.Tests.Responses;
using MimeKit;
using Xunit.Abstractions;

namespace Listening.Tests.Reports;

/// <summary>
/// A brand configured with recipients, end to end on the local shape: feedback posted over HTTP and scored by the pipeline,
/// then the scheduled letter and a spike alert delivered through the responses outbox to a real SMTP server (Postfix's
/// smtp-sink) and to a loopback Standard Webhooks receiver (a stand-in for the team's chat or BI tool).
/// </summary>
public sealed class ScheduledDeliveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SmtpSink sink = null!;
    private WebhookReceiver receiver = null!;
    private PipelineFactory pipeline = null!;

    public async Task InitializeAsync()
    {
        sink = await SmtpSink.StartAsync();
        receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string?>(receiver.Settings("marketing"))
        {
            ["Responses:Delivery:Smtp:Host"] = "127.0.0.1",
            ["Responses:Delivery:Smtp:Port"] = sink.Port.ToString(),
            ["Responses:Delivery:Smtp:Security"] = "none",
            ["Responses:Delivery:Smtp:From"] = "Listening <reports@listening.example>",
            ["Listening:Reports:MinMentions"] = "5",
            ["Listening:Reports:PublicBaseUrl"] = "https://listening.example",
            ["Listening:Reports:Delivery:Lavka:Email:0"] = "marketing@lavka.example",
            ["Listening:Reports:Delivery:Lavka:Webhooks:0"] = "marketing",
            ["Listening:Reports:Delivery:Lavka:TimeZone"] = "Europe/Moscow",
            ["Listening:Reports:Delivery:Lavka:SendAt"] = "00:00",
            ["Listening:Reports:Delivery:Lavka:Lang"] = "en",
            ["Channels:Competitors:Lavka:0:Name"] = "Megamart",
            // The test runs the two jobs itself: the host's own quarter-hour timers must not get there first when the set-up
            // (posting and draining on a loaded machine) crosses :00, :15, :30 or :45.
            ["ReportDeliverySchedule"] = "0 0 0 1 1 *",
            ["AlertSchedule"] = "0 0 0 1 1 *",
        };
        pipeline = new PipelineFactory(settings, null);
        var client = pipeline.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var items = new JsonArray();
        // Four weeks of ordinary days — two delivery complaints a day among praise — then a burst of complaints in the last hours.
        for (var d = 2; d <= 30; d++)
        {
            items.Add(Item($"d{d}-a", "Delivery was late again and the courier was rude.", now.AddDays(-d), 1));
            items.Add(Item($"d{d}-b", "The delivery was slow, the courier was late.", now.AddDays(-d).AddHours(-3), 2));
            items.Add(Item($"d{d}-c", "Great prices, cheap compared to others.", now.AddDays(-d).AddHours(-1), 5));
            items.Add(Item($"d{d}-d", "Fresh quality vegetables, tasty bread.", now.AddDays(-d).AddHours(-2), 5));
            items.Add(Item($"m{d}", "Megamart delivery was fast and the courier was friendly.", now.AddDays(-d).AddHours(-4), 5, "Megamart", "Lavka"));
        }
        for (var i = 0; i < 24; i++)
            items.Add(Item($"burst-{i}", i % 2 == 0 ? "Delivery was late again and the courier was rude." : "The delivery was slow and the courier was late, terrible.", now.AddMinutes(-5 - 7 * i), 1));
        (await client.PostAsync(items)).EnsureSuccessStatusCode();
        await pipeline.WaitForDrainAsync(client, TimeSpan.FromSeconds(120));
    }

    private static JsonObject Item(string id, string text, DateTimeOffset at, int rating, string brand = "Lavka", string? competitorOf = null) => new()
    {
        ["kind"] = "review", ["source"] = "site", ["channel"] = "site", ["externalId"] = id, ["brand"] = brand, ["competitorOf"] = competitorOf,
        ["text"] = text, ["rating"] = rating, ["createdAt"] = at.ToString("O"), ["url"] = $"https://reviews.example/{id}",
    };

    private async Task DeliverAsync()
    {
        var outbox = pipeline.Services.GetRequiredService<OutboxDelivery>();
        while ((await outbox.RunOnceAsync(CancellationToken.None)).Claimed > 0) { }
    }

    private List<MimeMessage> Mail() => sink.Messages().Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m)))).ToList();

    [Fact]
    public async Task The_brand_receives_its_daily_report_by_email_and_webhook_once_and_a_spike_alert()
    {
        var letters = pipeline.Services.GetRequiredService<DeliverReports>();
        var first = await letters.RunAsync(CancellationToken.None);
        var rerun = await letters.RunAsync(CancellationToken.None);
        await DeliverAsync();

        Assert.Equal((1, 2), (first.Built, first.Enqueued));
        Assert.Equal((0, 0), (rerun.Built, rerun.Enqueued));
        var report = Assert.Single(Mail(), m => m.Subject?.Contains("daily report") == true);
        Assert.Equal("Lavka Plus: daily report — action matrix, " + report.Subject!.Split(", ")[^1], report.Subject);
        Assert.Equal("marketing@lavka.example", report.To.Mailboxes.Single().Address);
        // The HTML report inline, self-contained (no links that need the app, the online copy named and marked); the JSON attached.
        var html = report.HtmlBody;
        Assert.Contains("<h1>Lavka Plus</h1>", html);
        Assert.DoesNotContain("class=\"drill\"", html);
        Assert.Contains("needs an access key", html);
        Assert.Contains("id=\"matrix\"", html);
        var attachment = Assert.IsType<MimePart>(Assert.Single(report.Attachments));
        Assert.EndsWith(".json", attachment.FileName);
        Assert.Equal("application/json", attachment.ContentType.MimeType);
        using var json = new MemoryStream();
        await attachment.Content!.DecodeToAsync(json);
        var numbers = JsonDocument.Parse(json.ToArray()).RootElement;
        Assert.Equal("Lavka", numbers.GetProperty("brand").GetString());
        Assert.Contains(numbers.GetProperty("factors").EnumerateArray(), f => f.GetProperty("factor").GetString() == "delivery");
        // The plain-text part: the figures and the key takeaways, as words.
        Assert.Contains("Key takeaways:", report.TextBody);
        Assert.Contains("Net sentiment:", report.TextBody);
        Assert.Contains("https://listening.example/api/reports/lavka?from=", report.TextBody);
        output.WriteLine(report.TextBody);

        var hook = Assert.Single(receiver.Delivered, r => r.Body.Contains("\"report.scheduled\""));
        Assert.True(hook.SignatureValid);
        var data = JsonDocument.Parse(hook.Body).RootElement.GetProperty("data");
        Assert.Equal("Lavka Plus", data.GetProperty("displayName").GetString());
        Assert.Equal("daily", data.GetProperty("rhythm").GetString());
        Assert.StartsWith("https://listening.example/api/reports/lavka?", data.GetProperty("link").GetString());
        Assert.Equal("Lavka", data.GetProperty("report").GetProperty("brand").GetString());
        Assert.StartsWith("report-lavka-daily-", hook.Id);

        // The burst of complaints in the last hours: an alert by e-mail and webhook, once.
        var alerts = pipeline.Services.GetRequiredService<DetectAlerts>();
        var found = await alerts.RunAsync(CancellationToken.None);
        var again = await alerts.RunAsync(CancellationToken.None);
        await DeliverAsync();

        Assert.True(found.Alerts >= 1, found.ToString());
        Assert.Equal(0, again.Enqueued);
        var alert = Assert.Single(Mail(), m => m.Subject?.Contains("Spike in negative mentions of Delivery") == true);
        Assert.StartsWith("[Lavka Plus] ", alert.Subject);
        Assert.Contains("What customers say", alert.TextBody);
        output.WriteLine(alert.TextBody);
        var alertHook = Assert.Single(receiver.Delivered, r => r.Body.Contains("\"alert.negative-spike\"") && r.Body.Contains("\"factor\":\"delivery\""));
        var figures = JsonDocument.Parse(alertHook.Body).RootElement.GetProperty("data").GetProperty("figures");
        Assert.True(figures.GetProperty("observed").GetDouble() >= 20);
        Assert.True(figures.GetProperty("ratio").GetDouble() >= 2);
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
    }

    public async Task DisposeAsync()
    {
        await pipeline.DisposeAsync();
        await receiver.DisposeAsync();
        sink.Dispose();
    }
}
