using System.Text.Json.Nodes;
using Listening.Channels;
using Listening.Channels.Connectors;
using Listening.Channels.GooglePlay;
using Listening.Channels.Polling;
using Listening.Storage;
using Listening.Tests.Channels.Platforms;
using Listening.Tests.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Listening.Tests.Channels;

/// <summary>
/// A brand with its Android app, its iOS app and its places on Google connected: reviews polled and answered in place,
/// through the local shape, against loopback stand-ins of Google's OAuth endpoint, the Android Publisher and Business
/// Profile APIs and App Store Connect (their documented wire formats, not the services), which check our tokens: the
/// RS256 service-account assertion, the refresh-token grant, the ES256 App Store Connect JWT.
/// </summary>
public sealed class ReviewConnectorTests : IAsyncLifetime
{
    private const string Package = "com.acme.shop", Location = "accounts/111/locations/222";
    private GoogleApisFake google = null!;
    private AppStoreConnectFake apple = null!;
    private PipelineFactory factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        google = await GoogleApisFake.StartAsync();
        apple = await AppStoreConnectFake.StartAsync();
        factory = new PipelineFactory(new Dictionary<string, string?>
        {
            ["Channels:GooglePlay:acme:PackageName"] = Package,
            ["Channels:GooglePlay:acme:ServiceAccountJson"] = google.ServiceAccountJson,
            ["Channels:GooglePlay:acme:ApiBaseUrl"] = google.BaseUrl,
            ["Channels:AppStore:acme:AppId"] = AppStoreConnectFake.AppId,
            ["Channels:AppStore:acme:IssuerId"] = AppStoreConnectFake.IssuerId,
            ["Channels:AppStore:acme:KeyId"] = AppStoreConnectFake.KeyId,
            ["Channels:AppStore:acme:PrivateKey"] = apple.PrivateKeyPem,
            ["Channels:AppStore:acme:ApiBaseUrl"] = apple.BaseUrl,
            ["Channels:GoogleBusiness:acme:Locations:0"] = Location,
            ["Channels:GoogleBusiness:acme:ClientId"] = GoogleApisFake.ClientId,
            ["Channels:GoogleBusiness:acme:ClientSecret"] = GoogleApisFake.ClientSecret,
            ["Channels:GoogleBusiness:acme:RefreshToken"] = GoogleApisFake.RefreshToken,
            ["Channels:GoogleBusiness:acme:TokenUrl"] = google.BaseUrl + "/token",
            ["Channels:GoogleBusiness:acme:ApiBaseUrl"] = google.BaseUrl,
        }, null);
        client = factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await google.DisposeAsync();
        await apple.DisposeAsync();
    }

    private static async Task<Listening.Responses.OutboxEntry> SentAsync(Listening.Responses.IResponseStore store, string channel)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var sent = await store.ListMessagesAsync(new Listening.Responses.OutboxQuery(Channel: channel, States: ["sent"]), default);
            if (sent.Count > 0) return sent.Single();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no {channel} message was recorded as sent");
            await Task.Delay(50);
        }
    }

    private Task<IReadOnlyList<ReviewPollReport>> PollAsync() => factory.Services.GetRequiredService<ReviewPoller>().PollAllAsync(default);

    [Fact]
    public async Task A_google_play_review_is_polled_once_and_answered_in_place_within_350_characters_without_points()
    {
        var now = DateTimeOffset.UtcNow;
        google.AddPlayReview(Package, "gp:AOqpTOE1", "Мария Иванова", "Приложение вылетает при оплате картой, заказ пришлось оформлять три раза. Доставка при этом вовремя",
            2, now.AddMinutes(-20));

        var first = await PollAsync();
        var reply = await google.NextAsync(":reply");
        var second = await PollAsync();

        Assert.Equal((1, 1), (first.Single(r => r.Platform == "googleplay").Found, first.Single(r => r.Platform == "googleplay").New));
        Assert.Equal(0, second.Single(r => r.Platform == "googleplay").New);
        Assert.EndsWith($"/applications/{Package}/reviews/gp:AOqpTOE1:reply", reply.Path);
        var text = reply.Json!["replyText"]!.GetValue<string>();
        Assert.InRange(text.Length, 1, 350);
        Assert.StartsWith("Мария Иванова, приносим извинения", text);
        Assert.DoesNotContain("балл", text); // Google Play forbids incentives: no points offered
        await factory.WaitForDrainAsync(client);
        Assert.Single(google.To(":reply"));
        var stored = await factory.Services.GetRequiredService<IFeedbackStore>().GetAsync(JsonNode.Parse(await StoredIdAsync("googleplay"))!.GetValue<string>(), default);
        Assert.Equal(("googleplay", 2, $"{Package}/gp:AOqpTOE1"), (stored!.Item.Source, stored.Item.Rating, stored.Item.ExternalId));
    }

    [Fact]
    public async Task An_app_store_review_is_answered_with_a_customer_review_response_under_our_es256_token_and_a_resend_replaces_it()
    {
        apple.AddReview("6fa1c4a2-aaaa", "runner77", "Отличное приложение", "Удобно заказывать, курьеры вежливые", 5, DateTimeOffset.UtcNow.AddHours(-1));

        await PollAsync();
        var posted = await apple.NextAsync("/v1/customerReviewResponses");
        await factory.WaitForDrainAsync(client);
        var store = factory.Services.GetRequiredService<Listening.Responses.IResponseStore>();
        // The stand-in has the response before the outbox records it as sent: wait for that record, not only for the queues.
        var message = await SentAsync(store, "appstore");
        await store.RetryAsync([message.Message.Id], resend: true, DateTimeOffset.UtcNow, default);
        factory.Services.GetRequiredService<Listening.Responses.Delivery.OutboxSignal>().Notify();
        await apple.NextAsync("/v1/customerReviewResponses", 2);

        Assert.Equal(201, posted.AnsweredWith);
        Assert.Equal("6fa1c4a2-aaaa", posted.Json!["data"]!["relationships"]!["review"]!["data"]!["id"]!.GetValue<string>());
        Assert.StartsWith("Здравствуйте, runner77!", posted.Json["data"]!["attributes"]!["responseBody"]!.GetValue<string>());
        Assert.Single(apple.Responses); // one response per review: the resend replaced it
        Assert.Equal("r-6fa1c4a2-aaaa", message.Receipt!.Reference);
    }

    [Fact]
    public async Task Google_reviews_are_polled_with_a_refresh_token_and_answered_with_update_reply_and_rating_only_reviews_are_not_items()
    {
        google.AddPlaceReview(Location, "r1", "Oleg P.", "Очередь на кассе 20 минут, персонал не торопится", "TWO", DateTimeOffset.UtcNow.AddMinutes(-30));
        google.AddPlaceReview(Location, "r2", null, null, "FIVE", DateTimeOffset.UtcNow.AddMinutes(-25));

        var report = (await PollAsync()).Single(r => r.Platform == "google");
        var reply = await google.NextAsync("/reply");

        Assert.Equal((2, 1), (report.Found, report.New));
        Assert.Equal("PUT", reply.Method);
        Assert.Equal($"/v4/{Location}/reviews/r1/reply", reply.Path);
        Assert.StartsWith("Здравствуйте, Oleg P.\n", reply.Json!["comment"]!.GetValue<string>());
        Assert.Contains("updateTime", google.PlaceReviews[$"{Location}/reviews/r1"]["reviewReply"]!.ToJsonString());
    }

    private async Task<string> StoredIdAsync(string source)
    {
        var store = factory.Services.GetRequiredService<Listening.Responses.IResponseStore>();
        var decision = (await store.TrackingAsync(DateTimeOffset.MinValue, default)).Single(t => t.Source == source);
        return new JsonArray(decision.ItemId)[0]!.ToJsonString();
    }
}

