using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Listening.Responses;
using Listening.Erasure;
using Listening.Ingest;

namespace Listening.Storage.Sqlite;

/// <summary>
/// The response stage on the local SQLite file: tables <c>loyalty_ledger</c> (append-only; erasure only replaces the
/// author id with an anonymous one), <c>response_decisions</c> (one row per item) and <c>outbox</c>. Every write goes
/// through the database's single writer, so a decision's read of the ledger and its appends are one transaction
/// and two items of one author are decided one after the other — the caps hold.
/// </summary>
public sealed partial class SqliteResponseStore : IResponseStore
{
    private const string FeedbackContainer = SqliteFeedbackStore.Container;
    private static readonly TimeSpan MaxSendWait = TimeSpan.FromSeconds(10);
    private readonly SqliteDatabase database;
    private readonly PersonKeys keys;
    private readonly TimeProvider time;

    public SqliteResponseStore(SqliteDatabase database, PersonKeys keys, TimeProvider? time = null)
    {
        this.database = database;
        this.keys = keys;
        this.time = time ?? TimeProvider.System;
        database.WriteNow(tx => { var c = tx.Command(Schema); c.ExecuteNonQuery(); return MigrateOutbox(tx); });
    }

    public async Task<ResponsePlan> DecideAsync(string itemId, string? authorId, Func<IReadOnlyCollection<LedgerEntry>, ResponsePlan> plan, CancellationToken cancellationToken)
    {
        // Optimistic: decide and render outside the single writer (rendering costs tens of microseconds), then commit
        // only if the author's ledger is still what the decision saw; otherwise decide again on the new ledger.
        for (var attempt = 1; ; attempt++)
        {
            // An item without an author has no ledger to read: the decision is taken on the empty one, and the write below
            // still returns an earlier decision if there is one (a redelivery then only rendered a plan it throws away).
            // One trip through the single writer fewer for every anonymous item (bench/README.md, round 9).
            var (existing, ledger) = authorId is null
                ? (null, [])
                : await database.ReadLatestAsync(tx => Snapshot(tx.Command, itemId, authorId), cancellationToken);
            if (existing is not null) return existing;
            var candidate = plan(ledger);
            var authorKey = authorId is null ? null : keys.Keys.KeyOf(PersonalIdentifier.AuthorId(authorId)!);
            // An item with an author: the author's tombstone (an erasure records the author id of every item it finds); an item
            // without one (its author erased before this stage read it): the item's own tombstone. One point read either way.
            string[] erasureKeys = [authorKey ?? keys.ItemKey(itemId)];
            var committed = await database.WriteAsync(tx =>
            {
                // An item without an author has no ledger to check: its decision's insert is the check for an earlier decision
                // (one statement fewer per anonymous item, bench/README.md, round 10).
                List<LedgerEntry>? current = null;
                if (authorId is not null)
                {
                    var (decided, entries) = Snapshot(tx.Command, itemId, authorId);
                    if (decided is not null) return decided;
                    current = entries;
                }
                // The author (or the item, of a person erased) was erased since the item was read: nothing is sent or awarded,
                // nothing links to them.
                var chosen = SqliteErasures.AnyErasure(tx) && SqliteErasures.IsErased(tx, erasureKeys) ? AuthorErasure.ErasedPlan(candidate) : candidate;
                if (ReferenceEquals(chosen, candidate) && current is not null
                    && !current.Select(e => e.Id).Order(StringComparer.Ordinal).SequenceEqual(ledger.Select(e => e.Id).Order(StringComparer.Ordinal))) return null;
                return Append(tx, chosen) ? chosen : Snapshot(tx.Command, itemId, null).Decided;
            }, cancellationToken);
            if (committed is not null) return committed;
            if (attempt >= 20) throw new InvalidOperationException($"the ledger of the author of {itemId} kept changing; giving up for this delivery");
        }
    }

