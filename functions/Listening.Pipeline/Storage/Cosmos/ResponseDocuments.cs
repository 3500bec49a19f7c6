using System.Globalization;
using System.Text.Json.Serialization;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Pipeline;
using Listening.Responses;

namespace Listening.Storage.Cosmos;

/// <summary>
/// The documents of the <c>responses</c> container (partition key path <c>/pk</c>). Each family has its own partitions:
/// an author's ledger <c>author|{authorId}</c>, an item's decision <c>item|{itemId}</c>, an outbox message
/// <c>outbox|{messageId}</c> — so every write the pipeline makes is a point operation on a known partition. Ids repeat
/// the family (<c>ledger|…</c>, <c>decision|…</c>, <c>outbox|…</c>): unique across the container, not only within a
/// partition. Instants are fixed-width UTC strings, so range filters compare them as text.
/// </summary>
internal static class ResponseDocuments
{
    public static (string Id, string Pk) LedgerKey(string authorId) => ($"ledger|{authorId}", $"author|{authorId}");
    public static (string Id, string Pk) DecisionKey(string itemId) => ($"decision|{itemId}", $"item|{itemId}");
    public static (string Id, string Pk) OutboxKey(string messageId) => ($"outbox|{messageId}", $"outbox|{messageId}");

    /// <summary>The feedback documents' fixed-width UTC form (<see cref="Pipeline.FeedbackDocument.Utc"/>): text order = time order.</summary>
    public static string Utc(DateTimeOffset instant) => Pipeline.FeedbackDocument.Utc(instant);

    /// <summary>Any ISO 8601 instant: the app writes the fixed width, but a document edited by another tool may not keep it.</summary>
    public static DateTimeOffset Instant(string utc) =>
        DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? InstantOrNull(string? utc) => utc is null ? null : Instant(utc);
}

/// <summary>
/// An author's whole loyalty ledger in one document, replaced with If-Match: the compare-and-swap that makes the caps
/// hold when two items of one author are decided at once. The caps bound its size (a 300-points-a-month cap at
/// 50 points an award is 72 entries a year, ≈ 15 KB), far below the 2 MB document limit.
/// <see cref="LastUnsolicitedUtc"/>/<see cref="LastUnsolicitedId"/> keep the contact-frequency cap exact the same way;
/// <see cref="ErasingAs"/> is set while an erasure moves the entries to an anonymous ledger, so a retried erasure
/// reuses the same anonymous id.
/// </summary>
internal sealed record LedgerDocument(
    string Id, string Pk, string AuthorId, IReadOnlyList<LedgerEntryDocument> Entries,
    string? LastUnsolicitedUtc = null, string? LastUnsolicitedId = null, string? ErasingAs = null)
{
    public string Type => "ledger";

    public static LedgerDocument Empty(string authorId)
    {
        var (id, pk) = ResponseDocuments.LedgerKey(authorId);
        return new LedgerDocument(id, pk, authorId, []);
    }

    public IReadOnlyList<LedgerEntry> ToEntries() => Entries.Select(e => e.ToEntry(AuthorId)).ToList();

    public LedgerDocument With(IEnumerable<LedgerEntry> entries) => this with { Entries = entries.Select(LedgerEntryDocument.From).ToList() };
}

internal sealed record LedgerEntryDocument(string Id, string ItemId, string Brand, string Source, int Points, string AtUtc, string? Fingerprint)
{
    public static LedgerEntryDocument From(LedgerEntry e) => new(e.Id, e.ItemId, e.Brand, e.Source, e.Points, ResponseDocuments.Utc(e.At), e.Fingerprint);

    public LedgerEntry ToEntry(string authorId) => new(Id, authorId, ItemId, Brand, Source, Points, ResponseDocuments.Instant(AtUtc), Fingerprint);
}

