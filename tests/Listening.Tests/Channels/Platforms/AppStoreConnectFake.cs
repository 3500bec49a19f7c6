using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Listening.Channels.Connectors;

namespace Listening.Tests.Channels.Platforms;

/// <summary>
/// A stand-in for the App Store Connect API on loopback — not Apple's service. Documented wire format: every request
/// carries <c>Authorization: Bearer</c> an ES256 JWT (header <c>alg</c> ES256, <c>kid</c> = the key id; claims
/// <c>iss</c> = issuer id, <c>aud</c> = <c>appstoreconnect-v1</c>, <c>exp</c> no more than 20 minutes after <c>iat</c>),
/// verified here with the key's public half; <c>GET /v1/apps/{id}/customerReviews</c> (<c>sort=-createdDate</c>,
/// <c>limit</c>, <c>cursor</c>; JSON:API <c>data[]</c> of <c>customerReviews</c> with <c>rating</c>, <c>title</c>,
/// <c>body</c>, <c>reviewerNickname</c>, <c>createdDate</c>, <c>territory</c>; <c>links.next</c>) and
/// <c>POST /v1/customerReviewResponses</c> (create or replace the one response of a review; 201 with
/// <c>responseBody</c>, <c>lastModifiedDate</c>, <c>state</c>). Errors are JSON:API <c>errors[]</c>. Not implemented:
/// filters, includes, deletion, the rest of the API.
/// </summary>
public sealed class AppStoreConnectFake : LoopbackPlatform
{
    public const string IssuerId = "57246542-96fe-1a63-e053-0824d011072a", KeyId = "2X9R4HXF34", AppId = "1234567890";
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    public ConcurrentDictionary<string, JsonObject> Reviews { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Responses { get; } = new();

    public string PrivateKeyPem => key.ExportPkcs8PrivateKeyPem();

    public static async Task<AppStoreConnectFake> StartAsync()
    {
        var fake = new AppStoreConnectFake();
        await fake.ListenAsync();
        return fake;
    }

    public void AddReview(string id, string nickname, string title, string body, int rating, DateTimeOffset created) =>
        Reviews[id] = new JsonObject
        {
            ["type"] = "customerReviews", ["id"] = id,
            ["attributes"] = new JsonObject
            {
                ["rating"] = rating, ["title"] = title, ["body"] = body, ["reviewerNickname"] = nickname, ["createdDate"] = created.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz"), ["territory"] = "RUS",
            },
            ["links"] = new JsonObject { ["self"] = $"https://api.appstoreconnect.apple.com/v1/customerReviews/{id}" },
        };

    protected override (int, string) Answer(PlatformRequest request)
    {
        if (Unauthorized(request) is { } why) return (401, Error(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.", why));
        var path = request.Path;
        if (request.Method == "GET" && path == $"/v1/apps/{AppId}/customerReviews")
        {
            var limit = int.TryParse(request.Param("limit"), out var l) ? Math.Clamp(l, 1, 200) : 50;
            var start = int.TryParse(request.Param("cursor"), out var c) ? c : 0;
            var sorted = Reviews.Values.OrderByDescending(r => r["attributes"]!["createdDate"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
            var links = new JsonObject { ["self"] = BaseUrl + path };
            if (start + limit < sorted.Count) links["next"] = $"{BaseUrl}{path}?sort=-createdDate&limit={limit}&cursor={start + limit}";
            return (200, new JsonObject
            {
                ["data"] = new JsonArray(sorted.Skip(start).Take(limit).Select(r => r.DeepClone()).ToArray()),
                ["links"] = links, ["meta"] = new JsonObject { ["paging"] = new JsonObject { ["total"] = sorted.Count, ["limit"] = limit } },
            }.ToJsonString());
        }
        if (request.Method == "POST" && path == "/v1/customerReviewResponses")
        {
            var data = request.Json?["data"];
            var reviewId = data?["relationships"]?["review"]?["data"]?["id"]?.GetValue<string>();
            var body = data?["attributes"]?["responseBody"]?.GetValue<string>();
            if (data?["type"]?.GetValue<string>() != "customerReviewResponses" || reviewId is null || string.IsNullOrEmpty(body))
                return (422, Error(422, "ENTITY_ERROR.ATTRIBUTE.REQUIRED", "The provided entity is missing a required field", "responseBody and the review relationship are required"));
            if (!Reviews.ContainsKey(reviewId)) return (404, Error(404, "NOT_FOUND", "The specified resource does not exist", $"There is no resource of type 'customerReviews' with id '{reviewId}'"));
            var response = new JsonObject
            {
                ["type"] = "customerReviewResponses", ["id"] = "r-" + reviewId,
                ["attributes"] = new JsonObject { ["responseBody"] = body, ["lastModifiedDate"] = Clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz"), ["state"] = "PENDING_PUBLISH" },
                ["relationships"] = new JsonObject { ["review"] = new JsonObject { ["data"] = new JsonObject { ["type"] = "customerReviews", ["id"] = reviewId } } },
            };
            Responses[reviewId] = response; // one per review: a second POST replaces it
            return (201, new JsonObject { ["data"] = response.DeepClone(), ["links"] = new JsonObject { ["self"] = $"{BaseUrl}/v1/customerReviewResponses/r-{reviewId}" } }.ToJsonString());
        }
        return (404, Error(404, "NOT_FOUND", "The specified resource does not exist", $"The path provided does not match a defined resource type: {path}"));
    }

    private string? Unauthorized(PlatformRequest request)
    {
        if (!request.Headers.TryGetValue("Authorization", out var auth) || !auth.StartsWith("Bearer ", StringComparison.Ordinal)) return "no bearer token";
        try
        {
            var (header, claims, input, signature) = Jwt.Read(auth[7..]);
            if (header["alg"]?.GetValue<string>() != "ES256" || header["kid"]?.GetValue<string>() != KeyId) return "wrong alg or kid";
            if (!key.VerifyData(input, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation)) return "bad signature";
            if (claims["iss"]?.GetValue<string>() != IssuerId || claims["aud"]?.GetValue<string>() != "appstoreconnect-v1") return "wrong iss or aud";
            var (iat, exp) = (claims["iat"]!.GetValue<long>(), claims["exp"]!.GetValue<long>());
            if (exp - iat > 20 * 60 || exp < Clock.GetUtcNow().ToUnixTimeSeconds()) return "expired or longer than 20 minutes";
            return null;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or NullReferenceException or InvalidOperationException) { return "not a JWT"; }
    }

    public static string Error(int status, string code, string title, string detail) =>
        new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(), ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture), ["code"] = code, ["title"] = title, ["detail"] = detail,
            }),
        }.ToJsonString();
}
