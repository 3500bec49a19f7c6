using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Listening.Core.Responses;
using Microsoft.Extensions.Options;

namespace Listening.Responses;

public sealed record MonitorRun(int Overdue, int Alerted, IReadOnlyList<string> DigestsQueued);

/// <summary>
/// One channel's response times, in minutes, for status and the report: the source (<c>telegram</c>, <c>vk</c>,
/// <c>googleplay</c> …), its class and target; of the items posted in the period, how many were answered and how many
/// within the target; the median and p90 from the post's own timestamp to the platform's acknowledgement of the reply;
/// the median from our receipt of the item (our own part: an imported backlog is old on arrival); and the items still
/// waiting now, overdue among them.
/// </summary>
public sealed record ResponseTimeRow(string Channel, string? Class, double TargetMinutes, int Received, int Replied, int RepliedOnTime,
    double? MedianMinutes, double? P90Minutes, double? MedianFromArrivalMinutes, int Waiting, int Overdue)
{
    public static IReadOnlyList<ResponseTimeRow> Of(ResponseDigest digest) => digest.Sources.Select(c => new ResponseTimeRow(
        c.Channel, c.Class, c.Target.TotalMinutes, c.Received, c.Replied, c.RepliedOnTime, ResponseMonitor.Minutes(c.MedianTimeToReply),
        ResponseMonitor.Minutes(c.P90TimeToReply), ResponseMonitor.Minutes(c.MedianFromReceipt), c.Waiting, c.Overdue)).ToList();

    /// <summary>Response times per channel of the items posted in [<paramref name="from"/>, <paramref name="to"/>) (all items
    /// when <paramref name="itemIds"/> is null, else those ids only).</summary>
    public static async Task<IReadOnlyList<ResponseTimeRow>> ReadAsync(IResponseStore store, ResponseTargets targets, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset now, Func<string, bool>? itemIds, CancellationToken cancellationToken)
    {
        var tracked = (await store.TrackingAsync(from, cancellationToken)).Where(t => t.Reachable && (itemIds is null || itemIds(t.ItemId)));
        return Of(ResponseDigest.Build(ResponseMonitor.Records(tracked), targets, from, to, now));
    }
}

