using System.Security.Cryptography;
using System.Text;
using Listening.Core.Channels.Signatures;

namespace Listening.Channels.Connectors;

/// <summary>
/// Platforms that authenticate their callbacks with a shared secret sent as is rather than a signature: Telegram's
/// <c>X-Telegram-Bot-Api-Secret-Token</c> header, VK's <c>secret</c> field. Compared over bytes in constant time;
/// no configured secret refuses everything.
/// </summary>
public static class SharedSecret
{
    public static SignatureCheck Verify(string? configured, string? presented)
    {
        if (string.IsNullOrEmpty(configured) || string.IsNullOrEmpty(presented)) return SignatureCheck.Missing;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(configured), Encoding.UTF8.GetBytes(presented))
            ? SignatureCheck.Valid : SignatureCheck.Invalid;
    }
}
