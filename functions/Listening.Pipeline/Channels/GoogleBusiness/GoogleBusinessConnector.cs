using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Listening.Channels.Connectors;
using Listening.Core.Feedback;
using Listening.Core.Responses;
using Listening.Responses;
using Listening.Responses.Delivery;

namespace Listening.Channels.GoogleBusiness;

/// <summary>
/// A brand's places on Google (Maps and Search reviews), configuration <c>Channels:GoogleBusiness:{brand}</c>:
/// <c>Locations</c> (<c>accounts/{account}/locations/{location}</c>, one or more), OAuth credentials of a user who
/// manages them — <c>ClientId</c>, <c>ClientSecret</c>, <c>RefreshToken</c> (secrets) — or a <c>ServiceAccountJson</c>
/// with access, and optionally <c>ApiBaseUrl</c> (default <c>https://mybusiness.googleapis.com</c>) and <c>TokenUrl</c>.
/// </summary>
public sealed class GoogleBusinessSettings
{
    public const string Section = "Channels:GoogleBusiness";
    public List<string> Locations { get; set; } = [];
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? RefreshToken { get; set; }
    public string? ServiceAccountJson { get; set; }
    public string? TokenUrl { get; set; }
    public string? ApiBaseUrl { get; set; }

    public GoogleCredentials Credentials => new()
    {
        ClientId = ClientId, ClientSecret = ClientSecret, RefreshToken = RefreshToken, ServiceAccountJson = ServiceAccountJson, TokenUrl = TokenUrl,
    };

    public bool Configured => Locations.Count > 0 && Credentials.Configured;

    public static GoogleBusinessSettings For(IConfiguration configuration, string brand) =>
        configuration.GetSection($"{Section}:{brand}").Get<GoogleBusinessSettings>() ?? new GoogleBusinessSettings();
}

/// <summary>
/// Google Business Profile reviews both ways (My Business API v4, OAuth scope <c>business.manage</c>): polled with
/// <c>accounts.locations.reviews.list</c> (newest update first, paged by <c>nextPageToken</c>) and answered with
/// <c>updateReply</c> (<c>PUT …/reviews/{id}/reply</c>) — which creates the reply or replaces the one there: one reply
/// per review. Source <c>google</c>: Google's rules forbid incentives for reviews, so no points (the <c>Loyalty</c>
/// default). A reply is at most 4096 bytes of UTF-8; answers are fitted to it. Response time runs to the reply's
/// <c>updateTime</c>. Rating-only reviews (no comment) are counted, not ingested: there is nothing to analyse or thank
/// for in words.
/// </summary>
public sealed class GoogleBusinessConnector(IConfiguration configuration, PlatformTokens tokens, TimeProvider time) : IReviewPlatform, IReplyChannel
{
    public const string Source = "google";
    public const string Scope = "https://www.googleapis.com/auth/business.manage";
    public const string DefaultApiBaseUrl = "https://mybusiness.googleapis.com";
    public const int MaxBytes = 4096;
    /// <summary>4096 bytes hold at least 2048 characters of Cyrillic (2 bytes each in UTF-8): the limit the composer fits to.</summary>
    public const int MaxLength = MaxBytes / 2;

    private static readonly Dictionary<string, int> Stars = new(StringComparer.Ordinal) { ["ONE"] = 1, ["TWO"] = 2, ["THREE"] = 3, ["FOUR"] = 4, ["FIVE"] = 5 };

    public string Name => Source;

    public IReadOnlyList<string> Brands() =>
        ConnectorSections.Brands(configuration, GoogleBusinessSettings.Section, s => s.Get<GoogleBusinessSettings>()?.Configured == true);

    public bool IsConfigured(string brand) => GoogleBusinessSettings.For(configuration, brand).Configured;

    /// <summary>The external id is the review's resource name: <c>accounts/…/locations/…/reviews/…</c>.</summary>
    public bool CanAnswer(FeedbackItem item) => IsReviewName(item.ExternalId);

    public ReplyConstraints ConstraintsFor(FeedbackItem item) => new(MaxLength, Public: true);

