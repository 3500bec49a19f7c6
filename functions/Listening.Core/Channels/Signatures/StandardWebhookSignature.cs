namespace Listening.Core.Channels.Signatures;

/// <summary>
/// Standard Webhooks (Formbricks and others): <c>webhook-id</c>, <c>webhook-timestamp</c> (unix seconds),
/// <c>webhook-signature: v1,&lt;base64&gt; [v1,&lt;base64&gt; …]</c> over <c>"{id}.{timestamp}.{body}"</c>,
/// keyed with the base64 bytes after <c>whsec_</c>. Several signatures may be present while a secret rotates.
/// </summary>
public static class StandardWebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static SignatureCheck Verify(
        ReadOnlySpan<byte> body, string? secret, string? id, string? timestamp, string? signatures,
        DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(timestamp)
            || string.IsNullOrWhiteSpace(signatures))
            return SignatureCheck.Missing;
        if (!TryKey(secret, out var key)) return SignatureCheck.Invalid;
        if (!long.TryParse(timestamp.Trim(), out var unix)) return SignatureCheck.Invalid;

        var expected = Mac.Sha256(key, Mac.Concat($"{id.Trim()}.{unix}.", body));
        var matched = false;
        foreach (var part in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var comma = part.IndexOf(',');
            if (comma <= 0 || part[..comma] != "v1") continue;
            // Keep checking every candidate so the time taken does not depend on which one matched.
            matched |= Mac.EqualsBase64(expected, part[(comma + 1)..]);
        }
        if (!matched) return SignatureCheck.Invalid;

        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(unix, -62135596800L, 253402300799L));
        return age.Duration() > (tolerance ?? DefaultTolerance) ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    public static string Sign(ReadOnlySpan<byte> body, string secret, string id, long unixTimestamp)
    {
        if (!TryKey(secret, out var key)) throw new ArgumentException("secret is not whsec_<base64>", nameof(secret));
        return "v1," + Convert.ToBase64String(Mac.Sha256(key, Mac.Concat($"{id}.{unixTimestamp}.", body)));
    }

    /// <summary>The HMAC key: the base64 after <c>whsec_</c>; a secret without the prefix is taken as base64 too.</summary>
    private static bool TryKey(string secret, out byte[] key)
    {
        var text = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : secret;
        try { key = Convert.FromBase64String(text); return key.Length > 0; }
        catch (FormatException) { key = []; return false; }
    }
}
