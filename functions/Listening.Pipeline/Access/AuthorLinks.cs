using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Listening.Access;

/// <summary>Configuration section <c>Listening:Access:AuthorLinks</c>.</summary>
public sealed class AuthorLinkOptions
{
    public const string Section = "Listening:Access:AuthorLinks";

    /// <summary>How long a points link in a thank-you stays valid.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The public address of this service (<c>https://listening.example.com</c>); when set, a thank-you carries the
    /// author's whole points link (<c>{PublicBaseUrl}/api/authors/{id}/points?token=…</c>), else only the token.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>
/// Proof of being an author without an account: a token <c>v1.{expiry}.{HMAC-SHA256(key, "points\n{authorId}\n{expiry}")}</c>
/// (base64url), issued in the author's thank-you message. <c>GET /api/authors/{id}/points?token=…</c> answers the author's
/// own points with it; without it only a key with the read-points role does. An author id alone proves nothing.
/// </summary>
public sealed class AuthorLinks(ListeningKeys keys, IOptions<AuthorLinkOptions> options, TimeProvider time)
{
    public string Token(string authorId)
    {
        var expiry = (time.GetUtcNow() + options.Value.Lifetime).ToUnixTimeSeconds();
        return $"v1.{expiry}.{Sign(authorId, expiry)}";
    }

    public string? PointsUrl(string authorId) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null
            : $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/authors/{Uri.EscapeDataString(authorId)}/points?token={Token(authorId)}";

    /// <summary>True for an unexpired token issued for <paramref name="authorId"/> (compared in constant time).</summary>
    public bool Verify(string authorId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200) return false;
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != "v1" || !long.TryParse(parts[1], out var expiry)) return false;
        if (DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(expiry, 0, 253402300799)) < time.GetUtcNow()) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(authorId, expiry));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2]));
    }

    private string Sign(string authorId, long expiry)
    {
        var mac = HMACSHA256.HashData(keys.AuthorLinks, Encoding.UTF8.GetBytes($"points\n{authorId}\n{expiry}"));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

public static class AuthorLinksServiceCollectionExtensions
{
    public static IServiceCollection AddAuthorLinks(this IServiceCollection services)
    {
        services.AddOptions<AuthorLinkOptions>().BindConfiguration(AuthorLinkOptions.Section);
        services.TryAddSingleton<AuthorLinks>();
        return services;
    }
}
