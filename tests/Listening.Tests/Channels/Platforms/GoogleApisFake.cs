using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Listening.Channels.Connectors;

namespace Listening.Tests.Channels.Platforms;

/// <summary>
/// A stand-in for Google's OAuth 2.0 token endpoint and two Google APIs on loopback — not Google itself. Documented wire
/// formats only:
/// <list type="bullet">
/// <item><c>POST /token</c> (form): <c>grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer</c> with an RS256
/// <c>assertion</c> whose signature is checked against the service account's public key and whose claims must name
/// the account (<c>iss</c>), this endpoint (<c>aud</c>), the scope and a future <c>exp</c>; or
/// <c>grant_type=refresh_token</c> with the client id, secret and refresh token. Answers
/// <c>{"access_token", "expires_in", "token_type": "Bearer"}</c> or <c>{"error", "error_description"}</c>.</item>
/// <item>Android Publisher v3: <c>GET /androidpublisher/v3/applications/{package}/reviews</c> (<c>maxResults</c>,
/// <c>token</c>; answers <c>reviews[]</c> with <c>reviewId</c>, <c>authorName</c>, <c>comments[].userComment</c> /
/// <c>developerComment</c>, and <c>tokenPagination.nextPageToken</c>) and <c>POST …/reviews/{id}:reply</c>
/// (<c>replyText</c>; replies over 350 characters refused; answers <c>result.replyText</c> and <c>result.lastEdited</c>).</item>
/// <item>Business Profile v4: <c>GET /v4/accounts/{a}/locations/{l}/reviews</c> (<c>pageSize</c>, <c>pageToken</c>;
/// answers <c>reviews[]</c> with <c>name</c>, <c>reviewId</c>, <c>reviewer</c>, <c>starRating</c>, <c>comment</c>,
/// <c>createTime</c>, <c>updateTime</c>, <c>reviewReply</c>, and <c>nextPageToken</c>) and <c>PUT …/reviews/{r}/reply</c>
/// (<c>comment</c> up to 4096 bytes; answers the ReviewReply with <c>updateTime</c>).</item>
/// </list>
/// Errors are Google's JSON error object <c>{"error": {"code", "message", "status"}}</c>. Not implemented: reviews.get,
/// translations, deleteReply, batch APIs, the many other resources.
/// </summary>
public sealed class GoogleApisFake : LoopbackPlatform
{
    public const string Account = "listening-test@acme-play.iam.gserviceaccount.com";
    public const string ClientId = "1234-client.apps.googleusercontent.com", ClientSecret = "client-secret", RefreshToken = "1//refresh-token";
    private readonly RSA key = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, string> tokens = new();
    public ConcurrentDictionary<string, JsonObject> PlayReviews { get; } = new();
    public ConcurrentDictionary<string, JsonObject> PlaceReviews { get; } = new();

    public string PrivateKeyPem => key.ExportPkcs8PrivateKeyPem();

    /// <summary>A service account key file as Google Cloud issues it, pointing at this fake's token endpoint.</summary>
    public string ServiceAccountJson => new JsonObject
    {
        ["type"] = "service_account", ["project_id"] = "acme-play", ["private_key_id"] = "k1", ["private_key"] = PrivateKeyPem,
        ["client_email"] = Account, ["client_id"] = "1029384756", ["token_uri"] = BaseUrl + "/token",
    }.ToJsonString();

    public static async Task<GoogleApisFake> StartAsync()
    {
        var fake = new GoogleApisFake();
        await fake.ListenAsync();
        return fake;
    }

    public void AddPlayReview(string package, string id, string author, string text, int stars, DateTimeOffset modified, string language = "ru")
    {
        PlayReviews[$"{package}/{id}"] = new JsonObject
        {
            ["reviewId"] = id, ["authorName"] = author,
            ["comments"] = new JsonArray(new JsonObject
            {
                ["userComment"] = new JsonObject
                {
                    ["text"] = text, ["lastModified"] = new JsonObject { ["seconds"] = modified.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ["nanos"] = 0 },
                    ["starRating"] = stars, ["reviewerLanguage"] = language, ["device"] = "a52", ["androidOsVersion"] = 33, ["appVersionCode"] = 412, ["appVersionName"] = "4.12.0",
                },
            }),
        };
    }

