using System.Security.Cryptography;
using System.Text;

namespace Listening.Core.Feedback;

/// <summary>
/// HMAC-SHA256 under one key, as lower-case hex of the digest's first bytes: what item ids, author ids and the identity,
/// tombstone and spam-history keys are made of. Keyed once per thread and reset after each use: HMACSHA256.HashData sets
/// the key up afresh on every call, about three times the cost of the hash itself, and every item derives several of
/// these (bench/README.md, round 9).
/// </summary>
public sealed class KeyedHash
{
    private readonly ThreadLocal<IncrementalHash> hmac;

    public KeyedHash(byte[] key)
    {
        var copy = key.ToArray();
        hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, copy));
    }

    /// <summary>The first <paramref name="bytes"/> (at most 32) of the HMAC of <paramref name="value"/>'s UTF-8, as hex.</summary>
    public string Hex(string value, int bytes)
    {
        Span<byte> digest = stackalloc byte[32];
        var mac = hmac.Value!;
        mac.AppendData(Encoding.UTF8.GetBytes(value));
        mac.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest[..bytes]);
    }
}
