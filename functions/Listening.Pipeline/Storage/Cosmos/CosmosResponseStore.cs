using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Storage.Cosmos;
using Microsoft.Azure.Cosmos;
using static Listening.Storage.Cosmos.ResponseDocuments;
using Listening.Responses;

namespace Listening.Storage.Cosmos;

/// <summary>
/// <see cref="IResponseStore"/> on Cosmos DB for NoSQL: container <c>responses</c> (<see cref="ResponseDocuments"/>), plus the
/// <c>feedback</c> and <c>aggregates</c> (the ingest spam history) containers for erasure. Nothing beyond point reads, create (409 = already there), replace and delete
/// with If-Match, and simple queries — no transactional batch, stored procedure, GROUP BY, OFFSET, DISTINCT or change
/// feed. Where SQLite has one transaction, this has an order of idempotent steps with one commit point:
/// <list type="number">
/// <item>the decision document exists → the item was decided; return it;</item>
/// <item>plan on the author's ledger document and swap in the new ledger with If-Match (412 → someone else changed it:
/// read again and plan again, so two items of one author cannot both pass a cap);</item>
/// <item>create the outbox messages (deterministic ids, 409 = created by an earlier attempt);</item>
/// <item>create the decision document — the commit point. A crash before it leaves the ledger award provisional:
/// the redelivery finds no decision, plans again without that award and writes the same ids.</item>
/// </list>
/// </summary>
public sealed partial class CosmosResponseStore(CosmosDocuments responses, CosmosDocuments feedback, CosmosDocuments aggregates, TimeProvider? time = null)
    : IResponseStore
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    private const int MaxAttempts = 20;

    public async Task<ResponsePlan> DecideAsync(string itemId, string? authorId, Func<IReadOnlyCollection<LedgerEntry>, ResponsePlan> plan, CancellationToken cancellationToken)
    {
        var (decisionId, decisionPk) = DecisionKey(itemId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await responses.ReadAsync<DecisionDocument>(decisionId, decisionPk, cancellationToken) is { } decided)
                return await AlreadyDecidedAsync(decided.Document, cancellationToken);

            var ledger = authorId is null ? null : await responses.ReadAsync<LedgerDocument>(LedgerKey(authorId).Id, LedgerKey(authorId).Pk, cancellationToken);
            var ownAward = LoyaltyLedger.AwardId(itemId);
            var others = ledger?.Document.ToEntries().Where(e => e.Id != ownAward).ToList() ?? [];
            var candidate = plan(others);

            if (authorId is not null && !await SwapLedgerAsync(authorId, ledger, others, candidate.Loyalty, cancellationToken)) continue;
            foreach (var message in candidate.Messages)
                await responses.CreateAsync(OutboxDocument.From(message, OutboxDocument.Pending, null), OutboxKey(message.Id).Pk, cancellationToken);
            if (await responses.CreateAsync(DecisionDocument.From(candidate.Tracking), decisionPk, cancellationToken) == HttpStatusCode.Conflict)
                continue; // another delivery of the item committed first: answer with its decision
            return candidate;
        }
        throw new CosmosStoreException($"the ledger of the author of {itemId} kept changing; giving up for this delivery");
    }

    /// <summary>Writes the author's ledger as <paramref name="others"/> plus the new award, unless it is that already; false if it moved meanwhile.</summary>
    private async Task<bool> SwapLedgerAsync(string authorId, (LedgerDocument Document, string ETag)? stored, List<LedgerEntry> others, LoyaltyDecision loyalty,
        CancellationToken cancellationToken)
    {
        var entries = loyalty.IsNewAward ? [.. others, loyalty.Award!] : others;
        if (stored is null)
            return entries.Count == 0 || await responses.CreateAsync(LedgerDocument.Empty(authorId).With(entries), LedgerKey(authorId).Pk, cancellationToken) == HttpStatusCode.Created;
        var (document, etag) = stored.Value;
        if (document.Entries.Select(e => e.Id).Order(StringComparer.Ordinal).SequenceEqual(entries.Select(e => e.Id).Order(StringComparer.Ordinal)))
            return true;
        return await responses.ReplaceAsync(document.With(entries), document.Id, document.Pk, etag, cancellationToken) == HttpStatusCode.OK;
    }

    private async Task<ResponsePlan> AlreadyDecidedAsync(DecisionDocument decision, CancellationToken cancellationToken)
    {
        LedgerEntry? award = null;
        if (decision.AuthorId is { } authorId && await responses.ReadAsync<LedgerDocument>(LedgerKey(authorId).Id, LedgerKey(authorId).Pk, cancellationToken) is { } ledger)
            award = ledger.Document.ToEntries().FirstOrDefault(e => e.Id == LoyaltyLedger.AwardId(decision.ItemId));
        return new ResponsePlan(new LoyaltyDecision(award, decision.LoyaltyReason), decision.ToTracking(), [], AlreadyDecided: true);
    }

    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string authorId, CancellationToken cancellationToken)
    {
        var (id, pk) = LedgerKey(authorId);
        var ledger = await responses.ReadAsync<LedgerDocument>(id, pk, cancellationToken);
        return ledger?.Document.ToEntries().OrderBy(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).ToList() ?? [];
    }

    /// <summary>
    /// A reply is created as is. An unsolicited message first takes the author's contact slot on their ledger document
    /// (If-Match), so two unsolicited messages at once cannot both pass the frequency cap.
    /// </summary>
    public async Task<bool> EnqueueAsync(OutboxMessage message, TimeSpan unsolicitedPeriod, CancellationToken cancellationToken)
    {
        var (id, pk) = OutboxKey(message.Id);
        var (status, note) = (OutboxDocument.Pending, (string?)null);
        if (message.Purpose == MessagePurpose.Unsolicited && message.AuthorId is { } authorId)
        {
            if (await responses.ReadAsync<OutboxDocument>(id, pk, cancellationToken) is not null) return false;
            (status, note) = await TakeContactSlotAsync(authorId, message, unsolicitedPeriod, cancellationToken)
                ? (OutboxDocument.Pending, null)
                : (OutboxDocument.Held, "contact-frequency cap: the author had an unsolicited message within the period");
        }
        return await responses.CreateAsync(OutboxDocument.From(message, status, note), pk, cancellationToken) == HttpStatusCode.Created;
    }

    private async Task<bool> TakeContactSlotAsync(string authorId, OutboxMessage message, TimeSpan period, CancellationToken cancellationToken)
    {
        var (id, pk) = LedgerKey(authorId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stored = await responses.ReadAsync<LedgerDocument>(id, pk, cancellationToken);
            var ledger = stored?.Document ?? LedgerDocument.Empty(authorId);
            if (ledger.LastUnsolicitedId == message.Id) return true; // taken by an earlier attempt that crashed before the create
            var last = InstantOrNull(ledger.LastUnsolicitedUtc);
            if (!ContactPolicy.MayContact(message.Purpose, last, message.CreatedAt, period)) return false;
            var latest = last is { } l && l > message.CreatedAt ? l : message.CreatedAt;
            var taken = ledger with { LastUnsolicitedUtc = Utc(latest), LastUnsolicitedId = message.Id };
            var status = stored is null
                ? await responses.CreateAsync(taken, pk, cancellationToken)
                : await responses.ReplaceAsync(taken, id, pk, stored.Value.ETag, cancellationToken);
            if (status is HttpStatusCode.Created or HttpStatusCode.OK) return true;
        }
        throw new CosmosStoreException("the contact slot of an author kept changing");
    }

    /// <summary>Due messages, each leased by a replace with If-Match: a 412 means another run claimed it first.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var claimed = new List<OutboxEntry>();
        if (max <= 0) return claimed;
        var query = new QueryDefinition("""
                SELECT * FROM c WHERE c.type = 'outbox' AND (c.status = 'pending' OR c.status = 'no-channel') AND c.nextAttemptUtc <= @now AND c.leaseUntilUtc <= @now
                ORDER BY c.nextAttemptUtc
                """).WithParameter("@now", Utc(now));
        await foreach (var (document, etag) in responses.QueryAsync<OutboxDocument>("query-due", query, new QueryRequestOptions { MaxItemCount = max }, cancellationToken))
        {
            var leased = document with { LeaseUntilUtc = Utc(now + lease) };
            if (await responses.ReplaceAsync(leased, document.Id, document.Pk, etag, cancellationToken) != HttpStatusCode.OK) continue;
            claimed.Add(leased.ToEntry());
            if (claimed.Count == max) break;
        }
        return claimed;
    }

    /// <summary>The decision's reply time first (a crash between the two then only re-sends, which receivers dedupe by id).</summary>
    public async Task MarkDeliveredAsync(string messageId, DateTimeOffset now, DeliveryReceipt? receipt, CancellationToken cancellationToken)
    {
        var key = OutboxKey(messageId);
        if (await responses.ReadAsync<OutboxDocument>(key.Id, key.Pk, cancellationToken) is not { } read || !read.Document.Sendable) return;
        // The response time runs to the platform's acknowledgement of the first reply (a resend does not move it).
        var acknowledged = receipt?.AcknowledgedAt ?? now;
        if (read.Document is { Kind: ResponsePlanner.ThankYouKind, ItemId: { } itemId })
            await UpdateAsync<DecisionDocument>(DecisionKey(itemId), d => d.RepliedUtc is null ? d with { RepliedUtc = Utc(acknowledged) } : null, cancellationToken);
        await UpdateAsync<OutboxDocument>(key, m => !m.Sendable ? null : m with
        {
            Status = OutboxDocument.Delivered, DeliveredUtc = Utc(now), UpdatedUtc = Utc(now), LeaseUntilUtc = OutboxDocument.Never, Attempts = m.Attempts + 1,
            Via = receipt?.Via, Receipt = receipt?.Reference ?? m.Receipt, AcknowledgedUtc = Utc(acknowledged), LastError = null,
        }, cancellationToken, known: read);
    }

    public Task ScheduleRetryAsync(string messageId, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(messageId, m => m with
        {
            Status = OutboxDocument.Pending, Attempts = m.Attempts + 1, NextAttemptUtc = Utc(nextAttempt), LeaseUntilUtc = OutboxDocument.Never, LastError = error,
            UpdatedUtc = Utc(clock.GetUtcNow()),
        }, cancellationToken);

    public Task DeadLetterAsync(string messageId, string reason, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(messageId, m => m with
        {
            Attempts = m.Attempts + 1, Status = OutboxDocument.DeadLettered, LeaseUntilUtc = OutboxDocument.Never, LastError = reason,
            UpdatedUtc = Utc(clock.GetUtcNow()),
        }, cancellationToken);

    /// <summary>Changes a message still to be sent, pending or waiting for a channel (as SQLite's <c>WHERE status IN …</c>); any other state is final.</summary>
    private Task UpdateOutboxAsync(string messageId, Func<OutboxDocument, OutboxDocument> change, CancellationToken cancellationToken) =>
        UpdateAsync<OutboxDocument>(OutboxKey(messageId), m => m.Sendable ? change(m) : null, cancellationToken);

    /// <summary>
    /// Read (or start from <paramref name="known"/>), change, replace with If-Match, again on 412; <paramref name="change"/>
    /// returning null means "nothing to do".
    /// </summary>
    private async Task UpdateAsync<T>((string Id, string Pk) key, Func<T, T?> change, CancellationToken cancellationToken, (T Document, string ETag)? known = null)
        where T : class
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++, known = null)
        {
            if ((known ?? await responses.ReadAsync<T>(key.Id, key.Pk, cancellationToken)) is not { } stored) return;
            if (change(stored.Document) is not { } changed) return;
            if (await responses.ReplaceAsync(changed, key.Id, key.Pk, stored.ETag, cancellationToken) == HttpStatusCode.OK) return;
        }
        throw new CosmosStoreException($"a {typeof(T).Name} kept changing under an update");
    }

    public async Task<OutboxEntry?> GetMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        var (id, pk) = OutboxKey(messageId);
        return (await responses.ReadAsync<OutboxDocument>(id, pk, cancellationToken))?.Document.ToEntry();
    }

    /// <summary>One COUNT per status across partitions (no GROUP BY).</summary>
    public async Task<IReadOnlyDictionary<OutboxStatus, long>> CountMessagesAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<OutboxStatus, long>();
        foreach (var status in Enum.GetValues<OutboxStatus>())
        {
            var query = new QueryDefinition("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'outbox' AND c.status = @status")
                .WithParameter("@status", OutboxDocument.StatusName(status));
            long total = 0;
            await foreach (var partial in responses.QueryAsync("count", query, null, cancellationToken)) total += partial.GetInt64();
            if (total > 0) counts[status] = total;
        }
        return counts;
    }

    public async Task<IReadOnlyList<ResponseTracking>> TrackingAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("""
                SELECT * FROM c WHERE c.type = 'decision' AND (c.createdUtc >= @since OR (c.repliedUtc = null AND c.reachable = true))
                """).WithParameter("@since", Utc(since));
        var list = new List<ResponseTracking>();
        await foreach (var (document, _) in responses.QueryAsync<DecisionDocument>("query-tracking", query, null, cancellationToken))
            list.Add(document.ToTracking());
        return list;
    }

    public async Task MarkAlertedAsync(IReadOnlyCollection<string> itemIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var itemId in itemIds)
            await UpdateAsync<DecisionDocument>(DecisionKey(itemId), d => d.AlertedUtc is null ? d with { AlertedUtc = Utc(now) } : null, cancellationToken);
    }

    /// <summary>
    /// Items, then messages, decisions and last the ledger, each step idempotent, so an erasure cut short is finished by
    /// running it again. Queued pipeline messages cannot be rewritten on Service Bus; they carry the author only until a
    /// stage reads the stored item, and every stage works on the stored item when there is one (docs/azure.md).
    /// </summary>
    public async Task<ErasureReport> EraseAuthorAsync(string authorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = await EraseFromItemsAsync(authorId, cancellationToken);

        var messages = 0;
        var byAuthor = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.authorId = @a").WithParameter("@a", authorId);
        await foreach (var (message, _) in responses.QueryAsync<OutboxDocument>("query-author", byAuthor.WithParameter("@type", "outbox"), null, cancellationToken))
        {
            var unsent = message.Status is OutboxDocument.Pending or OutboxDocument.Held or OutboxDocument.NoChannel;
            await UpdateAsync<OutboxDocument>((message.Id, message.Pk), m => m.AuthorId is null ? null : m with
            {
                Payload = """{"erased":true}""", AuthorId = null,
                Status = unsent ? OutboxDocument.DeadLettered : m.Status,
                LastError = unsent ? "cancelled: the author's personal data was erased" : null,
            }, cancellationToken);
            messages++;
        }
        var decisions = new QueryDefinition("SELECT * FROM c WHERE c.type = @type AND c.authorId = @a").WithParameter("@a", authorId).WithParameter("@type", "decision");
        await foreach (var (decision, _) in responses.QueryAsync<DecisionDocument>("query-author", decisions, null, cancellationToken))
            await UpdateAsync<DecisionDocument>((decision.Id, decision.Pk), d => d.AuthorId is null ? null : d with { AuthorId = null }, cancellationToken);

        return new ErasureReport(items, messages, await AnonymiseLedgerAsync(authorId, cancellationToken), QueuedMessages: 0);
    }

    private async Task<int> EraseFromItemsAsync(string authorId, CancellationToken cancellationToken)
    {
        var query = new QueryDefinition("SELECT * FROM c WHERE c.author.id = @a").WithParameter("@a", authorId);
        var documents = new List<JsonObject>();
        await foreach (var element in feedback.QueryAsync("query-author", query, null, cancellationToken))
            documents.Add(JsonNode.Parse(element.GetRawText())!.AsObject());

        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var spamHistories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            AuthorErasure.CollectSecrets(document, secrets);
            AuthorErasure.CollectSpamHistoryIds(document, spamHistories);
        }
        // The ingest spam check's history of the author (aggregates, one partition per author: id = pk).
        foreach (var id in spamHistories)
            await aggregates.DeleteAsync(id, id, etag: null, cancellationToken);
        foreach (var found in documents)
        {
            var (id, pk) = (found["id"]!.GetValue<string>(), found["pk"]!.GetValue<string>());
            var (document, etag) = (found, found["_etag"]!.GetValue<string>());
            for (var attempt = 1; ; attempt++)
            {
                var erased = document.DeepClone().AsObject();
                AuthorErasure.Erase(erased, secrets);
                foreach (var system in erased.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList()) erased.Remove(system);
                var status = await feedback.ReplaceStreamAsync(JsonSerializer.SerializeToUtf8Bytes(erased), id, pk, etag, cancellationToken);
                if (status != HttpStatusCode.PreconditionFailed) break;
                if (attempt == MaxAttempts) throw new CosmosStoreException("an item kept changing while its author was erased");
                // A stage wrote the item meanwhile: erase what it wrote.
                if (await feedback.ReadAsync<JsonObject>(id, pk, cancellationToken) is not { } current) break;
                (document, etag) = (current.Document, current.ETag);
            }
        }
        return documents.Count;
    }

    /// <summary>
    /// Moves the entries to a ledger under a fresh anonymous id (points, dates and sources stay countable; the link to the
    /// person does not). The anonymous id is noted on the original first, so a retry after a crash reuses it.
    /// </summary>
    private async Task<int> AnonymiseLedgerAsync(string authorId, CancellationToken cancellationToken)
    {
        var (id, pk) = LedgerKey(authorId);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await responses.ReadAsync<LedgerDocument>(id, pk, cancellationToken) is not { } stored) return 0;
            var (ledger, etag) = stored;
            if (ledger.ErasingAs is null)
            {
                ledger = ledger with { ErasingAs = $"erased-{Guid.NewGuid():N}" };
                if (await responses.ReplaceAsync(ledger, id, pk, etag, cancellationToken) != HttpStatusCode.OK) continue;
                etag = (await responses.ReadAsync<LedgerDocument>(id, pk, cancellationToken))?.ETag;
                if (etag is null) continue;
            }
            // Upsert: a retry after an award slipped in between writes the anonymous ledger again, with that award.
            var anonymous = LedgerDocument.Empty(ledger.ErasingAs!).With(ledger.ToEntries().Select(e => e with { Fingerprint = null }));
            await responses.UpsertAsync(anonymous, anonymous.Pk, cancellationToken);
            if (await responses.DeleteAsync(id, pk, etag, cancellationToken) == HttpStatusCode.PreconditionFailed) continue;
            return ledger.Entries.Count;
        }
        throw new CosmosStoreException("an author's ledger kept changing while it was erased");
    }
}
