using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Responses;

namespace Listening.Responses;

/// <summary>
/// Where an outbox message is. <see cref="NoChannel"/>: nothing is configured that can carry it (the platform's connector,
/// SMTP, the webhook): it waits, is looked at again from time to time and goes as soon as a channel is configured —
/// never a dead letter for that. <see cref="Cancelled"/>: an operator (<c>listening outbox cancel</c>) stopped it.
/// </summary>
public enum OutboxStatus { Pending, Delivered, DeadLettered, Held, NoChannel, Cancelled }

/// <summary>
/// A message decided but maybe not yet sent. <see cref="Target"/> is <c>email</c> or <c>webhook:{name}</c>;
/// <see cref="Payload"/> is the JSON to send (personal data for author messages). The id is deterministic
/// (<c>thanks-{itemId}</c>, <c>points-{itemId}</c> …), so deciding twice enqueues once.
/// </summary>
public sealed record OutboxMessage(
    string Id, string Kind, string Target, string Payload, DateTimeOffset CreatedAt,
    string? AuthorId = null, string? ItemId = null, MessagePurpose Purpose = MessagePurpose.Reply);

/// <summary>
/// A message and its delivery state. <see cref="Receipt"/> is what the channel that took it answered (the platform's
/// reply id and its own timestamp); <see cref="UpdatedAt"/> is the last change of state (for "latest reasons").
/// </summary>
public sealed record OutboxEntry(OutboxMessage Message, OutboxStatus Status, int Attempts, DateTimeOffset? DeliveredAt, string? LastError,
    DeliveryReceipt? Receipt = null, DateTimeOffset? NextAttemptAt = null, DateTimeOffset? UpdatedAt = null)
{
    /// <summary>The operator's word for the state: pending, failed (pending, retrying after a failure), sent, dead-lettered, no-channel, held, cancelled.</summary>
    public string State => OutboxStates.Of(Status, Attempts);

    /// <summary>The channel: the one that took it once sent (a message for a platform may have gone to the pickup folder), else its target's.</summary>
    public string Channel => Receipt?.Via ?? OutboxChannels.Of(Message.Target);
}

/// <summary>
/// What the channel that carried a message answered: <see cref="Via"/> (<c>telegram</c>, <c>vk</c>, <c>email</c>,
/// <c>webhook:reply</c>, <c>file</c> …), the platform's id of the reply (<see cref="Reference"/>, so a re-answer
/// replaces instead of posting twice) and the platform's own time of the acknowledgement, from which response times are
/// measured (our clock when the channel gives none).
/// </summary>
public sealed record DeliveryReceipt(string Via, string? Reference = null, DateTimeOffset? AcknowledgedAt = null);

public static class OutboxStates
{
    public const string Pending = "pending", Failed = "failed", Sent = "sent", DeadLettered = "dead-lettered", NoChannel = "no-channel",
        Held = "held", Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Pending, Failed, Sent, DeadLettered, NoChannel, Held, Cancelled];

    public static string Of(OutboxStatus status, int attempts) => status switch
    {
        OutboxStatus.Pending => attempts > 0 ? Failed : Pending,
        OutboxStatus.Delivered => Sent,
        OutboxStatus.DeadLettered => DeadLettered,
        OutboxStatus.NoChannel => NoChannel,
        OutboxStatus.Held => Held,
        _ => Cancelled,
    };
}

public static class OutboxChannels
{
    /// <summary><c>channel:telegram</c> → <c>telegram</c>; <c>email</c>, <c>webhook:reply</c> as they are.</summary>
    public static string Of(string target) => target.StartsWith(ChannelPrefix, StringComparison.Ordinal) ? target[ChannelPrefix.Length..] : target;

    /// <summary>The target of a message for a platform connector: <c>channel:{name}</c>.</summary>
    public static string Target(string channel) => ChannelPrefix + channel;

    public const string ChannelPrefix = "channel:";
}

/// <summary>Which messages <see cref="IResponseStore.ListMessagesAsync"/> returns: by state (<see cref="OutboxStates"/>),
/// channel (<see cref="OutboxEntry.Channel"/>) or id; newest change first.</summary>
public sealed record OutboxQuery(IReadOnlyCollection<string>? States = null, string? Channel = null, IReadOnlyCollection<string>? Ids = null, int Max = 100);

