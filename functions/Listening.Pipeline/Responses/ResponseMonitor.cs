using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Listening.Core.Responses;
using Microsoft.Extensions.Options;

namespace Listening.Responses;

public sealed record MonitorRun(int Overdue, int Alerted, IReadOnlyList<string> DigestsQueued);

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
        var records = tracked.Select(t => new ResponseRecord(t.ItemId, t.Source, t.Kind, t.Tone, t.CreatedAt, t.RepliedAt)).ToList();
        var alertedBefore = tracked.Where(t => t.AlertedAt is not null).Select(t => t.ItemId).ToHashSet();

        var overdue = ResponseDigest.Overdue(records, targets.Value, now);
        var fresh = overdue.Where(w => !alertedBefore.Contains(w.ItemId)).ToList();
        if (fresh.Count > 0 && delivery.Value.Webhooks.ContainsKey("alerts"))
        {
            var items = new JsonArray(fresh.Select(w => (JsonNode)new JsonObject
            {
                ["itemId"] = w.ItemId, ["channel"] = w.Channel, ["tone"] = w.Tone.Key(), ["createdAt"] = w.CreatedAt,
                ["waitedMinutes"] = Math.Round(w.Waited.TotalMinutes), ["targetMinutes"] = w.Target.TotalMinutes,
            }).ToArray());
            var id = $"overdue-{now:yyyyMMddHHmmss}-{fresh[0].ItemId}";
            await store.EnqueueAsync(new OutboxMessage(id, "overdue-alert", "webhook:alerts",
                ResponsePlanner.Payload("responses.overdue", now, new JsonObject { ["count"] = fresh.Count, ["items"] = items }), now), TimeSpan.Zero, cancellationToken);
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
        ["waiting"] = new JsonArray(digest.Waiting.Take(100).Select(w => (JsonNode)new JsonObject
        {
            ["itemId"] = w.ItemId, ["channel"] = w.Channel, ["tone"] = w.Tone.Key(), ["waitedMinutes"] = Math.Round(w.Waited.TotalMinutes), ["overdue"] = w.Overdue,
        }).ToArray()),
    };

    public static string Text(ResponseDigest digest, string title)
    {
        var sb = new StringBuilder(title).Append("\n\n");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"channel",-8} {"target",7} {"received",8} {"replied",7} {"on time",7} {"median",7} {"p90",7} {"waiting",7} {"overdue",7}");
        foreach (var c in digest.Channels)
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{c.Channel,-8} {Format(c.Target),7} {c.Received,8} {c.Replied,7} {c.RepliedOnTime,7} {Format(c.MedianTimeToReply),7} {Format(c.P90TimeToReply),7} {c.Waiting,7} {c.Overdue,7}");
        var waiting = digest.Waiting.Take(20).ToList();
        if (waiting.Count > 0)
        {
            sb.Append("\nStill waiting (negative first):\n");
            foreach (var w in waiting)
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {w.ItemId}  {w.Channel}  {w.Tone.Key()}  waited {Format(w.Waited)}{(w.Overdue ? "  OVERDUE" : "")}");
        }
        return sb.ToString();
    }

    private static double? Minutes(TimeSpan? t) => t is null ? null : Math.Round(t.Value.TotalMinutes, 1);

    private static string Format(TimeSpan? t) => t switch
    {
        null => "–",
        { TotalMinutes: < 90 } v => $"{v.TotalMinutes:0}m",
        { TotalHours: < 48 } v => $"{v.TotalHours:0.#}h",
        var v => $"{v.Value.TotalDays:0.#}d",
    };
}