/// <summary>The review poller on its own, with the clock under the test's control, against the Google stand-in.</summary>
public sealed class ReviewPollerTests
{
    [Fact]
    public async Task A_platform_answering_429_is_left_alone_until_its_retry_after_and_then_read()
    {
        await using var google = await GoogleApisFake.StartAsync();
        google.AddPlayReview("com.acme.shop", "gp:1", "Anna", "Great app, fast delivery", 5, DateTimeOffset.UtcNow);
        google.FailNext("/reviews", 429, GoogleApisFake.Error(429, "Quota exceeded for quota metric 'Queries'.", "RESOURCE_EXHAUSTED"), new Dictionary<string, string> { ["Retry-After"] = "120" });
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var intake = new RecordingIntake();
        await using var services = Services(google, time, intake);
        var poller = services.GetRequiredService<ReviewPoller>();
        var play = services.GetRequiredService<GooglePlayConnector>();

        var throttled = await poller.PollAsync(play, "acme", default);
        var tooEarly = await poller.PollAsync(play, "acme", default);
        time.Advance(TimeSpan.FromSeconds(121));
        var later = await poller.PollAsync(play, "acme", default);

        Assert.Contains("HTTP 429", throttled.Error);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromSeconds(121) + TimeSpan.FromSeconds(120), throttled.DeferredUntil);
        Assert.Equal([429, 200], google.To("/reviews").Select(r => r.AnsweredWith)); // the deferred poll sent nothing
        Assert.NotNull(tooEarly.DeferredUntil);
        Assert.Equal((1, null), (later.New, later.Error));
        Assert.Single(intake.Items);
    }

    [Fact]
    public async Task A_service_account_key_google_does_not_accept_is_reported_with_googles_error_and_nothing_is_read()
    {
        await using var google = await GoogleApisFake.StartAsync();
        var intake = new RecordingIntake();
        using var stranger = System.Security.Cryptography.RSA.Create(2048);
        var forged = JsonNode.Parse(google.ServiceAccountJson)!;
        forged["private_key"] = stranger.ExportPkcs8PrivateKeyPem();
        await using var services = Services(google, TimeProvider.System, intake, forged.ToJsonString());

        var report = await services.GetRequiredService<ReviewPoller>().PollAsync(services.GetRequiredService<GooglePlayConnector>(), "acme", default);

        Assert.Contains("Invalid JWT Signature", report.Error);
        Assert.Null(report.DeferredUntil); // not transient: the next scheduled poll tries again, no backoff
        Assert.Empty(intake.Items);
    }

    private static ServiceProvider Services(GoogleApisFake google, TimeProvider time, RecordingIntake intake, string? key = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:GooglePlay:acme:PackageName"] = "com.acme.shop",
            ["Channels:GooglePlay:acme:ServiceAccountJson"] = key ?? google.ServiceAccountJson,
            ["Channels:GooglePlay:acme:ApiBaseUrl"] = google.BaseUrl,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(time);
        services.AddConnectorReplies();
        services.AddSingleton<ISourceStateStore, InMemorySourceStateStore>();
        services.AddSingleton<IFeedbackIntake>(intake);
        services.AddSingleton(new ChannelIntake(intake, Options.Create(new ChannelsOptions())));
        services.AddSingleton<ReviewPoller>();
        return services.BuildServiceProvider();
    }
}
