using System.Security.Cryptography;
using System.Text;

namespace Listening.Core.Channels.Signatures;

/// <summary>
/// HMAC primitives shared by the signature schemes. Every comparison is over bytes, in constant time,
/// so a caller cannot learn how many leading bytes of a forged signature were right.
/// </summary>
internal static class Mac
{
    public static byte[] Sha256(byte[] key, ReadOnlySpan<byte> data) => HMACSHA256.HashData(key, data);

    public static byte[] Sha1(byte[] key, ReadOnlySpan<byte> data) => HMACSHA1.HashData(key, data);

    public static byte[] Sha512(byte[] key, ReadOnlySpan<byte> data) => HMACSHA512.HashData(key, data);

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Constant-time equality of an expected MAC and a presented base64 text.</summary>
    public static bool EqualsBase64(ReadOnlySpan<byte> expected, string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        Span<byte> buffer = stackalloc byte[128];
        if (!Convert.TryFromBase64String(presented.Trim(), buffer, out var written)) return false;
        return CryptographicOperations.FixedTimeEquals(expected, buffer[..written]);
    }

    /// <summary>Constant-time equality of an expected MAC and a presented hex text (either case).</summary>
    public static bool EqualsHex(ReadOnlySpan<byte> expected, string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return false;
        presented = presented.Trim();
        if (presented.Length != expected.Length * 2) return false;
        byte[] bytes;
        try { bytes = Convert.FromHexString(presented); }
        catch (FormatException) { return false; }
        return CryptographicOperations.FixedTimeEquals(expected, bytes);
    }

    /// <summary>The body bytes prefixed with an ASCII header, without copying the body twice.</summary>
    public static byte[] Concat(string prefix, ReadOnlySpan<byte> body)
    {
        var head = Encoding.UTF8.GetBytes(prefix);
        var all = new byte[head.Length + body.Length];
        head.CopyTo(all, 0);
        body.CopyTo(all.AsSpan(head.Length));
        return all;
    }
}