/// <summary>
/// The outbox at a glance (<c>/api/status</c>, <c>listening status</c>): totals per state, counts per channel and state
/// (sent: within <see cref="SentWindow"/>), and the latest failures with their reasons.
/// </summary>
public sealed record OutboxSummary(IReadOnlyDictionary<string, long> Totals, IReadOnlyList<OutboxChannelCounts> Channels,
    IReadOnlyList<OutboxProblem> Latest, TimeSpan SentWindow)
{
    public static readonly TimeSpan DefaultSentWindow = TimeSpan.FromHours(24);
}

public sealed record OutboxChannelCounts(string Channel, IReadOnlyDictionary<string, long> States);

/// <summary>A message that did not go out (failed and retrying, dead-lettered, waiting for a channel) and why.</summary>
public sealed record OutboxProblem(string MessageId, string Kind, string Channel, string State, int Attempts, string? Reason, DateTimeOffset? At);

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

    /// <summary>Pending messages, and messages waiting for a channel, due at <paramref name="now"/>, hidden from other runs for <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Marks delivered; for a thank-you also records the item's reply time.</summary>
    Task MarkDeliveredAsync(string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkDeliveredAsync(messageId, now, null, cancellationToken);

    /// <summary>
    /// Marks delivered with what the channel answered; for a thank-you also records the item's reply time — the
    /// platform's acknowledgement (<see cref="DeliveryReceipt.AcknowledgedAt"/>) when it gave one, else <paramref name="now"/>.
    /// </summary>
    Task MarkDeliveredAsync(string messageId, DateTimeOffset now, DeliveryReceipt? receipt, CancellationToken cancellationToken);

    /// <summary>No channel can carry the message now: it waits (<see cref="OutboxStatus.NoChannel"/>) with the reason and is
    /// looked at again from <paramref name="recheckAt"/>.</summary>
    Task WaitForChannelAsync(string messageId, DateTimeOffset recheckAt, string reason, CancellationToken cancellationToken);

    /// <summary>Messages matching <paramref name="query"/>, the most recently changed first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ListMessagesAsync(OutboxQuery query, CancellationToken cancellationToken);

    /// <summary>Totals, counts per channel and the <paramref name="latest"/> problems with their reasons.</summary>
    Task<OutboxSummary> SummarizeAsync(DateTimeOffset now, int latest, CancellationToken cancellationToken);

    /// <summary>
    /// Sends these messages again from <paramref name="now"/> with a fresh count of attempts: failed, dead-lettered,
    /// waiting for a channel or cancelled ones — and, with <paramref name="resend"/>, sent ones too (a re-answer replaces
    /// the earlier reply where the platform keeps one per item). Erased messages never. Returns how many were requeued.
    /// </summary>
    Task<int> RetryAsync(IReadOnlyCollection<string> messageIds, bool resend, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stops these messages (pending, failed, waiting, held or dead-lettered ones): they will not be sent. Returns how many.</summary>
    Task<int> CancelAsync(IReadOnlyCollection<string> messageIds, DateTimeOffset now, CancellationToken cancellationToken);

    Task ScheduleRetryAsync(string messageId, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken);

    Task DeadLetterAsync(string messageId, string reason, CancellationToken cancellationToken);

    Task<OutboxEntry?> GetMessageAsync(string messageId, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<OutboxStatus, long>> CountMessagesAsync(CancellationToken cancellationToken);

    /// <summary>Decisions for reachable items created since <paramref name="since"/> or still waiting for their reply.</summary>
    Task<IReadOnlyList<ResponseTracking>> TrackingAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Records that an overdue alert covered these items (each item is alerted once).</summary>
    Task MarkAlertedAsync(IReadOnlyCollection<string> itemIds, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the author's name, contact and handle from their items, messages (sent or not; unsent ones are
    /// cancelled) and ledger, keeping anonymous counts (points, dates, sources). Idempotent.
    /// </summary>
    Task<ErasureReport> EraseAuthorAsync(string authorId, DateTimeOffset now, CancellationToken cancellationToken);
}
