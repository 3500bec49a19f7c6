namespace Listening.Core.Channels.Signatures;

/// <summary>SurveyMonkey: <c>Sm-Signature</c> = base64 HMAC-SHA1 of the raw body, key <c>"{client_id}&amp;{api_secret}"</c>.</summary>
public static class SurveyMonkeySignature
{
    public const string Header = "Sm-Signature";

    public static SignatureCheck Verify(ReadOnlySpan<byte> body, string? clientId, string? apiSecret, string? header)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(apiSecret) || string.IsNullOrWhiteSpace(header))
            return SignatureCheck.Missing;
        var expected = Mac.Sha1(Key(clientId, apiSecret), body);
        return Mac.EqualsBase64(expected, header) ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }

    public static string Sign(ReadOnlySpan<byte> body, string clientId, string apiSecret) =>
        Convert.ToBase64String(Mac.Sha1(Key(clientId, apiSecret), body));

    private static byte[] Key(string clientId, string apiSecret) => Mac.Utf8($"{clientId}&{apiSecret}");
}
