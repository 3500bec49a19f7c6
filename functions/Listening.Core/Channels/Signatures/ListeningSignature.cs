using System.Globalization;

namespace Listening.Core.Channels.Signatures;

/// <summary>
/// Our own scheme, for the Google Forms Apps Script and the generic JSON webhook:
/// <c>X-Listening-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256(secret, "{t}.{raw body}")&gt;</c>.
/// The timestamp is signed, so a captured request cannot be replayed after the tolerance
/// (and within it, the deterministic item id makes a replay a no-op).
/// </summary>
public static class ListeningSignature
{
    public const string Header = "X-Listening-Signature";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static SignatureCheck Verify(ReadOnlySpan<byte> body, string? secret, string? header, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(header)) return SignatureCheck.Missing;
        long? t = null;
        var candidates = new List<string>(1);
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var (name, value) = (part[..eq], part[(eq + 1)..]);
            if (name == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) t = parsed;
            else if (name == "v1") candidates.Add(value);
        }
        if (t is null || candidates.Count == 0) return SignatureCheck.Invalid;

        var expected = Mac.Sha256(Mac.Utf8(secret), Mac.Concat($"{t}.", body));
        var matched = false;
        foreach (var candidate in candidates) matched |= Mac.EqualsHex(expected, candidate);
        if (!matched) return SignatureCheck.Invalid;

        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(t.Value, 0L, 253402300799L));
        return age.Duration() > (tolerance ?? DefaultTolerance) ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    public static string Sign(ReadOnlySpan<byte> body, string secret, long unixTimestamp) =>
        $"t={unixTimestamp},v1={Convert.ToHexStringLower(Mac.Sha256(Mac.Utf8(secret), Mac.Concat($"{unixTimestamp}.", body)))}";
}
