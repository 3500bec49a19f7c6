using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Listening.Channels.Connectors;
using Listening.Core.Feedback;
using Listening.Core.Responses;
using Listening.Responses;
using Listening.Responses.Delivery;

namespace Listening.Channels.GooglePlay;

/// <summary>
/// A brand's Android app on Google Play, configuration <c>Channels:GooglePlay:{brand}</c>: <c>PackageName</c>, a service
/// account with access to the app in Play Console (<c>ServiceAccountJson</c>: the JSON key file, whole — a secret), and
/// optionally <c>ApiBaseUrl</c> (default <c>https://androidpublisher.googleapis.com</c>) and <c>TokenUrl</c>.
/// </summary>
public sealed class GooglePlaySettings
{
    public const string Section = "Channels:GooglePlay";
    public string? PackageName { get; set; }
    public string? ApiBaseUrl { get; set; }
    public string? ServiceAccountJson { get; set; }
    public string? TokenUrl { get; set; }

    public GoogleCredentials Credentials => new() { ServiceAccountJson = ServiceAccountJson, TokenUrl = TokenUrl };
    public bool Configured => !string.IsNullOrWhiteSpace(PackageName) && Credentials.Configured;

    public static GooglePlaySettings For(IConfiguration configuration, string brand) =>
        configuration.GetSection($"{Section}:{brand}").Get<GooglePlaySettings>() ?? new GooglePlaySettings();
}

/// <summary>
/// Google Play both ways through the Android Publisher API v3 (OAuth scope <c>androidpublisher</c>): reviews polled with
/// <c>reviews.list</c> (Google returns those created or changed in the last week, newest first, paged by
/// <c>tokenPagination.nextPageToken</c>) and answered with <c>reviews.reply</c> — which replaces the developer reply a
/// review has, so a re-answer is an update, never a second reply. Replies of more than about 350 characters are
/// rejected by Google: answers are fitted to 350 (the shorter template, then a polite cut). Google Play's policy
/// forbids incentivised ratings: no points (<c>Loyalty</c> default). Response time runs to Google's
/// <c>result.lastEdited</c>.
/// </summary>
public sealed class GooglePlayConnector(IConfiguration configuration, PlatformTokens tokens, TimeProvider time) : IReviewPlatform, IReplyChannel
{
    public const string Source = "googleplay";
    public const string Scope = "https://www.googleapis.com/auth/androidpublisher";
    public const string DefaultApiBaseUrl = "https://androidpublisher.googleapis.com";
    public const int MaxLength = 350;

    public string Name => Source;

    public IReadOnlyList<string> Brands() => ConnectorSections.Brands(configuration, GooglePlaySettings.Section, s => s.Get<GooglePlaySettings>()?.Configured == true);

    public bool IsConfigured(string brand) => GooglePlaySettings.For(configuration, brand).Configured;

    public bool CanAnswer(FeedbackItem item) => Parse(item.ExternalId) is not null;

    public ReplyConstraints ConstraintsFor(FeedbackItem item) => new(MaxLength, Public: true);

    /// <summary><c>{packageName}/{reviewId}</c>.</summary>
    public static (string Package, string Review)? Parse(string? externalId) =>
        externalId?.Split('/', 2) is [var package, var review] && package.Length > 0 && review.Length > 0 ? (package, review) : null;

    public async IAsyncEnumerable<IReadOnlyList<PolledReview>> ReviewsAsync(string brand, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = GooglePlaySettings.For(configuration, brand);
        var package = settings.PackageName!;
        string? page = null;
        do
        {
            var url = $"{Base(settings)}/androidpublisher/v3/applications/{Uri.EscapeDataString(package)}/reviews?maxResults=100"
                + (page is null ? "" : $"&token={Uri.EscapeDataString(page)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = PlatformTokens.Bearer(await tokens.GoogleAsync(settings.Credentials, Scope, cancellationToken));
            using var response = await tokens.SendAsync("Google Play", request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
            yield return (body["reviews"]?.AsArray() ?? []).OfType<JsonObject>().Select(r => ToReview(r, brand, package)).ToList();
            page = body["tokenPagination"]?["nextPageToken"]?.GetValue<string>();
        }
        while (!string.IsNullOrEmpty(page));
    }

    private static PolledReview ToReview(JsonObject review, string brand, string package)
    {
        var id = review["reviewId"]?.GetValue<string>() ?? "";
        var comment = (review["comments"]?.AsArray() ?? []).Select(c => c?["userComment"]).FirstOrDefault(c => c is not null);
        // A review with a title arrives as "title\tbody".
        var text = comment?["text"]?.GetValue<string>()?.Replace('\t', ' ').Trim();
        if (id.Length == 0 || string.IsNullOrWhiteSpace(text)) return new PolledReview(id, null);
        var rating = comment?["starRating"]?.GetValue<int>();
        var name = review["authorName"]?.GetValue<string>();
        return new PolledReview(id, new FeedbackItemDto
        {
            Kind = "review", Source = Source, Channel = "app", Brand = brand, ExternalId = $"{package}/{id}", Text = text,
            Rating = rating is >= 1 and <= 5 ? rating : null,
            Author = string.IsNullOrWhiteSpace(name) ? null : new AuthorDto(null, name.Trim(), null, null),
            Lang = comment?["reviewerLanguage"]?.GetValue<string>() is { Length: >= 2 } lang ? lang[..2].ToLowerInvariant() : null,
            CreatedAt = Seconds(comment?["lastModified"]),
            Url = $"https://play.google.com/store/apps/details?id={Uri.EscapeDataString(package)}&reviewId={Uri.EscapeDataString(id)}",
        });
    }

    public async Task<DeliveryResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken)
    {
        if (Parse(reply.ExternalId) is not var (package, review)) return DeliveryResult.Fail($"google play: no package and review id in '{reply.ExternalId}'");
        var settings = GooglePlaySettings.For(configuration, reply.Brand);
        var text = PublicReply.Truncate(PublicReply.Scrub(reply.Text), MaxLength);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post,
                $"{Base(settings)}/androidpublisher/v3/applications/{Uri.EscapeDataString(package)}/reviews/{Uri.EscapeDataString(review)}:reply")
            {
                Content = JsonContent.Create(new JsonObject { ["replyText"] = text }),
            };
            request.Headers.Authorization = PlatformTokens.Bearer(await tokens.GoogleAsync(settings.Credentials, Scope, cancellationToken));
            using var response = await tokens.SendAsync("Google Play", request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var edited = Seconds(body?["result"]?["lastEdited"]) ?? PlatformResponses.AcknowledgedAt(response, time);
            return DeliveryResult.Sent(new DeliveryReceipt(Name, $"{package}/{review}", edited));
        }
        catch (PlatformException e) when (e.Transient) { return DeliveryResult.Retry(e.Message, e.RetryAfter); }
        catch (PlatformException e) { return DeliveryResult.Fail(e.Message); }
    }

    private static string Base(GooglePlaySettings settings) => (settings.ApiBaseUrl ?? DefaultApiBaseUrl).TrimEnd('/');

    /// <summary>A protobuf Timestamp in JSON as Google Play writes it: <c>{"seconds": "1700000000", "nanos": 0}</c>.</summary>
    private static DateTimeOffset? Seconds(JsonNode? timestamp) =>
        timestamp?["seconds"] is { } s && long.TryParse(s.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks((timestamp["nanos"]?.GetValue<long>() ?? 0) / 100) : null;
}
