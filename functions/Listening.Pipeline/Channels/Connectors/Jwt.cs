using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Listening.Channels.Connectors;

/// <summary>
/// Compact JWS (RFC 7515) signing for the two token schemes the connectors use: RS256 for a Google service account's
/// assertion (RFC 7523 JWT bearer grant) and ES256 for the App Store Connect API token (P-256, the signature as the
/// 64-byte r‖s of RFC 7518 §3.4 — what .NET's ECDsa produces by default).
/// </summary>
public static class Jwt
{
    public static string SignRs256(JsonObject claims, string privateKeyPem, string? keyId = null)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        return Sign(Header("RS256", keyId), claims, data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static string SignEs256(JsonObject claims, string privateKeyPem, string keyId)
    {
        using var ec = ECDsa.Create();
        ec.ImportFromPem(privateKeyPem);
        return Sign(Header("ES256", keyId), claims, data => ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    private static JsonObject Header(string alg, string? keyId)
    {
        var header = new JsonObject { ["alg"] = alg };
        if (keyId is not null) header["kid"] = keyId;
        header["typ"] = "JWT";
        return header;
    }

    private static string Sign(JsonObject header, JsonObject claims, Func<byte[], byte[]> sign)
    {
        var signingInput = $"{Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()))}";
        return $"{signingInput}.{Base64Url(sign(Encoding.ASCII.GetBytes(signingInput)))}";
    }

    public static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }

    /// <summary>The header and claims of a compact JWS (no verification: for the tests' stand-ins, which verify separately).</summary>
    public static (JsonObject Header, JsonObject Claims, byte[] SigningInput, byte[] Signature) Read(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3) throw new FormatException("a JWS has three parts");
        return (JsonNode.Parse(FromBase64Url(parts[0]))!.AsObject(), JsonNode.Parse(FromBase64Url(parts[1]))!.AsObject(),
            Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]));
    }

    public static JsonSerializerOptions Json => Pipeline.ListeningJson.Options;
}
