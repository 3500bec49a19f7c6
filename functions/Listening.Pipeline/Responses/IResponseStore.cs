using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Responses;

namespace Listening.Responses;

public enum OutboxStatus { Pending, Delivered, DeadLettered, Held }

/// <summary>
/// A message decided but maybe not yet sent. <see cref="Target"/> is <c>email</c> or <c>webhook:{name}</c>;
/// <see cref="Payload"/> is the JSON to send (personal data for author messages). The id is deterministic
/// (<c>thanks-{itemId}</c>, <c>points-{itemId}</c> …), so deciding twice enqueues once.
/// </summary>
public sealed record OutboxMessage(
    string Id, string Kind, string Target, string Payload, DateTimeOffset CreatedAt,
    string? AuthorId = null, string? ItemId = null, MessagePurpose Purpose = MessagePurpose.Reply);

public sealed record OutboxEntry(OutboxMessage Message, OutboxStatus Status, int Attempts, DateTimeOffset? DeliveredAt, string? LastError);

/// <summary>The decision taken for one item, kept so a redelivery repeats nothing and response times can be measured.</summary>
public sealed record ResponseTracking(
    string ItemId, string? AuthorId, string Source, FeedbackKind Kind, Tone Tone, DateTimeOffset CreatedAt, DateTimeOffset DecidedAt,
    bool Reachable, bool FollowUp, string LoyaltyReason, int Points, DateTimeOffset? RepliedAt = null, DateTimeOffset? AlertedAt = null);

/// <summary>What <see cref="ResponsePlanner"/> decides: the award (if any), the messages, the tracking row.</summary>
public sealed record ResponsePlan(LoyaltyDecision Loyalty, ResponseTracking Tracking, IReadOnlyList<OutboxMessage> Messages, bool AlreadyDecided = false);

/// <summary>What an erasure changed; counts only, never the personal data itself.</summary>
public sealed record ErasureReport(int Items, int Messages, int LedgerEntries, int QueuedMessages);

/// <summary>
/// The response stage's storage: the loyalty ledger, the outbox and the per-item decision. Two adapters, chosen with the
/// feedback store by <c>Listening:Store:Kind</c>: <see cref="Sqlite.SqliteResponseStore"/> (the local shape; one
/// transaction per decision) and <see cref="Cosmos.CosmosResponseStore"/> (the Azure shape; ETag-guarded steps with the
/// decision document as the commit point). <c>tests/Listening.Tests/Responses</c> runs against both.
/// </summary>
public interface IResponseStore
{
    /// <summary>
    /// Atomically: if the item was decided before, returns that decision unchanged (<see cref="ResponsePlan.AlreadyDecided"/>);
    /// otherwise reads the author's ledger, calls <paramref name="plan"/> with it, and appends the award, the outbox
    /// messages and the decision in one transaction — so two items of one author cannot both pass a cap, and a crash
    /// leaves either all of it or none.
    /// </summary>
    Task<ResponsePlan> DecideAsync(string itemId, string? authorId, Func<IReadOnlyCollection<LedgerEntry>, ResponsePlan> plan, CancellationToken cancellationToken);

    Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string authorId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a message unless one with its id exists (false then). An <see cref="MessagePurpose.Unsolicited"/> message to
    /// an author who had one within <paramref name="unsolicitedPeriod"/> is stored as <see cref="OutboxStatus.Held"/>.
    /// </summary>
    Task<bool> EnqueueAsync(OutboxMessage message, TimeSpan unsolicitedPeriod, CancellationToken cancellationToken);

    /// <summary>Pending messages due at <paramref name="now"/>, hidden from other runs for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Marks delivered; for a thank-you also records the item's reply time.</summary>
    Task MarkDeliveredAsync(string messageId, DateTimeOffset now, CancellationToken cancellationToken);

    Task ScheduleRetryAsync(string messageId, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken);

    Task DeadLetterAsync(string messageId, string reason, CancellationToken cancellationToken);

    Task<OutboxEntry?> GetMessageAsync(string messageId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<OutboxStatus, long>> CountMessagesAsync(CancellationToken cancellationToken);

    /// <summary>Decisions for reachable items created since <paramref name="since"/> or still waiting for their reply.</summary>
    Task<IReadOnlyList<ResponseTracking>> TrackingAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records that an overdue alert covered these items (each item is alerted once).</summary>
    Task MarkAlertedAsync(IReadOnlyCollection<string> itemIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Erases a person known by <paramref name="identifiers"/>: records the tombstones of every identifier found (so no stage
    /// writes or sends the person again), then removes the person from every item carrying any of them and from the items
    /// linked to those (see <see cref="Erasure.ErasureScope"/>), from queued pipeline messages where the adapter can rewrite
    /// them, from the outbox (sent or not; unsent ones are cancelled, a send already under way is waited for), the ledger
    /// (entries move to an anonymous id: points, dates, sources stay countable), the decisions, the ingest spam history and
    /// stored reports; the SQLite adapter then truncates its WAL. Idempotent.
    /// </summary>
    Task<ErasureOutcome> EraseAsync(IReadOnlyList<PersonalIdentifier> identifiers, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary><see cref="EraseAsync"/> for one author id.</summary>
    async Task<ErasureReport> EraseAuthorAsync(string authorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await EraseAsync([PersonalIdentifier.AuthorId(authorId) ?? throw new ArgumentException("blank author id", nameof(authorId))], now, cancellationToken)).Report;
}
