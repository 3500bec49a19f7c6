using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Listening.Channels.Connectors;

/// <summary>A platform call could not be made or was refused: <see cref="Transient"/> (retry later, after <see cref="RetryAfter"/>) or not.</summary>
public sealed class PlatformException(string message, bool transient, TimeSpan? retryAfter = null) : Exception(message)
{
    public bool Transient { get; } = transient;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>How a brand's connector authenticates to Google (Google Play, Business Profile) — one of two ways.</summary>
public sealed class GoogleCredentials
{
    /// <summary>A service account's JSON key file, whole (<c>client_email</c>, <c>private_key</c>, <c>token_uri</c>): Google Play.</summary>
    public string? ServiceAccountJson { get; set; }
    /// <summary>An OAuth client and a refresh token of a user who manages the business: Business Profile.</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? RefreshToken { get; set; }
    /// <summary>Default: the key file's <c>token_uri</c>, else <c>https://oauth2.googleapis.com/token</c>.</summary>
    public string? TokenUrl { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(ServiceAccountJson) || !string.IsNullOrWhiteSpace(RefreshToken);
}

/// <summary>
/// Access tokens for the platform APIs, cached until a minute before they expire: Google OAuth 2.0 (a service account's
/// RS256 assertion, RFC 7523 <c>urn:ietf:params:oauth:grant-type:jwt-bearer</c>; or a refresh token) and App Store
/// Connect (an ES256 JWT we sign ourselves: <c>kid</c> = key id, <c>iss</c> = issuer id, <c>aud</c> = appstoreconnect-v1,
/// 20 minutes at most).
/// </summary>
public sealed class PlatformTokens(IHttpClientFactory http, TimeProvider time)
{
    public const string GoogleTokenUrl = "https://oauth2.googleapis.com/token";
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> cache = new();

    public async Task<string> GoogleAsync(GoogleCredentials credentials, string scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = $"google|{credentials.ServiceAccountJson?.GetHashCode()}|{credentials.RefreshToken?.GetHashCode()}|{scope}";
        if (cache.TryGetValue(key, out var cached) && cached.Expires > now) return cached.Token;

        Dictionary<string, string> form;
        string tokenUrl;
        if (!string.IsNullOrWhiteSpace(credentials.ServiceAccountJson))
        {
            JsonNode account;
            try { account = JsonNode.Parse(credentials.ServiceAccountJson)!; }
            catch (JsonException e) { throw new PlatformException($"the service account key is not JSON: {e.Message}", transient: false); }
            var email = account["client_email"]?.GetValue<string>() ?? throw new PlatformException("the service account key has no client_email", false);
            var pem = account["private_key"]?.GetValue<string>() ?? throw new PlatformException("the service account key has no private_key", false);
            tokenUrl = credentials.TokenUrl ?? account["token_uri"]?.GetValue<string>() ?? GoogleTokenUrl;
            var claims = new JsonObject
            {
                ["iss"] = email, ["scope"] = scope, ["aud"] = tokenUrl,
                ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(60).ToUnixTimeSeconds(),
            };
            string assertion;
            try { assertion = Jwt.SignRs256(claims, pem, account["private_key_id"]?.GetValue<string>()); }
            catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
            {
                throw new PlatformException($"the service account's private key is unusable: {e.Message}", false);
            }
            form = new() { ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer", ["assertion"] = assertion };
        }
        else
        {
            tokenUrl = credentials.TokenUrl ?? GoogleTokenUrl;
            form = new()
            {
                ["grant_type"] = "refresh_token", ["refresh_token"] = credentials.RefreshToken ?? "",
                ["client_id"] = credentials.ClientId ?? "", ["client_secret"] = credentials.ClientSecret ?? "",
            };
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        using var response = await SendAsync("Google OAuth", request, cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var token = body?["access_token"]?.GetValue<string>() ?? throw new PlatformException("Google OAuth answered without an access_token", true);
        var seconds = body?["expires_in"]?.GetValue<int>() ?? 3600;
        cache[key] = (token, now.AddSeconds(Math.Max(0, seconds - 60)));
        return token;
    }

    public string AppStore(string issuerId, string keyId, string privateKeyPem)
    {
        var now = time.GetUtcNow();
        var key = $"apple|{issuerId}|{keyId}";
        if (cache.TryGetValue(key, out var cached) && cached.Expires > now) return cached.Token;
        var claims = new JsonObject
        {
            ["iss"] = issuerId, ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(20).ToUnixTimeSeconds(), ["aud"] = "appstoreconnect-v1",
        };
        string token;
        try { token = Jwt.SignEs256(claims, privateKeyPem, keyId); }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw new PlatformException($"the App Store Connect private key is unusable: {e.Message}", false);
        }
        cache[key] = (token, now.AddMinutes(15));
        return token;
    }

    /// <summary>Sends with the connectors' client; a refusal becomes a <see cref="PlatformException"/> with the platform's text.</summary>
    public async Task<HttpResponseMessage> SendAsync(string platform, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try { response = await http.CreateClient(ConnectorHttp.ClientName).SendAsync(request, cancellationToken); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new PlatformException($"{platform} unreachable: {e.GetType().Name}: {e.Message}", transient: true);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            var text = await PlatformResponses.ErrorTextAsync(response, cancellationToken);
            throw new PlatformException($"{platform} answered HTTP {(int)response.StatusCode}: {text}", PlatformResponses.Transient(response.StatusCode),
                PlatformResponses.RetryAfter(response, time));
        }
    }

    /// <summary>Forgets cached tokens (after a 401: the token was revoked or the clock moved).</summary>
    public void Forget() => cache.Clear();

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
