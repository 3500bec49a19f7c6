using System.Text.Json;
using Listening.Responses;
using Microsoft.Azure.Cosmos;
using static Listening.Storage.Cosmos.ResponseDocuments;

namespace Listening.Storage.Cosmos;

/// <summary>
/// The operators' side of the outbox on Cosmos DB: waiting for a channel, listing, summarising, retrying, cancelling.
/// Queries stay in the subset the adapter uses elsewhere (equality, ranges, ORDER BY one field, COUNT); grouping by
/// channel happens here, over a projection of the messages that did not go out and of those sent in the window.
/// </summary>
public sealed partial class CosmosResponseStore
{
    public Task MarkDeliveredAsync(string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkDeliveredAsync(messageId, now, null, cancellationToken);

    public Task WaitForChannelAsync(string messageId, DateTimeOffset recheckAt, string reason, CancellationToken cancellationToken) =>
        UpdateOutboxAsync(messageId, m => m with
        {
            Status = OutboxDocument.NoChannel, NextAttemptUtc = Utc(recheckAt), LeaseUntilUtc = OutboxDocument.Never, LastError = reason,
            UpdatedUtc = m.Status == OutboxDocument.NoChannel && m.LastError == reason ? m.UpdatedUtc : Utc(clock.GetUtcNow()),
        }, cancellationToken);

    public async Task<IReadOnlyList<OutboxEntry>> ListMessagesAsync(OutboxQuery query, CancellationToken cancellationToken)
    {
        var max = Math.Max(1, query.Max);
        var list = new List<OutboxEntry>();
        if (query.Ids is { Count: > 0 } ids)
        {
            foreach (var id in ids.Distinct())
                if (await GetMessageAsync(id, cancellationToken) is { } entry && Matches(entry, query)) list.Add(entry);
            return list.OrderByDescending(e => e.UpdatedAt ?? e.Message.CreatedAt).ThenBy(e => e.Message.Id, StringComparer.Ordinal).Take(max).ToList();
        }
        var sql = "SELECT * FROM c WHERE c.type = 'outbox'" + StatusClause(query.States) + " ORDER BY c.createdUtc DESC";
        await foreach (var (document, _) in responses.QueryAsync<OutboxDocument>("query-outbox", new QueryDefinition(sql), new QueryRequestOptions { MaxItemCount = 200 }, cancellationToken))
        {
            var entry = document.ToEntry();
            if (!Matches(entry, query)) continue;
            list.Add(entry);
            if (list.Count == max) break;
        }
        return list.OrderByDescending(e => e.UpdatedAt ?? e.Message.CreatedAt).ThenBy(e => e.Message.Id, StringComparer.Ordinal).ToList();
    }

    private static bool Matches(OutboxEntry entry, OutboxQuery query) =>
        (query.States is not { Count: > 0 } states || states.Contains(entry.State))
        && (query.Channel is null || string.Equals(entry.Channel, query.Channel, StringComparison.OrdinalIgnoreCase)
            || string.Equals(entry.Channel, OutboxChannels.Of(query.Channel), StringComparison.OrdinalIgnoreCase));

    /// <summary>The statuses the states need (failed and pending share one: the attempts tell them apart afterwards).</summary>
    private static string StatusClause(IReadOnlyCollection<string>? states)
    {
        if (states is not { Count: > 0 }) return "";
        var statuses = states.Select(s => s switch
        {
            OutboxStates.Pending or OutboxStates.Failed => OutboxDocument.Pending,
            OutboxStates.Sent => OutboxDocument.Delivered,
            OutboxStates.DeadLettered => OutboxDocument.DeadLettered,
            OutboxStates.NoChannel => OutboxDocument.NoChannel,
            OutboxStates.Held => OutboxDocument.Held,
            OutboxStates.Cancelled => OutboxDocument.Cancelled,
            _ => throw new ArgumentException($"unknown outbox state '{s}' (one of {string.Join(", ", OutboxStates.All)})"),
        }).Distinct();
        return " AND (" + string.Join(" OR ", statuses.Select(s => $"c.status = '{s}'")) + ")";
    }

    public async Task<OutboxSummary> SummarizeAsync(DateTimeOffset now, int latest, CancellationToken cancellationToken)
    {
        var window = OutboxSummary.DefaultSentWindow;
        var totals = OutboxStates.All.ToDictionary(s => s, _ => 0L);
        var channels = new SortedDictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        void Count(string channel, string state)
        {
            var states = channels.TryGetValue(channel, out var s) ? s : channels[channel] = [];
            states[state] = states.GetValueOrDefault(state) + 1;
        }

        // Sent messages can be millions: their total is one COUNT, their channels only within the window.
        await foreach (var partial in responses.QueryAsync("count", new QueryDefinition(
                           "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'outbox' AND c.status = 'delivered'"), null, cancellationToken))
            totals[OutboxStates.Sent] += partial.GetInt64();
        var sent = new QueryDefinition("SELECT c.target, c.via FROM c WHERE c.type = 'outbox' AND c.status = 'delivered' AND c.deliveredUtc >= @since")
            .WithParameter("@since", Utc(now - window));
        await foreach (var row in responses.QueryAsync("query-sent", sent, null, cancellationToken))
            Count(ChannelOf(row), OutboxStates.Sent);

        var problems = new List<OutboxProblem>();
        var open = new QueryDefinition("""
            SELECT c.messageId, c.kind, c.target, c.via, c.status, c.attempts, c.lastError, c.updatedUtc, c.createdUtc FROM c
            WHERE c.type = 'outbox' AND (c.status = 'pending' OR c.status = 'no-channel' OR c.status = 'dead-lettered' OR c.status = 'held' OR c.status = 'cancelled')
            """);
        await foreach (var row in responses.QueryAsync("query-open", open, null, cancellationToken))
        {
            var state = OutboxStates.Of(OutboxDocument.ParseStatus(row.GetProperty("status").GetString()!), row.GetProperty("attempts").GetInt32());
            var channel = ChannelOf(row);
            totals[state]++;
            Count(channel, state);
            if (state is OutboxStates.Failed or OutboxStates.DeadLettered or OutboxStates.NoChannel)
                problems.Add(new OutboxProblem(row.GetProperty("messageId").GetString()!, row.GetProperty("kind").GetString()!, channel, state,
                    row.GetProperty("attempts").GetInt32(), Text(row, "lastError"), InstantOrNull(Text(row, "updatedUtc") ?? Text(row, "createdUtc"))));
        }
        var latestProblems = problems.OrderByDescending(p => p.At).ThenBy(p => p.MessageId, StringComparer.Ordinal).Take(Math.Max(0, latest)).ToList();
        return new OutboxSummary(totals, channels.Select(kv => new OutboxChannelCounts(kv.Key, kv.Value)).ToList(), latestProblems, window);
    }

    private static string ChannelOf(JsonElement row) => Text(row, "via") ?? OutboxChannels.Of(Text(row, "target") ?? "");

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public async Task<int> RetryAsync(IReadOnlyCollection<string> messageIds, bool resend, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retried = 0;
        foreach (var id in messageIds.Distinct())
        {
            var changed = false;
            await UpdateAsync<OutboxDocument>(OutboxKey(id), m =>
            {
                var retryable = m.Payload != ErasedPayload
                    && (m.Status is OutboxDocument.DeadLettered or OutboxDocument.NoChannel or OutboxDocument.Cancelled
                        || m.Status == OutboxDocument.Pending && m.Attempts > 0 || resend && m.Status == OutboxDocument.Delivered);
                changed = retryable;
                return !retryable ? null : m with
                {
                    Status = OutboxDocument.Pending, Attempts = 0, NextAttemptUtc = Utc(now), LeaseUntilUtc = OutboxDocument.Never, UpdatedUtc = Utc(now),
                    LastError = m.LastError is null ? null : "retried by an operator; before: " + m.LastError,
                };
            }, cancellationToken);
            if (changed) retried++;
        }
        return retried;
    }

    public async Task<int> CancelAsync(IReadOnlyCollection<string> messageIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cancelled = 0;
        foreach (var id in messageIds.Distinct())
        {
            var changed = false;
            await UpdateAsync<OutboxDocument>(OutboxKey(id), m =>
            {
                changed = m.Status is OutboxDocument.Pending or OutboxDocument.NoChannel or OutboxDocument.Held or OutboxDocument.DeadLettered;
                return !changed ? null : m with
                {
                    Status = OutboxDocument.Cancelled, LeaseUntilUtc = OutboxDocument.Never, UpdatedUtc = Utc(now),
                    LastError = "cancelled by an operator" + (m.LastError is null ? "" : "; before: " + m.LastError),
                };
            }, cancellationToken);
            if (changed) cancelled++;
        }
        return cancelled;
    }

    /// <summary>What erasure leaves of a message's payload: such a message is never sent again.</summary>
    private const string ErasedPayload = """{"erased":true}""";
}
