namespace Listening.Core.Channels.Signatures;

/// <summary>Typeform: <c>Typeform-Signature: sha256=&lt;base64 HMAC-SHA256(secret, raw body)&gt;</c>.</summary>
public static class TypeformSignature
{
    public const string Header = "Typeform-Signature";
    private const string Prefix = "sha256=";

    public static SignatureCheck Verify(ReadOnlySpan<byte> body, string? secret, string? header)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrWhiteSpace(header)) return SignatureCheck.Missing;
        header = header.Trim();
        if (!header.StartsWith(Prefix, StringComparison.Ordinal)) return SignatureCheck.Invalid;
        var expected = Mac.Sha256(Mac.Utf8(secret), body);
        return Mac.EqualsBase64(expected, header[Prefix.Length..]) ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToBase64String(Mac.Sha256(Mac.Utf8(secret), body));
}