    /// <summary>The earlier decision for the item (with its award), or the author's ledger to decide on.</summary>
    private static (ResponsePlan? Decided, List<LedgerEntry> Ledger) Snapshot(Func<string, SqliteCommand> sql, string itemId, string? authorId)
    {
        // Commands are cached per connection by SqliteDatabase: never disposed here.
        if (ReadDecisionRows(sql($"SELECT {DecisionColumns} FROM response_decisions WHERE item_id = $id").With("$id", itemId)).FirstOrDefault() is { } decided)
        {
            var award = sql($"{LedgerSelect} WHERE id = $v").With("$v", LoyaltyLedger.AwardId(itemId));
            return (new ResponsePlan(new LoyaltyDecision(ReadLedgerRows(award).FirstOrDefault(), decided.LoyaltyReason), decided, [], AlreadyDecided: true), []);
        }
        if (authorId is null) return (null, []);
        var ledger = sql($"{LedgerSelect} WHERE author_id = $v").With("$v", authorId);
        return (null, ReadLedgerRows(ledger));
    }

    /// <summary>The decision, then its award and messages; false, and nothing written, when the item was decided already.</summary>
    private static bool Append(SqliteTransaction tx, ResponsePlan plan)
    {
        var t = plan.Tracking;
        var decision = tx.Command("""
            INSERT INTO response_decisions(item_id, author_id, source, kind, tone, created_ms, decided_ms, reachable, follow_up, loyalty_reason, points)
            VALUES ($item, $a, $s, $k, $tone, $created, $decided, $reach, $follow, $reason, $p)
            ON CONFLICT(item_id) DO NOTHING
            """).With("$item", t.ItemId).With("$a", t.AuthorId).With("$s", t.Source).With("$k", t.Kind.ToString()).With("$tone", t.Tone.ToString())
            .With("$created", t.CreatedAt.ToUnixTimeMilliseconds()).With("$decided", t.DecidedAt.ToUnixTimeMilliseconds())
            .With("$reach", t.Reachable).With("$follow", t.FollowUp).With("$reason", t.LoyaltyReason).With("$p", t.Points);
        if (decision.ExecuteNonQuery() == 0) return false;
        if (plan.Loyalty.IsNewAward)
        {
            var e = plan.Loyalty.Award!;
            var insert = tx.Command("""
                INSERT INTO loyalty_ledger(id, author_id, item_id, brand, source, points, at_ms, fingerprint)
                VALUES ($id, $a, $item, $b, $s, $p, $at, $f) ON CONFLICT(id) DO NOTHING
                """).With("$id", e.Id).With("$a", e.AuthorId).With("$item", e.ItemId).With("$b", e.Brand).With("$s", e.Source)
                .With("$p", e.Points).With("$at", e.At.ToUnixTimeMilliseconds()).With("$f", e.Fingerprint);
            insert.ExecuteNonQuery();
        }
        foreach (var message in plan.Messages) InsertOutbox(tx, message, TimeSpan.Zero);
        return true;
    }

    public Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string authorId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<LedgerEntry>>(c =>
        {
            var command = c.Command(LedgerSelect + " WHERE author_id = $v ORDER BY at_ms, id").With("$v", authorId);
            return ReadLedgerRows(command);
        }, cancellationToken);

