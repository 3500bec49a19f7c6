using System.Security.Cryptography;
using System.Text;

namespace Listening.Core.Feedback;

/// <summary>
/// Deterministic item ids: the same feedback arriving twice (webhook retry, re-import,
/// redelivery) gets the same id, which is what makes every stage idempotent.
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
