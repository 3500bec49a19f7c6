namespace Listening.Core.Feedback;

/// <summary>
/// Who is handing an item in, and so what it may say about itself. <see cref="Trusted"/>: the signed webhooks, the polled
/// sources, <c>listening import</c> and callers of <c>POST /api/feedback</c> whose key has the trusted-ingest role — they
/// name the source, the external id and the author's account id. <see cref="Open"/>: any other ingest caller — its items
/// are source <c>api</c> and live in an id namespace of their own, so they can never take the id a signed delivery will
/// get nor the author id of a person known to a trusted channel.
/// </summary>
public enum IngestTrust { Open, Trusted }

/// <summary>
/// The keyed derivation of item and author ids: HMAC-SHA256 under a secret of the deployment over the parts that make an
/// item the same item (source + external id, or source + brand + text), so ids stay deterministic — a retry, a re-import,
/// a redelivery is the same item — but cannot be computed by anyone who knows only public values (a Typeform token, a
/// handle, an e-mail address). The id is <c>{source}-{24 hex}</c>: the source is a validated name
/// (<see cref="Identifiers.IsSource"/>), the rest a hash, so an id is always a safe key and file name.
/// </summary>
public sealed class FeedbackIdKey
{
    private readonly KeyedHash hash;

    public FeedbackIdKey(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("the id key must have at least 32 bytes", nameof(key));
        hash = new KeyedHash(key);
    }

    public string ItemId(IngestTrust trust, string source, string? externalId, string brand, string text)
    {
        var name = source.ToLowerInvariant();
        var preimage = string.IsNullOrWhiteSpace(externalId)
            ? $"{Namespace(trust)}\ncontent\n{name}\n{BrandKey.Of(brand)}\n{text.Trim()}"
            : $"{Namespace(trust)}\nexternal\n{name}\n{externalId.Trim()}";
        return $"{name}-{Hash(preimage)}";
    }

    /// <summary>The author id of a person known by a handle, e-mail or phone on a source (when the sender gave no account id).</summary>
    public string AuthorId(IngestTrust trust, string source, string handleOrContact)
    {
        var name = source.ToLowerInvariant();
        return $"{name}-{Hash($"{Namespace(trust)}\nauthor\n{name}\n{handleOrContact.Trim().ToLowerInvariant()}")}";
    }

    private static string Namespace(IngestTrust trust) => trust == IngestTrust.Trusted ? "trusted" : "open";

    private string Hash(string preimage) => hash.Hex(preimage, 12);
}