/// <summary>The decision for one item: written last, so its existence means the item's award and messages are stored.</summary>
internal sealed record DecisionDocument(
    string Id, string Pk, string ItemId, string? AuthorId, string Source, string Kind, string Tone, string CreatedUtc, string DecidedUtc,
    bool Reachable, bool FollowUp, string LoyaltyReason, int Points, string? RepliedUtc, string? AlertedUtc)
{
    public string Type => "decision";

    public static DecisionDocument From(ResponseTracking t)
    {
        var (id, pk) = ResponseDocuments.DecisionKey(t.ItemId);
        return new DecisionDocument(id, pk, t.ItemId, t.AuthorId, t.Source, t.Kind.ToString(), t.Tone.ToString(), ResponseDocuments.Utc(t.CreatedAt),
            ResponseDocuments.Utc(t.DecidedAt), t.Reachable, t.FollowUp, t.LoyaltyReason, t.Points,
            t.RepliedAt is { } r ? ResponseDocuments.Utc(r) : null, t.AlertedAt is { } a ? ResponseDocuments.Utc(a) : null);
    }

    public ResponseTracking ToTracking() => new(ItemId, AuthorId, Source, Enum.Parse<FeedbackKind>(Kind), Enum.Parse<Tone>(Tone),
        ResponseDocuments.Instant(CreatedUtc), ResponseDocuments.Instant(DecidedUtc), Reachable, FollowUp, LoyaltyReason, Points,
        ResponseDocuments.InstantOrNull(RepliedUtc), ResponseDocuments.InstantOrNull(AlertedUtc));
}

/// <summary>One outbox message and its delivery state; <see cref="LeaseUntilUtc"/> hides a claimed message from other runs.</summary>
internal sealed record OutboxDocument(
    string Id, string Pk, string MessageId, string Kind, string Target, string Payload, string Purpose, string? AuthorId, string? ItemId,
    string CreatedUtc, string Status, int Attempts, string NextAttemptUtc, string LeaseUntilUtc, string? DeliveredUtc, string? LastError,
    string? Via = null, string? Receipt = null, string? AcknowledgedUtc = null, string? UpdatedUtc = null)
{
    public string Type => "outbox";

    public const string Pending = "pending", Delivered = "delivered", DeadLettered = "dead-lettered", Held = "held", NoChannel = "no-channel", Cancelled = "cancelled";

    /// <summary>Still to be sent: pending, or waiting for a channel.</summary>
    [JsonIgnore] public bool Sendable => Status is Pending or NoChannel;
    public static readonly string Never = ResponseDocuments.Utc(DateTimeOffset.UnixEpoch);

    public static OutboxDocument From(OutboxMessage m, string status, string? note)
    {
        var (id, pk) = ResponseDocuments.OutboxKey(m.Id);
        var created = ResponseDocuments.Utc(m.CreatedAt);
        return new OutboxDocument(id, pk, m.Id, m.Kind, m.Target, m.Payload, m.Purpose.ToString(), m.AuthorId, m.ItemId, created, status, 0, created, Never, null, note,
            UpdatedUtc: created);
    }

    public OutboxEntry ToEntry() => new(
        new OutboxMessage(MessageId, Kind, Target, Payload, ResponseDocuments.Instant(CreatedUtc), AuthorId, ItemId, Enum.Parse<MessagePurpose>(Purpose)),
        ParseStatus(Status), Attempts, ResponseDocuments.InstantOrNull(DeliveredUtc), LastError,
        Via is null ? null : new DeliveryReceipt(Via, Receipt, ResponseDocuments.InstantOrNull(AcknowledgedUtc)),
        ResponseDocuments.Instant(NextAttemptUtc), ResponseDocuments.InstantOrNull(UpdatedUtc));

    public static OutboxStatus ParseStatus(string s) => s switch
    {
        Pending => OutboxStatus.Pending,
        Delivered => OutboxStatus.Delivered,
        DeadLettered => OutboxStatus.DeadLettered,
        Held => OutboxStatus.Held,
        NoChannel => OutboxStatus.NoChannel,
        Cancelled => OutboxStatus.Cancelled,
        _ => throw new InvalidOperationException($"unknown outbox status '{s}'"),
    };

    public static string StatusName(OutboxStatus s) => s switch
    {
        OutboxStatus.Pending => Pending,
        OutboxStatus.Delivered => Delivered,
        OutboxStatus.DeadLettered => DeadLettered,
        OutboxStatus.Held => Held,
        OutboxStatus.NoChannel => NoChannel,
        OutboxStatus.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };
}
