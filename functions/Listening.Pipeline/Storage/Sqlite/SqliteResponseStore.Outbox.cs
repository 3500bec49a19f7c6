using Listening.Responses;
using Microsoft.Data.Sqlite;

namespace Listening.Storage.Sqlite;

/// <summary>The operators' side of the outbox on SQLite: waiting for a channel, listing, summarising, retrying, cancelling.</summary>
public sealed partial class SqliteResponseStore
{
    /// <summary>Columns added after the first release of the outbox table: added in place to an existing data dir.</summary>
    private static readonly (string Name, string Type)[] OutboxAdditions =
        [("via", "TEXT"), ("receipt", "TEXT"), ("acknowledged_ms", "INTEGER"), ("updated_ms", "INTEGER")];

    private static int MigrateOutbox(SqliteTransaction tx)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var reader = tx.Command("SELECT name FROM pragma_table_info('outbox')").ExecuteReader())
            while (reader.Read()) existing.Add(reader.GetString(0));
        foreach (var (name, type) in OutboxAdditions.Where(c => !existing.Contains(c.Name)))
            tx.Command($"ALTER TABLE outbox ADD COLUMN {name} {type}").ExecuteNonQuery();
        tx.Command("CREATE INDEX IF NOT EXISTS outbox_updated ON outbox(status, updated_ms)").ExecuteNonQuery();
        return 0;
    }

    private long UpdatedMs() => time.GetUtcNow().ToUnixTimeMilliseconds();

    public Task MarkDeliveredAsync(string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkDeliveredAsync(messageId, now, null, cancellationToken);

    public Task WaitForChannelAsync(string messageId, DateTimeOffset recheckAt, string reason, CancellationToken cancellationToken) =>
        database.WriteAsync(tx => tx.Command("""
                UPDATE outbox SET status = 'no-channel', next_attempt_ms = $next, lease_until_ms = 0, last_error = $e,
                  updated_ms = CASE WHEN status = 'no-channel' AND last_error IS $e THEN updated_ms ELSE $updated END
                WHERE id = $id AND status IN ('pending', 'no-channel')
                """).With("$id", messageId).With("$next", recheckAt.ToUnixTimeMilliseconds()).With("$e", reason).With("$updated", UpdatedMs())
            .ExecuteNonQuery(), cancellationToken);

    public Task<IReadOnlyList<OutboxEntry>> ListMessagesAsync(OutboxQuery query, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxEntry>>(c =>
        {
            var (where, parameters) = Filter(query);
            var command = c.Command($"SELECT {OutboxColumns} FROM outbox {where} ORDER BY COALESCE(updated_ms, created_ms) DESC, id LIMIT $max");
            foreach (var (name, value) in parameters) command.With(name, value);
            command.With("$max", Math.Max(1, query.Max));
            return ReadOutboxRows(command);
        }, cancellationToken);

    /// <summary>The WHERE clause for states, ids and the channel (the one that took a sent message, else the target's).</summary>
    private static (string Where, List<(string, object?)> Parameters) Filter(OutboxQuery query)
    {
        var clauses = new List<string>();
        var parameters = new List<(string, object?)>();
        if (query.States is { Count: > 0 } states)
        {
            var ors = new List<string>();
            foreach (var state in states.Distinct())
                ors.Add(state switch
                {
                    OutboxStates.Pending => "(status = 'pending' AND attempts = 0)",
                    OutboxStates.Failed => "(status = 'pending' AND attempts > 0)",
                    OutboxStates.Sent => "status = 'delivered'",
                    OutboxStates.DeadLettered => "status = 'dead-lettered'",
                    OutboxStates.NoChannel => "status = 'no-channel'",
                    OutboxStates.Held => "status = 'held'",
                    OutboxStates.Cancelled => "status = 'cancelled'",
                    _ => throw new ArgumentException($"unknown outbox state '{state}' (one of {string.Join(", ", OutboxStates.All)})"),
                });
            clauses.Add("(" + string.Join(" OR ", ors) + ")");
        }
        if (query.Ids is { Count: > 0 } ids)
        {
            var names = ids.Select((id, i) => { parameters.Add(($"$id{i}", id)); return $"$id{i}"; }).ToList();
            clauses.Add($"id IN ({string.Join(", ", names)})");
        }
        if (query.Channel is { } channel)
        {
            parameters.Add(("$channel", channel));
            parameters.Add(("$target", OutboxChannels.Target(channel)));
            clauses.Add("COALESCE(via, target) IN ($channel, $target)");
        }
        return (clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", clauses), parameters);
    }

    public Task<OutboxSummary> SummarizeAsync(DateTimeOffset now, int latest, CancellationToken cancellationToken) =>
        database.ReadAsync(c =>
        {
            var window = OutboxSummary.DefaultSentWindow;
            var totals = OutboxStates.All.ToDictionary(s => s, _ => 0L);
            var channels = new SortedDictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            var command = c.Command("""
                SELECT COALESCE(via, target), status, attempts > 0, COUNT(*), SUM(CASE WHEN status = 'delivered' AND delivered_ms >= $since THEN 1 ELSE 0 END)
                FROM outbox GROUP BY 1, 2, 3
                """).With("$since", (now - window).ToUnixTimeMilliseconds());
            using (var r = command.ExecuteReader())
                while (r.Read())
                {
                    var state = OutboxStates.Of(ParseStatus(r.GetString(1)), r.GetBoolean(2) ? 1 : 0);
                    totals[state] += r.GetInt64(3);
                    // Sent per channel: within the window (what an operator watches); every other state: all of it.
                    var count = state == OutboxStates.Sent ? r.GetInt64(4) : r.GetInt64(3);
                    if (count == 0) continue;
                    var states = channels.TryGetValue(OutboxChannels.Of(r.GetString(0)), out var s) ? s : channels[OutboxChannels.Of(r.GetString(0))] = [];
                    states[state] = states.GetValueOrDefault(state) + count;
                }
            var problems = c.Command($"""
                SELECT {OutboxColumns} FROM outbox
                WHERE status IN ('dead-lettered', 'no-channel') OR (status = 'pending' AND attempts > 0)
                ORDER BY COALESCE(updated_ms, created_ms) DESC, id LIMIT $n
                """).With("$n", Math.Max(0, latest));
            var latestProblems = ReadOutboxRows(problems)
                .Select(e => new OutboxProblem(e.Message.Id, e.Message.Kind, e.Channel, e.State, e.Attempts, e.LastError, e.UpdatedAt ?? e.Message.CreatedAt))
                .ToList();
            return new OutboxSummary(totals, channels.Select(kv => new OutboxChannelCounts(kv.Key, kv.Value)).ToList(), latestProblems, window);
        }, cancellationToken);

    public Task<int> RetryAsync(IReadOnlyCollection<string> messageIds, bool resend, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(tx =>
        {
            var retried = 0;
            foreach (var id in messageIds.Distinct())
            {
                var command = tx.Command($"""
                    UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_ms = $now, lease_until_ms = 0, updated_ms = $now,
                      last_error = CASE WHEN last_error IS NULL THEN NULL ELSE 'retried by an operator; before: ' || last_error END
                    WHERE id = $id AND payload <> '{ErasedPayload}'
                      AND (status IN ('dead-lettered', 'no-channel', 'cancelled') OR (status = 'pending' AND attempts > 0)
                           OR ($resend = 1 AND status = 'delivered'))
                    """).With("$id", id).With("$now", now.ToUnixTimeMilliseconds()).With("$resend", resend);
                retried += command.ExecuteNonQuery();
            }
            return retried;
        }, cancellationToken);

    public Task<int> CancelAsync(IReadOnlyCollection<string> messageIds, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(tx =>
        {
            var cancelled = 0;
            foreach (var id in messageIds.Distinct())
                cancelled += tx.Command("""
                    UPDATE outbox SET status = 'cancelled', lease_until_ms = 0, updated_ms = $now,
                      last_error = 'cancelled by an operator' || CASE WHEN last_error IS NULL THEN '' ELSE '; before: ' || last_error END
                    WHERE id = $id AND status IN ('pending', 'no-channel', 'held', 'dead-lettered')
                    """).With("$id", id).With("$now", now.ToUnixTimeMilliseconds()).ExecuteNonQuery();
            return cancelled;
        }, cancellationToken);

    /// <summary>What erasure leaves of a message's payload: such a message is never sent again.</summary>
    internal const string ErasedPayload = """{"erased":true}""";
}