    public Task<bool> EnqueueAsync(OutboxMessage message, TimeSpan unsolicitedPeriod, CancellationToken cancellationToken) =>
        database.WriteAsync(tx => InsertOutbox(tx, message, unsolicitedPeriod), cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<OutboxEntry>>(tx =>
        {
            var nowMs = now.ToUnixTimeMilliseconds();
            var command = tx.Command($"""
                UPDATE outbox SET lease_until_ms = $lease
                WHERE id IN (SELECT id FROM outbox WHERE status IN ('pending', 'no-channel') AND next_attempt_ms <= $now AND lease_until_ms <= $now
                             ORDER BY next_attempt_ms, created_ms LIMIT $max)
                RETURNING {OutboxColumns}
                """).With("$lease", (now + lease).ToUnixTimeMilliseconds()).With("$now", nowMs).With("$max", max);
            return ReadOutboxRows(command);
        }, cancellationToken);

    public Task MarkDeliveredAsync(string messageId, DateTimeOffset now, DeliveryReceipt? receipt, CancellationToken cancellationToken) =>
        database.WriteAsync(tx =>
        {
            var ms = now.ToUnixTimeMilliseconds();
            var acknowledged = (receipt?.AcknowledgedAt ?? now).ToUnixTimeMilliseconds();
            var updated = tx.Command("""
                UPDATE outbox SET status = 'delivered', delivered_ms = $now, updated_ms = $now, lease_until_ms = 0, attempts = attempts + 1,
                  via = $via, receipt = COALESCE($receipt, receipt), acknowledged_ms = $ack, last_error = NULL
                WHERE id = $id AND status IN ('pending', 'no-channel')
                """).With("$id", messageId).With("$now", ms).With("$via", receipt?.Via).With("$receipt", receipt?.Reference).With("$ack", acknowledged)
                .ExecuteNonQuery();
            if (updated == 0) return 0;
            // The response time runs to the platform's acknowledgement of the first reply (a resend does not move it).
            var replied = tx.Command("""
                UPDATE response_decisions SET replied_ms = $ack
                WHERE replied_ms IS NULL AND item_id = (SELECT item_id FROM outbox WHERE id = $id AND kind = 'thank-you')
                """).With("$id", messageId).With("$ack", acknowledged);
            return replied.ExecuteNonQuery();
        }, cancellationToken);

    public Task ScheduleRetryAsync(string messageId, DateTimeOffset nextAttempt, string error, CancellationToken cancellationToken) =>
        database.WriteAsync(tx =>
        {
            var command = tx.Command("""
                UPDATE outbox SET status = 'pending', attempts = attempts + 1, next_attempt_ms = $next, lease_until_ms = 0, last_error = $e, updated_ms = $updated
                WHERE id = $id AND status IN ('pending', 'no-channel')
                """).With("$id", messageId).With("$next", nextAttempt.ToUnixTimeMilliseconds()).With("$e", error).With("$updated", UpdatedMs());
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task DeadLetterAsync(string messageId, string reason, CancellationToken cancellationToken) =>
        database.WriteAsync(tx =>
        {
            var command = tx.Command("""
                UPDATE outbox SET attempts = attempts + 1, status = 'dead-lettered', lease_until_ms = 0, last_error = $e, updated_ms = $updated
                WHERE id = $id AND status IN ('pending', 'no-channel')
                """).With("$id", messageId).With("$e", reason).With("$updated", UpdatedMs());
            return command.ExecuteNonQuery();
        }, cancellationToken);

    public Task<OutboxEntry?> GetMessageAsync(string messageId, CancellationToken cancellationToken) =>
        database.ReadAsync(c =>
        {
            var command = c.Command($"SELECT {OutboxColumns} FROM outbox WHERE id = $id").With("$id", messageId);
            return ReadOutboxRows(command).FirstOrDefault();
        }, cancellationToken);

    public Task<IReadOnlyDictionary<OutboxStatus, long>> CountMessagesAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyDictionary<OutboxStatus, long>>(c =>
        {
            var command = c.Command("SELECT status, COUNT(*) FROM outbox GROUP BY status");
            using var reader = command.ExecuteReader();
            var counts = new Dictionary<OutboxStatus, long>();
            while (reader.Read()) counts[ParseStatus(reader.GetString(0))] = reader.GetInt64(1);
            return counts;
        }, cancellationToken);

    public Task<IReadOnlyList<ResponseTracking>> TrackingAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ResponseTracking>>(c =>
        {
            var command = c.Command($"SELECT {DecisionColumns} FROM response_decisions WHERE created_ms >= $since OR (replied_ms IS NULL AND reachable = 1)")
                .With("$since", since.ToUnixTimeMilliseconds());
            return ReadDecisionRows(command);
        }, cancellationToken);

    public Task MarkAlertedAsync(IReadOnlyCollection<string> itemIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(tx =>
        {
            foreach (var id in itemIds)
            {
                var command = tx.Command("UPDATE response_decisions SET alerted_ms = $now WHERE item_id = $id AND alerted_ms IS NULL")
                    .With("$id", id).With("$now", now.ToUnixTimeMilliseconds());
                command.ExecuteNonQuery();
            }
            return itemIds.Count;
        }, cancellationToken);

    /// <summary>
    /// One transaction records the tombstones and rewrites every row of the person (so every other write is either before it —
    /// and rewritten — or after it, and sees the tombstones); then a send already under way for one of the person's messages
    /// is waited for and the message cleared; last the file is rebuilt and the WAL truncated (<see cref="SqliteDatabase.ScrubAsync"/>),
    /// so the old versions of the rows leave the files (freed space is zeroed as well: <c>secure_delete</c> is on).
    /// </summary>
    public async Task<ErasureOutcome> EraseAsync(IReadOnlyList<PersonalIdentifier> identifiers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (report, messageIds, sending, scope) = await database.WriteAsync(tx => Erase(tx, identifiers, now), cancellationToken);
        if (sending.Count > 0)
        {
            await WaitForSendsAsync(sending, now, cancellationToken);
            var cleared = await database.WriteAsync(tx => ClearMessages(tx, scope, now, includeSending: true), cancellationToken);
            report = report with { Messages = report.Messages + cleared };
        }
        await database.ScrubAsync(cancellationToken);
        return new ErasureOutcome(report, messageIds);
    }

    private (ErasureReport Report, IReadOnlyList<string> MessageIds, IReadOnlyList<string> Sending, ErasureScope Scope) Erase(
        SqliteTransaction tx, IReadOnlyList<PersonalIdentifier> identifiers, DateTimeOffset now)
    {
        var scope = ErasureScope.ResolveAsync(identifiers, keys, (k, ids) => Task.FromResult(SqliteErasures.FindItems(tx, k, ids))).GetAwaiter().GetResult();
        // First: from now on every stage sees the person as erased.
        SqliteErasures.Record(tx, scope.TombstoneKeys, now);

        var itemIds = Json(scope.Items.Keys);
        foreach (var (id, document) in scope.Items)
            if (Anonymizer.Erase(document, scope.Details))
                tx.Command("UPDATE documents SET body = $body WHERE container = $c AND id = $id")
                    .With("$c", FeedbackContainer).With("$id", id).With("$body", document.ToJsonString(FeedbackItemDto.JsonOptions)).ExecuteNonQuery();
        tx.Command("DELETE FROM identities WHERE item_id IN (SELECT value FROM json_each($i))").With("$i", itemIds).ExecuteNonQuery();

        // Pipeline messages still queued (and dead letters): their bodies are the items' documents.
        var queued = new List<(long Seq, JsonObject Body)>();
        using (var reader = tx.Command("""
                   SELECT seq, body FROM messages WHERE typeof(body) = 'text' AND json_valid(body) AND (json_extract(body, '$.id') IN (SELECT value FROM json_each($i))
                     OR json_extract(body, '$.author.id') IN (SELECT value FROM json_each($a)))
                   """).With("$i", itemIds).With("$a", Json(scope.AuthorIds)).ExecuteReader())
            while (reader.Read())
                if (ErasureScope.Parse(reader.GetString(1)) is { } body) queued.Add((reader.GetInt64(0), body));
        var queuedMessages = 0;
        foreach (var (seq, body) in queued)
            if (Anonymizer.Erase(body, scope.Details))
            {
                tx.Command("UPDATE messages SET body = $body WHERE seq = $s").With("$s", seq).With("$body", body.ToJsonString(FeedbackItemDto.JsonOptions)).ExecuteNonQuery();
                queuedMessages++;
            }

        var messageIds = new List<string>();
        using (var reader = tx.Command($"SELECT id FROM outbox WHERE {PersonsMessages}").With("$a", Json(scope.AuthorIds)).With("$i", itemIds).ExecuteReader())
            while (reader.Read()) messageIds.Add(reader.GetString(0));
        var sending = new List<string>();
        using (var reader = tx.Command($"SELECT id FROM outbox WHERE ({PersonsMessages}) AND status = 'pending' AND lease_until_ms > $now")
                   .With("$a", Json(scope.AuthorIds)).With("$i", itemIds).With("$now", now.ToUnixTimeMilliseconds()).ExecuteReader())
            while (reader.Read()) sending.Add(reader.GetString(0));
        var messages = ClearMessages(tx, scope, now, includeSending: false);

        // One anonymous id per erasure: counts and sums survive, the link to the person does not.
        var ledger = tx.Command("UPDATE loyalty_ledger SET author_id = $anon, fingerprint = NULL WHERE author_id IN (SELECT value FROM json_each($a))")
            .With("$a", Json(scope.AuthorIds)).With("$anon", $"erased-{Guid.NewGuid():N}").ExecuteNonQuery();
        tx.Command("UPDATE response_decisions SET author_id = NULL WHERE author_id IN (SELECT value FROM json_each($a)) OR item_id IN (SELECT value FROM json_each($i))")
            .With("$a", Json(scope.AuthorIds)).With("$i", itemIds).ExecuteNonQuery();
        tx.Command("DELETE FROM documents WHERE container = $c AND id IN (SELECT value FROM json_each($ids))")
            .With("$c", SqliteSpamHistory.Container).With("$ids", Json(scope.SpamKeys.Select(SpamHistoryDocument.IdOf))).ExecuteNonQuery();

        // Stored reports quote texts: the person is masked there too.
        if (!scope.Details.IsEmpty)
        {
            var reports = new List<(string Id, JsonObject Body)>();
            using (var reader = tx.Command("SELECT id, body FROM documents WHERE container = $c").With("$c", SqliteReportStore.Container).ExecuteReader())
                while (reader.Read())
                    if (ErasureScope.Parse(reader.GetString(1)) is { } body) reports.Add((reader.GetString(0), body));
            foreach (var (id, body) in reports)
                if (AuthorErasure.MaskStrings(body, scope.Details))
                    tx.Command("UPDATE documents SET body = $body WHERE container = $c AND id = $id")
                        .With("$c", SqliteReportStore.Container).With("$id", id).With("$body", body.ToJsonString()).ExecuteNonQuery();
        }

        tx.Command("INSERT INTO erasures(at_ms, items, messages, ledger_entries, queued_messages) VALUES ($at, $i, $m, $l, $q)")
            .With("$at", now.ToUnixTimeMilliseconds()).With("$i", scope.Items.Count).With("$m", messages).With("$l", ledger).With("$q", queuedMessages).ExecuteNonQuery();
        return (new ErasureReport(scope.Items.Count, messages, ledger, queuedMessages), messageIds, sending, scope);
    }

    /// <summary>The person's outbox messages: payload and author gone, the unsent ones cancelled. A message being sent right now
    /// (leased) is left to its send, unless <paramref name="includeSending"/>.</summary>
    private static int ClearMessages(SqliteTransaction tx, ErasureScope scope, DateTimeOffset now, bool includeSending) =>
        tx.Command($"""
            UPDATE outbox SET payload = '{ErasedPayload}', author_id = NULL,
              status = CASE WHEN status IN ('pending', 'held', 'no-channel') THEN 'dead-lettered' ELSE status END,
              last_error = CASE WHEN status IN ('pending', 'held', 'no-channel') THEN 'cancelled: the author''s personal data was erased' ELSE NULL END,
              lease_until_ms = 0
            WHERE ({PersonsMessages}) AND (payload <> '{ErasedPayload}' OR author_id IS NOT NULL)
              AND ($sending = 1 OR NOT (status = 'pending' AND lease_until_ms > $now))
            """).With("$a", Json(scope.AuthorIds)).With("$i", Json(scope.Items.Keys)).With("$now", now.ToUnixTimeMilliseconds())
            .With("$sending", includeSending ? 1 : 0).ExecuteNonQuery();

    /// <summary>Waits (a few seconds at most) until the sends under way for <paramref name="ids"/> have been settled.</summary>
    private async Task WaitForSendsAsync(IReadOnlyList<string> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < MaxSendWait)
        {
            var busy = await database.ReadAsync(c => c.Command("SELECT COUNT(*) FROM outbox WHERE id IN (SELECT value FROM json_each($ids)) AND status = 'pending' AND lease_until_ms > $now")
                .With("$ids", Json(ids)).With("$now", now.ToUnixTimeMilliseconds()).ExecuteScalar() is long n ? n : 0, cancellationToken);
            if (busy == 0) return;
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    private const string PersonsMessages = "author_id IN (SELECT value FROM json_each($a)) OR item_id IN (SELECT value FROM json_each($i))";

    private static string Json(IEnumerable<string> values) => System.Text.Json.JsonSerializer.Serialize(values);

    private static bool InsertOutbox(SqliteTransaction tx, OutboxMessage m, TimeSpan unsolicitedPeriod)
    {
        var status = "pending";
        string? note = null;
        if (m.Purpose == MessagePurpose.Unsolicited && m.AuthorId is not null)
        {
            var last = tx.Command("SELECT MAX(created_ms) FROM outbox WHERE author_id = $a AND purpose = 'Unsolicited' AND status <> 'held'").With("$a", m.AuthorId);
            var lastMs = last.ExecuteScalar() is long ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
            if (!ContactPolicy.MayContact(m.Purpose, lastMs, m.CreatedAt, unsolicitedPeriod))
                (status, note) = ("held", "contact-frequency cap: the author had an unsolicited message within the period");
        }
        var command = tx.Command("""
            INSERT INTO outbox(id, kind, target, payload, purpose, author_id, item_id, created_ms, status, next_attempt_ms, last_error, updated_ms)
            VALUES ($id, $k, $t, $p, $purpose, $a, $item, $created, $status, $created, $note, $created) ON CONFLICT(id) DO NOTHING
            """).With("$id", m.Id).With("$k", m.Kind).With("$t", m.Target).With("$p", m.Payload).With("$purpose", m.Purpose.ToString())
            .With("$a", m.AuthorId).With("$item", m.ItemId).With("$created", m.CreatedAt.ToUnixTimeMilliseconds()).With("$status", status).With("$note", note);
        return command.ExecuteNonQuery() == 1;
    }

    private const string LedgerSelect = "SELECT id, author_id, item_id, brand, source, points, at_ms, fingerprint FROM loyalty_ledger";

    private static List<LedgerEntry> ReadLedgerRows(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var list = new List<LedgerEntry>();
        while (r.Read())
            list.Add(new LedgerEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)), r.IsDBNull(7) ? null : r.GetString(7)));
        return list;
    }

    private const string DecisionColumns = "item_id, author_id, source, kind, tone, created_ms, decided_ms, reachable, follow_up, loyalty_reason, points, replied_ms, alerted_ms";

    private static List<ResponseTracking> ReadDecisionRows(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var list = new List<ResponseTracking>();
        while (r.Read())
            list.Add(new ResponseTracking(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), Enum.Parse<FeedbackKind>(r.GetString(3)),
                Enum.Parse<Tone>(r.GetString(4)), Ms(r.GetInt64(5)), Ms(r.GetInt64(6)), r.GetBoolean(7), r.GetBoolean(8), r.GetString(9), r.GetInt32(10),
                r.IsDBNull(11) ? null : Ms(r.GetInt64(11)), r.IsDBNull(12) ? null : Ms(r.GetInt64(12))));
        return list;
    }

    private const string OutboxColumns =
        "id, kind, target, payload, created_ms, author_id, item_id, purpose, status, attempts, delivered_ms, last_error, via, receipt, acknowledged_ms, next_attempt_ms, updated_ms";

    private static List<OutboxEntry> ReadOutboxRows(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var list = new List<OutboxEntry>();
        while (r.Read())
            list.Add(new OutboxEntry(
                new OutboxMessage(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Ms(r.GetInt64(4)),
                    r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), Enum.Parse<MessagePurpose>(r.GetString(7))),
                ParseStatus(r.GetString(8)), r.GetInt32(9), r.IsDBNull(10) ? null : Ms(r.GetInt64(10)), r.IsDBNull(11) ? null : r.GetString(11),
                r.IsDBNull(12) ? null : new DeliveryReceipt(r.GetString(12), r.IsDBNull(13) ? null : r.GetString(13), r.IsDBNull(14) ? null : Ms(r.GetInt64(14))),
                Ms(r.GetInt64(15)), r.IsDBNull(16) ? null : Ms(r.GetInt64(16))));
        return list;
    }

