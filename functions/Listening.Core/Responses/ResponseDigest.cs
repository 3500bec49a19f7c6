using Listening.Core.Feedback;

namespace Listening.Core.Responses;

/// <summary>
/// What response-time tracking needs of one item. <see cref="RepliedAt"/> is when the reply was delivered;
/// null while it waits. Items whose author cannot be reached are not tracked (nothing to wait for).
/// </summary>
public sealed record ResponseRecord(string ItemId, string Source, FeedbackKind Kind, Tone Tone, DateTimeOffset CreatedAt, DateTimeOffset? RepliedAt);

public sealed record ChannelResponseTimes(
    string Channel, TimeSpan Target, int Received, int Replied, int RepliedOnTime, int Waiting, int Overdue,
    TimeSpan? MedianTimeToReply, TimeSpan? P90TimeToReply);

public sealed record WaitingItem(string ItemId, string Channel, Tone Tone, DateTimeOffset CreatedAt, TimeSpan Waited, TimeSpan Target)
{
    public bool Overdue => Waited > Target;
}

/// <summary>
/// Response-time statistics for a period (daily and weekly digests) and the overdue list for alerts.
/// Received/replied/median/p90 count items created in [From, To); waiting counts every item still unanswered at <c>now</c>.
/// </summary>
public sealed record ResponseDigest(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ChannelResponseTimes> Channels, IReadOnlyList<WaitingItem> Waiting)
{
    public static ResponseDigest Build(IEnumerable<ResponseRecord> records, ResponseTargets targets, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var list = records.ToList();
        var waiting = WaitingNow(list, targets, now);
        var channels = list
            .GroupBy(r => targets.ClassOf(r.Source, r.Kind), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var target = targets.TargetFor(g.Key);
                var inPeriod = g.Where(r => r.CreatedAt >= from && r.CreatedAt < to).ToList();
                var times = inPeriod.Where(r => r.RepliedAt is not null).Select(r => r.RepliedAt!.Value - r.CreatedAt).Order().ToList();
                var waitingHere = waiting.Where(w => w.Channel.Equals(g.Key, StringComparison.OrdinalIgnoreCase)).ToList();
                return new ChannelResponseTimes(g.Key, target, inPeriod.Count, times.Count, times.Count(t => t <= target),
                    waitingHere.Count, waitingHere.Count(w => w.Overdue), Median(times), Percentile(times, 0.9));
            })
            .ToList();
        return new ResponseDigest(from, to, channels, waiting);
    }

    /// <summary>Items waiting past their channel's target: negative first, then the longest overdue.</summary>
    public static IReadOnlyList<WaitingItem> Overdue(IEnumerable<ResponseRecord> records, ResponseTargets targets, DateTimeOffset now) =>
        WaitingNow(records, targets, now).Where(w => w.Overdue).ToList();

    private static List<WaitingItem> WaitingNow(IEnumerable<ResponseRecord> records, ResponseTargets targets, DateTimeOffset now) =>
        records.Where(r => r.RepliedAt is null && r.CreatedAt <= now)
            .Select(r =>
            {
                var cls = targets.ClassOf(r.Source, r.Kind);
                return new WaitingItem(r.ItemId, cls, r.Tone, r.CreatedAt, now - r.CreatedAt, targets.TargetFor(cls));
            })
            .OrderByDescending(w => w.Tone == Tone.Negative)
            .ThenByDescending(w => w.Overdue)
            .ThenByDescending(w => w.Waited - w.Target)
            .ToList();

    public static TimeSpan? Median(IReadOnlyList<TimeSpan> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    public static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double p) => sorted.Count == 0 ? null
        : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
