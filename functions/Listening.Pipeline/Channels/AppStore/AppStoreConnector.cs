using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Listening.Channels.Connectors;
using Listening.Core.Feedback;
using Listening.Core.Responses;
using Listening.Responses;
using Listening.Responses.Delivery;

namespace Listening.Channels.AppStore;

/// <summary>
/// A brand's iOS app on the App Store, configuration <c>Channels:AppStore:{brand}</c>: <c>AppId</c> (the app's Apple
/// id), an App Store Connect API key — <c>IssuerId</c>, <c>KeyId</c> and <c>PrivateKey</c> (the .p8 file's PEM text, a
/// secret) — and optionally <c>ApiBaseUrl</c> (default <c>https://api.appstoreconnect.apple.com</c>).
/// </summary>
public sealed class AppStoreSettings
{
    public const string Section = "Channels:AppStore";
    public string? AppId { get; set; }
    public string? IssuerId { get; set; }
    public string? KeyId { get; set; }
    public string? PrivateKey { get; set; }
    public string? ApiBaseUrl { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(IssuerId) && !string.IsNullOrWhiteSpace(KeyId)
        && !string.IsNullOrWhiteSpace(PrivateKey);

    public static AppStoreSettings For(IConfiguration configuration, string brand) =>
        configuration.GetSection($"{Section}:{brand}").Get<AppStoreSettings>() ?? new AppStoreSettings();
}

/// <summary>
/// The App Store both ways through the App Store Connect API, authenticated by an ES256 JWT we sign with the brand's
/// key: customer reviews polled with <c>GET /v1/apps/{id}/customerReviews?sort=-createdDate</c> (JSON:API, paged by
/// <c>links.next</c>) and answered with <c>POST /v1/customerReviewResponses</c> — "create or update": a review has at
/// most one response and posting again replaces it. Apple's guidelines forbid incentivised ratings: no points. The
/// response's <c>lastModifiedDate</c> is the platform's acknowledgement (Apple publishes the response later).
/// </summary>
public sealed class AppStoreConnector(IConfiguration configuration, PlatformTokens tokens, TimeProvider time) : IReviewPlatform, IReplyChannel
{
    public const string Source = "appstore";
    public const string DefaultApiBaseUrl = "https://api.appstoreconnect.apple.com";
    /// <summary>App Store Connect's limit for a response body.</summary>
    public const int MaxLength = 5970;

    public string Name => Source;

    public IReadOnlyList<string> Brands() => ConnectorSections.Brands(configuration, AppStoreSettings.Section, s => s.Get<AppStoreSettings>()?.Configured == true);

    public bool IsConfigured(string brand) => AppStoreSettings.For(configuration, brand).Configured;

    public bool CanAnswer(FeedbackItem item) => Parse(item.ExternalId) is not null;

    public ReplyConstraints ConstraintsFor(FeedbackItem item) => new(MaxLength, Public: true);

    /// <summary><c>{appId}/{reviewId}</c>.</summary>
    public static (string App, string Review)? Parse(string? externalId) =>
        externalId?.Split('/', 2) is [var app, var review] && app.Length > 0 && review.Length > 0 ? (app, review) : null;

    public async IAsyncEnumerable<IReadOnlyList<PolledReview>> ReviewsAsync(string brand, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = AppStoreSettings.For(configuration, brand);
        var app = settings.AppId!;
        string? url = $"{Base(settings)}/v1/apps/{Uri.EscapeDataString(app)}/customerReviews?sort=-createdDate&limit=200";
        while (url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = PlatformTokens.Bearer(tokens.AppStore(settings.IssuerId!, settings.KeyId!, settings.PrivateKey!));
            using var response = await tokens.SendAsync("App Store Connect", request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
            yield return (body["data"]?.AsArray() ?? []).OfType<JsonObject>().Select(r => ToReview(r, brand, app)).ToList();
            url = body["links"]?["next"]?.GetValue<string>();
        }
    }

    private static PolledReview ToReview(JsonObject review, string brand, string app)
    {
        var id = review["id"]?.GetValue<string>() ?? "";
        var a = review["attributes"];
        var title = a?["title"]?.GetValue<string>()?.Trim();
        var body = a?["body"]?.GetValue<string>()?.Trim();
        var text = string.Join(". ", new[] { title?.TrimEnd('.', '!', '?'), body }.Where(t => !string.IsNullOrWhiteSpace(t)));
        if (id.Length == 0 || text.Length == 0) return new PolledReview(id, null);
        var rating = a?["rating"]?.GetValue<int>();
        var nickname = a?["reviewerNickname"]?.GetValue<string>();
        return new PolledReview(id, new FeedbackItemDto
        {
            Kind = "review", Source = Source, Channel = "app", Brand = brand, ExternalId = $"{app}/{id}", Text = text,
            Rating = rating is >= 1 and <= 5 ? rating : null,
            Author = string.IsNullOrWhiteSpace(nickname) ? null : new AuthorDto(null, nickname.Trim(), null, null),
            CreatedAt = a?["createdDate"]?.GetValue<DateTimeOffset>(),
            Url = $"https://apps.apple.com/app/id{Uri.EscapeDataString(app)}?see-all=reviews",
        });
    }

    public async Task<DeliveryResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken)
    {
        if (Parse(reply.ExternalId) is not var (_, review)) return DeliveryResult.Fail($"app store: no app and review id in '{reply.ExternalId}'");
        var settings = AppStoreSettings.For(configuration, reply.Brand);
        var text = PublicReply.Truncate(PublicReply.Scrub(reply.Text), MaxLength);
        var payload = new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["type"] = "customerReviewResponses",
                ["attributes"] = new JsonObject { ["responseBody"] = text },
                ["relationships"] = new JsonObject
                {
                    ["review"] = new JsonObject { ["data"] = new JsonObject { ["type"] = "customerReviews", ["id"] = review } },
                },
            },
        };
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base(settings)}/v1/customerReviewResponses") { Content = JsonContent.Create(payload) };
            request.Headers.Authorization = PlatformTokens.Bearer(tokens.AppStore(settings.IssuerId!, settings.KeyId!, settings.PrivateKey!));
            using var response = await tokens.SendAsync("App Store Connect", request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var data = body?["data"];
            var at = data?["attributes"]?["lastModifiedDate"]?.GetValue<DateTimeOffset>() ?? PlatformResponses.AcknowledgedAt(response, time);
            return DeliveryResult.Sent(new DeliveryReceipt(Name, data?["id"]?.GetValue<string>(), at));
        }
        catch (PlatformException e) when (e.Transient) { return DeliveryResult.Retry(e.Message, e.RetryAfter); }
        catch (PlatformException e) { return DeliveryResult.Fail(e.Message); }
    }

    private static string Base(AppStoreSettings settings) => (settings.ApiBaseUrl ?? DefaultApiBaseUrl).TrimEnd('/');
}
