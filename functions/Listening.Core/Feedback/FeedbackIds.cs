using System.Security.Cryptography;
using System.Text;

namespace Listening.Core.Feedback;

/// <summary>
/// Deterministic, <b>unkeyed</b> item ids for what the pipeline never takes from a client: offline files
/// (<c>listening report --in</c> on items without ids) and tests that build items by hand. Anyone can compute these from
/// public values, so ingest never uses them: every item a sender hands in gets its ids from <see cref="FeedbackIdKey"/>
/// (keyed, per deployment).
/// </summary>
public static class FeedbackIds
{
    public static string Derive(string source, string? externalId, string brand, string text)
    {
        var key = string.IsNullOrWhiteSpace(externalId)
            ? $"content\n{source.ToLowerInvariant()}\n{brand.ToLowerInvariant()}\n{text.Trim()}"
            : $"external\n{source.ToLowerInvariant()}\n{externalId.Trim()}";
        return $"{source.ToLowerInvariant()}-{Hash(key)}";
    }

    /// <summary>Author id from the source and handle when the sender gave none.</summary>
    public static string DeriveAuthorId(string source, string handleOrEmail) =>
        $"{source.ToLowerInvariant()}-{Hash("author\n" + source.ToLowerInvariant() + "\n" + handleOrEmail.Trim().ToLowerInvariant())}";

    private static string Hash(string key)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return Convert.ToHexStringLower(digest[..12]);
    }
}