    private static DateTimeOffset Ms(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static OutboxStatus ParseStatus(string s) => s switch
    {
        "pending" => OutboxStatus.Pending,
        "delivered" => OutboxStatus.Delivered,
        "dead-lettered" => OutboxStatus.DeadLettered,
        "held" => OutboxStatus.Held,
        "no-channel" => OutboxStatus.NoChannel,
        "cancelled" => OutboxStatus.Cancelled,
        _ => throw new InvalidOperationException($"unknown outbox status '{s}'"),
    };

    // response_decisions_by_author is partial: an item without an author (a survey answer, an anonymous post) put a
    // (NULL, item id) entry at a random place of the whole-table index — one more page written per decision — and only the
    // erasure looks decisions up by author (bench/README.md, round 7).
    // response_decisions_created is dropped (schema of round 12): written with every decision and never read — the one query
    // by created_ms (TrackingAsync) has an OR with unindexed columns, so SQLite scans the table for it either way.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS loyalty_ledger(
          id TEXT PRIMARY KEY, author_id TEXT NOT NULL, item_id TEXT NOT NULL, brand TEXT NOT NULL, source TEXT NOT NULL,
          points INTEGER NOT NULL, at_ms INTEGER NOT NULL, fingerprint TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS loyalty_ledger_author ON loyalty_ledger(author_id, at_ms);
        CREATE TABLE IF NOT EXISTS response_decisions(
          item_id TEXT PRIMARY KEY, author_id TEXT, source TEXT NOT NULL, kind TEXT NOT NULL, tone TEXT NOT NULL,
          created_ms INTEGER NOT NULL, decided_ms INTEGER NOT NULL, reachable INTEGER NOT NULL, follow_up INTEGER NOT NULL,
          loyalty_reason TEXT NOT NULL, points INTEGER NOT NULL, replied_ms INTEGER, alerted_ms INTEGER) WITHOUT ROWID;
        DROP INDEX IF EXISTS response_decisions_author;
        CREATE INDEX IF NOT EXISTS response_decisions_by_author ON response_decisions(author_id) WHERE author_id IS NOT NULL;
        DROP INDEX IF EXISTS response_decisions_created;
        CREATE TABLE IF NOT EXISTS outbox(
          id TEXT PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, payload TEXT NOT NULL, purpose TEXT NOT NULL,
          author_id TEXT, item_id TEXT, created_ms INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_ms INTEGER NOT NULL, lease_until_ms INTEGER NOT NULL DEFAULT 0, delivered_ms INTEGER, last_error TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox(status, next_attempt_ms);
        CREATE INDEX IF NOT EXISTS outbox_author ON outbox(author_id, purpose, created_ms);
        CREATE TABLE IF NOT EXISTS erasures(
          seq INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, items INTEGER NOT NULL, messages INTEGER NOT NULL,
          ledger_entries INTEGER NOT NULL, queued_messages INTEGER NOT NULL);
        """;
}