    public void AddPlaceReview(string location, string id, string? reviewer, string? comment, string stars, DateTimeOffset created)
    {
        var review = new JsonObject
        {
            ["name"] = $"{location}/reviews/{id}", ["reviewId"] = id,
            ["reviewer"] = reviewer is null ? new JsonObject { ["isAnonymous"] = true } : new JsonObject { ["displayName"] = reviewer, ["profilePhotoUrl"] = "https://lh3.example/p.jpg" },
            ["starRating"] = stars, ["createTime"] = created.ToString("O"), ["updateTime"] = created.ToString("O"),
        };
        if (comment is not null) review["comment"] = comment;
        PlaceReviews[$"{location}/reviews/{id}"] = review;
    }

    protected override (int, string) Answer(PlatformRequest request)
    {
        if (request.Path == "/token") return Token(request);
        if (!request.Headers.TryGetValue("Authorization", out var auth) || !auth.StartsWith("Bearer ", StringComparison.Ordinal) || !tokens.ContainsKey(auth[7..]))
            return (401, Error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token.", "UNAUTHENTICATED"));
        var scope = tokens[auth[7..]];
        var path = request.Path;
        if (path.StartsWith("/androidpublisher/v3/applications/", StringComparison.Ordinal))
        {
            if (!scope.Contains("androidpublisher", StringComparison.Ordinal)) return (403, Error(403, "Request had insufficient authentication scopes.", "PERMISSION_DENIED"));
            var rest = path["/androidpublisher/v3/applications/".Length..].Split('/');
            if (rest is [var package, "reviews"] && request.Method == "GET") return Page(PlayReviews.Where(r => r.Key.StartsWith(package + "/", StringComparison.Ordinal))
                .Select(r => r.Value).OrderByDescending(PlayModified).ToList(), request, "maxResults", "token", "reviews", next => new JsonObject { ["tokenPagination"] = new JsonObject { ["nextPageToken"] = next } });
            if (rest is [var p, "reviews", var idReply] && idReply.EndsWith(":reply", StringComparison.Ordinal) && request.Method == "POST")
            {
                if (!PlayReviews.TryGetValue($"{p}/{idReply[..^6]}", out var review)) return (404, Error(404, "No review found.", "NOT_FOUND"));
                var text = request.Json?["replyText"]?.GetValue<string>() ?? "";
                if (text.Length is 0 or > 350) return (400, Error(400, "Reply text must be 1 to 350 characters.", "INVALID_ARGUMENT"));
                var edited = new JsonObject { ["seconds"] = Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ["nanos"] = 0 };
                lock (review)
                {
                    var comments = review["comments"]!.AsArray();
                    foreach (var old in comments.Where(c => c?["developerComment"] is not null).ToList()) comments.Remove(old);
                    comments.Add(new JsonObject { ["developerComment"] = new JsonObject { ["text"] = text, ["lastModified"] = edited.DeepClone() } });
                }
                return (200, new JsonObject { ["result"] = new JsonObject { ["replyText"] = text, ["lastEdited"] = edited } }.ToJsonString());
            }
        }
        if (path.StartsWith("/v4/accounts/", StringComparison.Ordinal))
        {
            if (!scope.Contains("business.manage", StringComparison.Ordinal)) return (403, Error(403, "Request had insufficient authentication scopes.", "PERMISSION_DENIED"));
            if (path.EndsWith("/reviews", StringComparison.Ordinal) && request.Method == "GET")
            {
                var location = path["/v4/".Length..^"/reviews".Length];
                return Page(PlaceReviews.Where(r => r.Key.StartsWith(location + "/reviews/", StringComparison.Ordinal)).Select(r => r.Value)
                    .OrderByDescending(r => r["updateTime"]!.GetValue<string>(), StringComparer.Ordinal).ToList(), request, "pageSize", "pageToken", "reviews",
                    next => new JsonObject { ["nextPageToken"] = next });
            }
            if (path.EndsWith("/reply", StringComparison.Ordinal) && request.Method == "PUT")
            {
                if (!PlaceReviews.TryGetValue(path["/v4/".Length..^"/reply".Length], out var review)) return (404, Error(404, "Requested entity was not found.", "NOT_FOUND"));
                var comment = request.Json?["comment"]?.GetValue<string>() ?? "";
                if (comment.Length == 0 || Encoding.UTF8.GetByteCount(comment) > 4096) return (400, Error(400, "Request contains an invalid argument.", "INVALID_ARGUMENT"));
                var reply = new JsonObject { ["comment"] = comment, ["updateTime"] = Clock.GetUtcNow().ToString("O") };
                lock (review) review["reviewReply"] = reply.DeepClone();
                return (200, reply.ToJsonString());
            }
        }
        return (404, Error(404, "Not found", "NOT_FOUND"));
    }

    private static string PlayModified(JsonObject review) =>
        review["comments"]![0]!["userComment"]!["lastModified"]!["seconds"]!.ToString().PadLeft(20, '0');

    /// <summary>One page of <paramref name="all"/> (newest first), with the next page's token when there is more.</summary>
    private static (int, string) Page(List<JsonObject> all, PlatformRequest request, string sizeParam, string tokenParam, string listName, Func<string, JsonObject> next)
    {
        var size = int.TryParse(request.Param(sizeParam), out var s) ? Math.Clamp(s, 1, 100) : 10;
        var start = int.TryParse(request.Param(tokenParam)?.TrimStart('p'), out var t) ? t : 0;
        var page = all.Skip(start).Take(size).Select(r => r.DeepClone()).ToArray();
        var body = new JsonObject { [listName] = new JsonArray(page) };
        if (start + size < all.Count) foreach (var (k, v) in next($"p{start + size}")) body[k] = v?.DeepClone();
        return (200, body.ToJsonString());
    }

    private (int, string) Token(PlatformRequest request)
    {
        var grant = request.Param("grant_type");
        string scope;
        if (grant == "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            var (_, claims, input, signature) = Jwt.Read(request.Param("assertion") ?? "");
            if (!key.VerifyData(input, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)) return (400, OAuthError("invalid_grant", "Invalid JWT Signature."));
            if (claims["iss"]?.GetValue<string>() != Account) return (400, OAuthError("invalid_grant", "Invalid issuer."));
            if (claims["aud"]?.GetValue<string>() != BaseUrl + "/token") return (400, OAuthError("invalid_grant", "Invalid JWT: Token must be a short-lived token and in a reasonable timeframe."));
            if (claims["exp"]?.GetValue<long>() is not { } exp || exp < Clock.GetUtcNow().ToUnixTimeSeconds()) return (400, OAuthError("invalid_grant", "Invalid JWT: expired."));
            scope = claims["scope"]?.GetValue<string>() ?? "";
        }
        else if (grant == "refresh_token")
        {
            if (request.Param("client_id") != ClientId || request.Param("client_secret") != ClientSecret) return (401, OAuthError("invalid_client", "Unauthorized"));
            if (request.Param("refresh_token") != RefreshToken) return (400, OAuthError("invalid_grant", "Token has been expired or revoked."));
            scope = "https://www.googleapis.com/auth/business.manage";
        }
        else return (400, OAuthError("unsupported_grant_type", "Invalid grant_type: " + grant));
        var token = "ya29.test-" + Guid.NewGuid().ToString("N");
        tokens[token] = scope;
        return (200, new JsonObject { ["access_token"] = token, ["expires_in"] = 3599, ["token_type"] = "Bearer" }.ToJsonString());
    }

    private static string OAuthError(string error, string description) => new JsonObject { ["error"] = error, ["error_description"] = description }.ToJsonString();

    public static string Error(int code, string message, string status) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } }.ToJsonString();
}
