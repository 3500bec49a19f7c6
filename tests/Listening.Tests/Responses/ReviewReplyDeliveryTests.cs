using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Pipeline;
using Microsoft.Extensions.Configuration;
using Listening.Tests.Channels.Platforms;

namespace Listening.Tests.Responses;

/// <summary>
/// Answers to Google Play, App Store and Google Business Profile reviews through the outbox, with the clock under the
/// test's control, against loopback stand-ins of Google's OAuth endpoint, the Android Publisher and Business Profile APIs
/// and App Store Connect (their documented wire formats and error bodies, not the services): 429 and 5xx are retried —
/// after exactly the platform's <c>Retry-After</c> when it gives one, else with backoff — and the answer is posted once;
/// a refusal is dead-lettered at once with the platform's own error text.
/// </summary>
public sealed class ReviewReplyDeliveryTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string Package = "com.acme.shop", Location = "accounts/111/locations/222";

    /// <summary>One platform's stand-in, the brand's settings for it, a review there and the path its answer is posted to.</summary>
    private sealed record Platform(LoopbackPlatform Fake, Dictionary<string, string?> Settings, FeedbackRecord Review, string ReplyPath, string RefusalBody,
        string RefusalText) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Fake.DisposeAsync();
    }

    private static async Task<Platform> StartAsync(string name)
    {
        var author = new Author(null, "Мария", null, null);
        switch (name)
        {
            case "googleplay":
            {
                var google = await GoogleApisFake.StartAsync();
                google.AddPlayReview(Package, "gp:1", "Мария", "Приложение вылетает при оплате", 2, ResponsesHarness.Start.AddMinutes(-10));
                return new Platform(google, new()
                {
                    ["Channels:GooglePlay:Acme:PackageName"] = Package, ["Channels:GooglePlay:Acme:ServiceAccountJson"] = google.ServiceAccountJson,
                    ["Channels:GooglePlay:Acme:ApiBaseUrl"] = google.BaseUrl,
                }, ResponsesHarness.Scored($"{Package}/gp:1", "Приложение вылетает при оплате", SentimentLabel.Negative, author, source: "googleplay"),
                    ":reply", GoogleApisFake.Error(403, "The caller does not have permission", "PERMISSION_DENIED"), "The caller does not have permission");
            }
            case "appstore":
            {
                var apple = await AppStoreConnectFake.StartAsync();
                apple.AddReview("6fa1c4a2-bbbb", "Мария", "Вылетает", "Приложение вылетает при оплате", 2, ResponsesHarness.Start.AddMinutes(-10));
                return new Platform(apple, new()
                {
                    ["Channels:AppStore:Acme:AppId"] = AppStoreConnectFake.AppId, ["Channels:AppStore:Acme:IssuerId"] = AppStoreConnectFake.IssuerId,
                    ["Channels:AppStore:Acme:KeyId"] = AppStoreConnectFake.KeyId, ["Channels:AppStore:Acme:PrivateKey"] = apple.PrivateKeyPem,
                    ["Channels:AppStore:Acme:ApiBaseUrl"] = apple.BaseUrl,
                }, ResponsesHarness.Scored($"{AppStoreConnectFake.AppId}/6fa1c4a2-bbbb", "Приложение вылетает при оплате", SentimentLabel.Negative, author,
                    source: "appstore"),
                    "/v1/customerReviewResponses", AppStoreConnectFake.Error(409, "ENTITY_ERROR", "The request entity failed validation.", "The review response body contains disallowed content."),
                    "The review response body contains disallowed content.");
            }
            default:
            {
                var google = await GoogleApisFake.StartAsync();
                google.AddPlaceReview(Location, "r1", "Мария", "Очередь на кассе 20 минут", "TWO", ResponsesHarness.Start.AddMinutes(-10));
                return new Platform(google, new()
                {
                    ["Channels:GoogleBusiness:Acme:Locations:0"] = Location, ["Channels:GoogleBusiness:Acme:ClientId"] = GoogleApisFake.ClientId,
                    ["Channels:GoogleBusiness:Acme:ClientSecret"] = GoogleApisFake.ClientSecret, ["Channels:GoogleBusiness:Acme:RefreshToken"] = GoogleApisFake.RefreshToken,
                    ["Channels:GoogleBusiness:Acme:TokenUrl"] = google.BaseUrl + "/token", ["Channels:GoogleBusiness:Acme:ApiBaseUrl"] = google.BaseUrl,
                }, ResponsesHarness.Scored($"{Location}/reviews/r1", "Очередь на кассе 20 минут", SentimentLabel.Negative, author, source: "google"),
                    "/reply", GoogleApisFake.Error(400, "Request contains an invalid argument.", "INVALID_ARGUMENT"), "Request contains an invalid argument.");
            }
        }
    }

    public static TheoryData<string> Platforms => new() { "googleplay", "appstore", "google" };

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_5xx_is_retried_with_backoff_a_429_after_exactly_its_retry_after_and_the_review_gets_one_answer(string name)
    {
        await using var platform = await StartAsync(name);
        await using var harness = new ResponsesHarness(platform.Settings);
        platform.Fake.Clock = harness.Time;
        await harness.RespondAsync(platform.Review);
        var id = $"thanks-{platform.Review.Item.Id}";
        platform.Fake.FailNext(platform.ReplyPath, 503, "{\"error\":{\"code\":503,\"message\":\"The service is currently unavailable.\",\"status\":\"UNAVAILABLE\"}}");
        platform.Fake.FailNext(platform.ReplyPath, 429, "{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
            new Dictionary<string, string> { ["Retry-After"] = "90" });

        var unavailable = await harness.Delivery.RunOnceAsync(None);
        var afterUnavailable = (await harness.Store.GetMessageAsync(id, None))!;
        harness.Time.SetUtcNow(afterUnavailable.NextAttemptAt!.Value);
        var throttled = await harness.Delivery.RunOnceAsync(None);
        var afterThrottle = (await harness.Store.GetMessageAsync(id, None))!;
        harness.Time.Advance(TimeSpan.FromSeconds(89));
        var tooEarly = await harness.Delivery.RunOnceAsync(None);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var sent = await harness.Delivery.RunOnceAsync(None);

        Assert.Equal(OutboxChannelsOf(name), afterUnavailable.Message.Target);
        Assert.Equal((1, "failed"), (unavailable.Retried, afterUnavailable.State));
        Assert.Contains("HTTP 503", afterUnavailable.LastError);
        Assert.InRange(afterUnavailable.NextAttemptAt!.Value - ResponsesHarness.Start, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)); // backoff from 30 s
        Assert.Equal(1, throttled.Retried);
        Assert.Equal(harness.Time.GetUtcNow(), afterThrottle.NextAttemptAt); // the throttled attempt + exactly its Retry-After (89 s + 1 s later)
        Assert.Equal(0, tooEarly.Claimed);
        Assert.Equal(1, sent.Delivered);
        Assert.Equal([503, 429, 200], platform.Fake.To(platform.ReplyPath).Select(r => r.AnsweredWith is 201 ? 200 : r.AnsweredWith));
        Assert.Equal("sent", (await harness.Store.GetMessageAsync(id, None))!.State);
    }

    [Theory]
    [MemberData(nameof(Platforms))]
    public async Task A_refusal_is_dead_lettered_at_once_with_the_platforms_own_error_text(string name)
    {
        await using var platform = await StartAsync(name);
        await using var harness = new ResponsesHarness(platform.Settings);
        platform.Fake.Clock = harness.Time;
        await harness.RespondAsync(platform.Review);
        platform.Fake.FailNext(platform.ReplyPath, name == "appstore" ? 409 : name == "google" ? 400 : 403, platform.RefusalBody);

        var run = await harness.Delivery.RunOnceAsync(None);

        var entry = (await harness.Store.GetMessageAsync($"thanks-{platform.Review.Item.Id}", None))!;
        Assert.Equal((1, "dead-lettered"), (run.DeadLettered, entry.State));
        Assert.Contains(platform.RefusalText, entry.LastError);
        Assert.Single(platform.Fake.To(platform.ReplyPath));
    }

    /// <summary>The brand's credentials with the secret replaced by one the platform does not know.</summary>
    private static Dictionary<string, string?> WithForgedSecret(string name, Dictionary<string, string?> settings)
    {
        var forged = new Dictionary<string, string?>(settings);
        switch (name)
        {
            case "googleplay":
                using (var stranger = System.Security.Cryptography.RSA.Create(2048))
                {
                    var json = System.Text.Json.Nodes.JsonNode.Parse(settings["Channels:GooglePlay:Acme:ServiceAccountJson"]!)!;
                    json["private_key"] = stranger.ExportPkcs8PrivateKeyPem();
                    forged["Channels:GooglePlay:Acme:ServiceAccountJson"] = json.ToJsonString();
                }
                break;
            case "appstore":
                using (var stranger = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256))
                    forged["Channels:AppStore:Acme:PrivateKey"] = stranger.ExportPkcs8PrivateKeyPem();
                break;
            default:
                forged["Channels:GoogleBusiness:Acme:RefreshToken"] = "1//revoked";
                break;
        }
        return forged;
    }

    [Theory]
    [InlineData("googleplay", "Invalid JWT Signature")]
    [InlineData("appstore", "Authentication credentials are missing or invalid.")]
    [InlineData("google", "Token has been expired or revoked.")]
    public async Task Credentials_the_platform_refuses_read_nothing_and_dead_letter_the_answer_with_the_platforms_error(string name, string error)
    {
        await using var platform = await StartAsync(name);
        var settings = WithForgedSecret(name, platform.Settings);
        await using var harness = new ResponsesHarness(settings);
        platform.Fake.Clock = harness.Time;
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var intake = new Listening.Tests.Channels.RecordingIntake();
        var services = new ServiceCollection().AddLogging().AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(harness.Time);
        Listening.Channels.Connectors.ConnectorsServiceCollectionExtensions.AddConnectorReplies(services);
        services.AddSingleton<Listening.Channels.Polling.ISourceStateStore, Listening.Channels.Polling.InMemorySourceStateStore>();
        services.AddSingleton<Listening.Channels.IFeedbackIntake>(intake);
        services.AddSingleton(new Listening.Channels.ChannelIntake(intake, Microsoft.Extensions.Options.Options.Create(new Listening.Channels.ChannelsOptions())));
        services.AddSingleton<Listening.Channels.Connectors.ReviewPoller>();
        await using var provider = services.BuildServiceProvider();

        var poll = (await provider.GetRequiredService<Listening.Channels.Connectors.ReviewPoller>().PollAllAsync(None)).Single(r => r.Platform == name);
        await harness.RespondAsync(platform.Review);
        var run = await harness.Delivery.RunOnceAsync(None);

        Assert.Contains(error, poll.Error);
        Assert.Null(poll.DeferredUntil); // not transient: the next scheduled poll tries again
        Assert.Empty(intake.Items);
        var entry = (await harness.Store.GetMessageAsync($"thanks-{platform.Review.Item.Id}", None))!;
        Assert.Equal((1, "dead-lettered"), (run.DeadLettered, entry.State));
        Assert.Contains(error, entry.LastError);
        Assert.DoesNotContain(platform.Fake.To(platform.ReplyPath), r => r.AnsweredWith < 300); // nothing posted under a refused key
    }

    private static string OutboxChannelsOf(string name) => Listening.Responses.OutboxChannels.Target(name);
}