    public static bool IsReviewName(string? name) =>
        name?.Split('/') is ["accounts", { Length: > 0 }, "locations", { Length: > 0 }, "reviews", { Length: > 0 }];

    public async IAsyncEnumerable<IReadOnlyList<PolledReview>> ReviewsAsync(string brand, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = GoogleBusinessSettings.For(configuration, brand);
        foreach (var location in settings.Locations)
        {
            string? page = null;
            do
            {
                var url = $"{Base(settings)}/v4/{location.Trim('/')}/reviews?pageSize=50&orderBy={Uri.EscapeDataString("updateTime desc")}"
                    + (page is null ? "" : $"&pageToken={Uri.EscapeDataString(page)}");
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = PlatformTokens.Bearer(await tokens.GoogleAsync(settings.Credentials, Scope, cancellationToken));
                using var response = await tokens.SendAsync("Google Business Profile", request, cancellationToken);
                var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
                yield return (body["reviews"]?.AsArray() ?? []).OfType<JsonObject>().Select(r => ToReview(r, brand)).ToList();
                page = body["nextPageToken"]?.GetValue<string>();
            }
            while (!string.IsNullOrEmpty(page));
        }
    }

    private static PolledReview ToReview(JsonObject review, string brand)
    {
        var name = review["name"]?.GetValue<string>() ?? "";
        var text = review["comment"]?.GetValue<string>()?.Trim();
        // Google appends a machine translation after "(Translated by Google)"; the original comes first.
        if (text?.IndexOf("(Translated by Google)", StringComparison.Ordinal) is > 0 and var cut) text = text[..cut].Trim();
        if (!IsReviewName(name) || string.IsNullOrWhiteSpace(text)) return new PolledReview(name, null);
        var reviewer = review["reviewer"];
        var anonymous = reviewer?["isAnonymous"]?.GetValue<bool>() == true;
        var displayName = anonymous ? null : reviewer?["displayName"]?.GetValue<string>();
        return new PolledReview(name, new FeedbackItemDto
        {
            Kind = "review", Source = Source, Channel = "reviews", Brand = brand, ExternalId = name, Text = text,
            Rating = review["starRating"]?.GetValue<string>() is { } stars && Stars.TryGetValue(stars, out var r) ? r : null,
            Author = string.IsNullOrWhiteSpace(displayName) ? null : new AuthorDto(null, displayName.Trim(), null, null),
            CreatedAt = review["createTime"]?.GetValue<DateTimeOffset>(),
        });
    }

    public async Task<DeliveryResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken)
    {
        if (!IsReviewName(reply.ExternalId)) return DeliveryResult.Fail($"google business profile: '{reply.ExternalId}' is not a review name");
        var settings = GoogleBusinessSettings.For(configuration, reply.Brand);
        var text = FitBytes(PublicReply.Truncate(PublicReply.Scrub(reply.Text), MaxLength));
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"{Base(settings)}/v4/{reply.ExternalId}/reply")
            {
                Content = JsonContent.Create(new JsonObject { ["comment"] = text }),
            };
            request.Headers.Authorization = PlatformTokens.Bearer(await tokens.GoogleAsync(settings.Credentials, Scope, cancellationToken));
            using var response = await tokens.SendAsync("Google Business Profile", request, cancellationToken);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            var at = body?["updateTime"]?.GetValue<DateTimeOffset>() ?? PlatformResponses.AcknowledgedAt(response, time);
            return DeliveryResult.Sent(new DeliveryReceipt(Name, reply.ExternalId + "/reply", at));
        }
        catch (PlatformException e) when (e.Transient) { return DeliveryResult.Retry(e.Message, e.RetryAfter); }
        catch (PlatformException e) { return DeliveryResult.Fail(e.Message); }
    }

    /// <summary>The text within 4096 bytes of UTF-8 (a longer Latin text may pass the character limit and not this one).</summary>
    private static string FitBytes(string text) => Encoding.UTF8.GetByteCount(text) <= MaxBytes ? text : PublicReply.Truncate(text, MaxBytes / 4);

    private static string Base(GoogleBusinessSettings settings) => (settings.ApiBaseUrl ?? DefaultApiBaseUrl).TrimEnd('/');
}
