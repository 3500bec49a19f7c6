using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Responses;
using MimeKit;

namespace Listening.Tests.Responses;

public abstract class OutboxDeliveryTests : ResponseStoreSuite
{
    private static readonly Author Kate = new(null, "Kate", "@kate", null);

    private async Task<(ResponsesHarness Harness, string MessageId)> ThankedAsync(Dictionary<string, string?> settings, Author? author = null)
    {
        var harness = NewHarness(settings);
        var item = ResponsesHarness.Scored(Guid.NewGuid().ToString("N"), "Lovely staff and fast delivery", SentimentLabel.Positive, author ?? Kate, lang: "en", factors: "delivery");
        await harness.RespondAsync(item);
        return (harness, $"thanks-{item.Item.Id}");
    }

    [Fact]
    public async Task A_webhook_answering_500_then_200_is_retried_and_delivered_once_with_a_valid_signature()
    {
        await using var receiver = (await WebhookReceiver.StartAsync()).Answer(500);
        var (harness, id) = await ThankedAsync(receiver.Settings("reply"));
        await using var _ = harness;

        var run = await harness.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, run.Delivered);
        Assert.Equal([500, 200], receiver.Requests.Select(r => r.AnsweredWith));
        Assert.All(receiver.Requests, r => Assert.True(r.SignatureValid));
        Assert.All(receiver.Requests, r => Assert.Equal(id, r.Id));
        Assert.Single(receiver.Delivered);
        Assert.Equal(OutboxStatus.Delivered, (await harness.Store.GetMessageAsync(id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Without_quick_retries_the_outbox_retries_after_an_exponential_backoff()
    {
        await using var receiver = (await WebhookReceiver.StartAsync()).Answer(503);
        var settings = receiver.Settings("reply");
        settings["Responses:Delivery:HttpRetries"] = "0";
        var (harness, id) = await ThankedAsync(settings);
        await using var _ = harness;

        var first = await harness.Delivery.RunOnceAsync(CancellationToken.None);
        var tooEarly = await harness.Delivery.RunOnceAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(31)); // first retry waits 15–30 s (30 s base, equal jitter)
        var later = await harness.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal((1, 0), (first.Retried, first.Delivered));
        Assert.Equal(0, tooEarly.Claimed);
        Assert.Equal(1, later.Delivered);
        var entry = (await harness.Store.GetMessageAsync(id, CancellationToken.None))!;
        Assert.Equal(2, entry.Attempts);
        Assert.Single(receiver.Delivered);
    }

    [Fact]
    public async Task A_webhook_that_always_fails_is_dead_lettered_with_the_reason_after_the_configured_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(always: () => 500);
        var settings = receiver.Settings("reply");
        settings["Responses:Delivery:MaxAttempts"] = "3";
        settings["Responses:Delivery:HttpRetries"] = "1";
        var (harness, id) = await ThankedAsync(settings);
        await using var _ = harness;

        for (var i = 0; i < 5; i++)
        {
            await harness.Delivery.RunOnceAsync(CancellationToken.None);
            harness.Time.Advance(TimeSpan.FromHours(2));
        }

        var entry = (await harness.Store.GetMessageAsync(id, CancellationToken.None))!;
        Assert.Equal(OutboxStatus.DeadLettered, entry.Status);
        Assert.Equal(3, entry.Attempts);
        Assert.Contains("HTTP 500", entry.LastError);
        Assert.Contains("attempt 3 of 3", entry.LastError);
        Assert.Equal(6, receiver.Requests.Count); // 3 attempts × (1 + 1 quick retry)
        Assert.Empty(receiver.Delivered);
    }

    [Fact]
    public async Task An_smtp_server_that_refuses_and_then_accepts_gets_the_email_once()
    {
        var port = SmtpSink.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Responses:Delivery:Smtp:Host"] = "127.0.0.1",
            ["Responses:Delivery:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Responses:Delivery:Smtp:Security"] = "none",
            ["Responses:Delivery:Smtp:From"] = "Acme care <care@acme.example>",
        };
        var anna = new Author(null, "Анна", null, "anna@example.org");
        await using var harness = NewHarness(settings);
        var item = ResponsesHarness.Scored("mail-1", "Курьер опоздал, но извинился", SentimentLabel.Negative, anna, factors: "delivery");
        await harness.RespondAsync(item);
        var id = $"thanks-{item.Item.Id}";

        using (await SmtpSink.StartAsync(port, refuse: "RCPT"))
        {
            var refused = await harness.Delivery.RunOnceAsync(CancellationToken.None);
            Assert.Equal(1, refused.Retried);
            Assert.Contains("SMTP", (await harness.Store.GetMessageAsync(id, CancellationToken.None))!.LastError);
        }
        using var sink = await SmtpSink.StartAsync(port);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var accepted = await harness.Delivery.RunOnceAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromHours(1));
        await harness.Delivery.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, accepted.Delivered);
        var dump = Assert.Single(sink.Messages());
        var message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dump)));
        Assert.Equal("Мы разбираемся в ситуации и свяжемся с вами", message.Subject);
        Assert.Equal($"{id}@listening", message.MessageId);
        Assert.Contains("Здравствуйте, Анна.", message.TextBody);
        Assert.Contains("Сотрудник напишет вам на электронную почту в течение 24 часов", message.TextBody);
        Assert.Equal("anna@example.org", message.To.Mailboxes.Single().Address);
        var tracked = Assert.Single(await harness.Store.TrackingAsync(DateTimeOffset.MinValue, CancellationToken.None));
        Assert.Equal(harness.Time.GetUtcNow() - TimeSpan.FromHours(1), tracked.RepliedAt);
    }

    [Fact]
    public async Task An_unconfigured_webhook_leaves_the_message_waiting_for_a_channel_with_the_setting_to_fix_not_dead_lettered()
    {
        var (harness, id) = await ThankedAsync([]);
        await using var _ = harness;

        var run = await harness.Delivery.RunOnceAsync(CancellationToken.None);

        var entry = (await harness.Store.GetMessageAsync(id, CancellationToken.None))!;
        Assert.Equal((1, 0), (run.NoChannel, run.DeadLettered));
        Assert.Equal(OutboxStatus.NoChannel, entry.Status);
        Assert.Contains("Responses:Delivery:Webhooks:reply", entry.LastError);
    }

    [Fact]
    public async Task Without_a_configured_endpoint_messages_go_to_the_pickup_directory_once()
    {
        var pickup = Directory.CreateTempSubdirectory("pickup-").FullName;
        var (harness, id) = await ThankedAsync(new Dictionary<string, string?> { ["Responses:Delivery:PickupDirectory"] = pickup });
        await using var _ = harness;

        await harness.Delivery.RunOnceAsync(CancellationToken.None);
        await harness.Delivery.RunOnceAsync(CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(pickup));
        Assert.Equal($"{id}.json", Path.GetFileName(file));
        Assert.Contains("Hello Kate,", System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("data").GetProperty("body").GetString());
        Assert.Equal(OutboxStatus.Delivered, (await harness.Store.GetMessageAsync(id, CancellationToken.None))!.Status);
    }
}
