using System.Security.Cryptography;
using System.Text;
using Listening.Core.Feedback;

namespace Listening.Access;

/// <summary>Configuration section <c>Listening:Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Listening:Security";

    /// <summary>
    /// The deployment's secret, base64 of at least 32 random bytes (<c>openssl rand -base64 32</c>). Item and author ids,
    /// the erasure tombstones and the authors' signed points links are keyed hashes under keys derived from it, so it must
    /// stay the same for the life of the data (a new key gives every item a new id). On Azure it comes from Key Vault
    /// (<c>Listening__Security__Key</c>, secret <c>listening-key</c>); the local shape creates one in its data dir when
    /// none is configured.
    /// </summary>
    public string? Key { get; set; }
}

/// <summary>
/// The deployment's secrets for everything that must not be computable from public values: <see cref="Ids"/> (item and
/// author ids), <see cref="KeyOf(PersonalIdentifier)"/> (the erasure tombstones and the identity index: an e-mail is
/// stored as an HMAC, never in clear, so a tombstone does not keep what it erased), <see cref="SpamKey"/> (the ingest spam
/// history's per-author document) and <see cref="AuthorLinks"/> (signed points links). Each is its own key, derived from
/// the one configured secret with HMAC-SHA256 over a label, so one purpose's values say nothing about another's.
/// </summary>
public sealed class ListeningKeys
{
    public const string KeyFileName = "listening.key";

    private readonly KeyedHash identities;
    private readonly KeyedHash spam;

    public ListeningKeys(byte[] secret)
    {
        if (secret.Length < 32) throw new InvalidOperationException($"{SecurityOptions.Section}:Key must be at least 32 bytes (base64); got {secret.Length}");
        Ids = new FeedbackIdKey(Derive(secret, "item-ids"));
        identities = new KeyedHash(Derive(secret, "identities"));
        spam = new KeyedHash(Derive(secret, "spam-history"));
        AuthorLinks = Derive(secret, "author-links");
    }

    public FeedbackIdKey Ids { get; }

    /// <summary>The key of the signed links that let an author read their own points (<see cref="AuthorLinks"/>).</summary>
    public byte[] AuthorLinks { get; }

    /// <summary>The tombstone / identity-index key of one identifier: hex HMAC of its canonical form.</summary>
    public string KeyOf(PersonalIdentifier identifier) => Hex(identities, identifier.Canonical);

    /// <summary>The tombstone of one item whose author was erased (no identifier's canonical form starts with <c>item:</c>).</summary>
    public string ItemKey(string itemId) => Hex(identities, "item:" + itemId);

    /// <summary>The tombstone key and spam-history document key of an ingest spam-check author key (handle, e-mail or id).</summary>
    public string SpamKey(string spamAuthorKey) => Hex(spam, spamAuthorKey);

    private static string Hex(KeyedHash key, string value) => key.Hex(value, 20);

    private static byte[] Derive(byte[] secret, string label) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("listening/" + label));

    /// <summary>
    /// The configured secret (<see cref="SecurityOptions.Key"/>); without one, the local shape's: <c>listening.key</c> beside
    /// its SQLite file, created once with 32 random bytes (owner read/write only). A shape without a local file (Cosmos DB)
    /// must configure it.
    /// </summary>
    public static ListeningKeys Resolve(IConfiguration configuration, string? localDataDir)
    {
        var configured = configuration[$"{SecurityOptions.Section}:{nameof(SecurityOptions.Key)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            try { return new ListeningKeys(Convert.FromBase64String(configured.Trim())); }
            catch (FormatException) { throw new InvalidOperationException($"{SecurityOptions.Section}:Key is not base64"); }
        }
        if (localDataDir is null)
            throw new InvalidOperationException($"{SecurityOptions.Section}:Key is not configured (base64 of 32 random bytes; on Azure a Key Vault reference)");
        return new ListeningKeys(LocalSecret(localDataDir));
    }

    private static byte[] LocalSecret(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, KeyFileName);
        for (var attempt = 0; ; attempt++)
        {
            if (File.Exists(path))
            {
                var text = File.ReadAllText(path).Trim();
                if (text.Length > 0) return Convert.FromBase64String(text);
            }
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var file = new FileStream(path, options);
                var secret = RandomNumberGenerator.GetBytes(32);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(secret)));
                file.Flush(flushToDisk: true);
                return secret;
            }
            catch (IOException) when (attempt < 20 && File.Exists(path)) { Thread.Sleep(10); } // another process created it: read theirs
        }
    }
}
