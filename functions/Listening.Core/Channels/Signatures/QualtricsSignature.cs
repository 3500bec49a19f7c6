namespace Listening.Core.Channels.Signatures;

/// <summary>
/// Qualtrics event subscriptions post form fields <c>Topic</c>, <c>MSG</c> and <c>HMAC</c>; HMAC is the
/// hex HMAC-SHA512 of the MSG text keyed with the subscription's shared key (128 hex characters).
/// </summary>
public static class QualtricsSignature
{
    public static SignatureCheck Verify(string? msg, string? sharedKey, string? hmacHex)
    {
        if (string.IsNullOrEmpty(sharedKey) || string.IsNullOrWhiteSpace(hmacHex) || msg is null) return SignatureCheck.Missing;
        var expected = Mac.Sha512(Mac.Utf8(sharedKey), Mac.Utf8(msg));
        return Mac.EqualsHex(expected, hmacHex) ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }

    public static string Sign(string msg, string sharedKey) =>
        Convert.ToHexStringLower(Mac.Sha512(Mac.Utf8(sharedKey), Mac.Utf8(msg)));
}