/// <summary>
/// The immediate and the daily/weekly rhythms of response-time monitoring. Each run: one alert (webhook
/// <c>alerts</c>) listing items newly past their channel's target, negative first; the previous day's digest once
/// the configured hour has passed, and on Mondays the previous week's. Digest ids are deterministic
/// (<c>digest-daily-2026-11-20</c>), so running every few minutes queues each digest once.
/// </summary>
public sealed class ResponseMonitor(
    IResponseStore store, IOptions<ResponseTargets> targets, IOptions<MonitoringOptions> options, IOptions<DeliveryOptions> delivery, TimeProvider time)
{
    public async Task<MonitorRun> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tracked = (await store.TrackingAsync(now.AddDays(-8), cancellationToken)).Where(t => t.Reachable).ToList();
        var records = Records(tracked);
        var alertedBefore = tracked.Where(t => t.AlertedAt is not null).Select(t => t.ItemId).ToHashSet();

        var overdue = ResponseDigest.Overdue(records, targets.Value, now);
        var fresh = overdue.Where(w => !alertedBefore.Contains(w.ItemId)).ToList();
        if (fresh.Count > 0 && delivery.Value.Webhooks.ContainsKey("alerts"))
        {
            var items = new JsonArray(fresh.Select(w => (JsonNode)new JsonObject
            {
                ["itemId"] = w.ItemId, ["channel"] = w.Channel, ["source"] = w.Source, ["tone"] = w.Tone.Key(), ["createdAt"] = w.CreatedAt,
                ["waitedMinutes"] = Math.Round(w.Waited.TotalMinutes), ["targetMinutes"] = w.Target.TotalMinutes,
            }).ToArray());
            // Beside the overdue items, how each channel has been doing over the last day (post → platform's acknowledgement).
            var lastDay = ResponseDigest.Build(records, targets.Value, now.AddDays(-1), now, now);
            var id = $"overdue-{now:yyyyMMddHHmmss}-{fresh[0].ItemId}";
            await store.EnqueueAsync(new OutboxMessage(id, "overdue-alert", "webhook:alerts",
                ResponsePlanner.Payload("responses.overdue", now, new JsonObject
                {
                    ["count"] = fresh.Count, ["items"] = items, ["responseTimes24h"] = SourcesJson(lastDay),
                }), now), TimeSpan.Zero, cancellationToken);
            await store.MarkAlertedAsync(fresh.Select(w => w.ItemId).ToList(), now, cancellationToken);
        }

        var queued = new List<string>();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (now.Hour >= options.Value.DailyDigestHourUtc)
        {
            if (await QueueDigestAsync("daily", today.AddDays(-1), today, records, now, cancellationToken) is { } daily) queued.Add(daily);
            if (options.Value.WeeklyDigest && now.DayOfWeek == DayOfWeek.Monday
                && await QueueDigestAsync("weekly", today.AddDays(-7), today, records, now, cancellationToken) is { } weekly) queued.Add(weekly);
        }
        return new MonitorRun(overdue.Count, fresh.Count, queued);
    }

    private async Task<string?> QueueDigestAsync(string rhythm, DateTimeOffset from, DateTimeOffset to, List<ResponseRecord> records, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var digest = ResponseDigest.Build(records, targets.Value, from, to, now);
        var id = $"digest-{rhythm}-{from:yyyy-MM-dd}";
        var subject = $"Response times, {rhythm} digest {from:yyyy-MM-dd}" + (rhythm == "weekly" ? $" – {to.AddDays(-1):yyyy-MM-dd}" : "");
        OutboxMessage message;
        if (!string.IsNullOrWhiteSpace(options.Value.DigestEmail))
            message = new OutboxMessage(id, "digest", "email", ResponsePlanner.Payload("responses.digest", now, new JsonObject
            {
                ["address"] = options.Value.DigestEmail, ["subject"] = subject, ["body"] = Text(digest, subject),
            }), now);
        else if (delivery.Value.Webhooks.ContainsKey("digests"))
            message = new OutboxMessage(id, "digest", "webhook:digests", ResponsePlanner.Payload("responses.digest", now, Json(digest, rhythm)), now);
        else return null;
        return await store.EnqueueAsync(message, TimeSpan.Zero, cancellationToken) ? id : null;
    }

    /// <summary>What monitoring needs of the decisions: the post's time, the platform's acknowledgement, and our decision time
    /// (seconds after the item arrived) as the start of our own part.</summary>
    public static List<ResponseRecord> Records(IEnumerable<ResponseTracking> tracked) =>
        tracked.Select(t => new ResponseRecord(t.ItemId, t.Source, t.Kind, t.Tone, t.CreatedAt, t.RepliedAt, t.DecidedAt)).ToList();

    /// <summary>Per source: its class and target, replied / on time, median and p90 from the post, median from arrival, waiting and overdue.</summary>
    public static JsonArray SourcesJson(ResponseDigest digest) => new(digest.Sources.Select(c => (JsonNode)new JsonObject
    {
        ["channel"] = c.Channel, ["class"] = c.Class, ["targetMinutes"] = c.Target.TotalMinutes, ["received"] = c.Received, ["replied"] = c.Replied,
        ["repliedOnTime"] = c.RepliedOnTime, ["medianMinutes"] = Minutes(c.MedianTimeToReply), ["p90Minutes"] = Minutes(c.P90TimeToReply),
        ["medianFromArrivalMinutes"] = Minutes(c.MedianFromReceipt), ["waiting"] = c.Waiting, ["overdue"] = c.Overdue,
    }).ToArray());

    public static JsonObject Json(ResponseDigest digest, string rhythm) => new()
    {
        ["rhythm"] = rhythm,
        ["from"] = digest.From,
        ["to"] = digest.To,
        ["channels"] = new JsonArray(digest.Channels.Select(c => (JsonNode)new JsonObject
        {
            ["channel"] = c.Channel, ["targetMinutes"] = c.Target.TotalMinutes, ["received"] = c.Received, ["replied"] = c.Replied,
            ["repliedOnTime"] = c.RepliedOnTime, ["waiting"] = c.Waiting, ["overdue"] = c.Overdue,
            ["medianMinutes"] = Minutes(c.MedianTimeToReply), ["p90Minutes"] = Minutes(c.P90TimeToReply),
        }).ToArray()),
        ["sources"] = SourcesJson(digest),
        ["waiting"] = new JsonArray(digest.Waiting.Take(100).Select(w => (JsonNode)new JsonObject
        {
            ["itemId"] = w.ItemId, ["channel"] = w.Channel, ["source"] = w.Source, ["tone"] = w.Tone.Key(), ["waitedMinutes"] = Math.Round(w.Waited.TotalMinutes), ["overdue"] = w.Overdue,
        }).ToArray()),
    };

    public static string Text(ResponseDigest digest, string title)
    {
        var sb = new StringBuilder(title).Append("\n\n");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"channel",-8} {"target",7} {"received",8} {"replied",7} {"on time",7} {"median",7} {"p90",7} {"waiting",7} {"overdue",7}");
        foreach (var c in digest.Channels)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{c.Channel,-8} {Format(c.Target),7} {c.Received,8} {c.Replied,7} {c.RepliedOnTime,7} {Format(c.MedianTimeToReply),7} {Format(c.P90TimeToReply),7} {c.Waiting,7} {c.Overdue,7}");
        if (digest.Sources.Count > 0)
        {
            sb.Append("\nPer channel (post → the platform's acknowledgement; \"arrival\": from our receipt):\n");
            sb.AppendLine(CultureInfo.InvariantCulture, $"{"channel",-14} {"target",7} {"replied",7} {"on time",7} {"median",7} {"p90",7} {"arrival",7} {"waiting",7} {"overdue",7}");
            foreach (var c in digest.Sources)
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"{c.Channel,-14} {Format(c.Target),7} {c.Replied,7} {c.RepliedOnTime,7} {Format(c.MedianTimeToReply),7} {Format(c.P90TimeToReply),7} {Format(c.MedianFromReceipt),7} {c.Waiting,7} {c.Overdue,7}");
        }
        var waiting = digest.Waiting.Take(20).ToList();
        if (waiting.Count > 0)
        {
            sb.Append("\nStill waiting (negative first):\n");
            foreach (var w in waiting)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {w.ItemId}  {w.Source ?? w.Channel}  {w.Tone.Key()}  waited {Format(w.Waited)}{(w.Overdue ? "  OVERDUE" : "")}");
        }
        return sb.ToString();
    }

    public static double? Minutes(TimeSpan? t) => t is null ? null : Math.Round(t.Value.TotalMinutes, 2);

    public static string Format(TimeSpan? t) => t switch
    {
        null => "–",
        { TotalSeconds: < 90 } v => $"{v.TotalSeconds:0}s",
        { TotalMinutes: < 90 } v => $"{v.TotalMinutes:0}m",
        { TotalHours: < 48 } v => $"{v.TotalHours:0.#}h",
        var v => $"{v.Value.TotalDays:0.#}d",
    };
}
