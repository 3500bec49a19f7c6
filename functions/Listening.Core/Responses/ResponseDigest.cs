using Listening.Core.Feedback;

namespace Listening.Core.Responses;

/// <summary>
/// What response-time tracking needs of one item. <see cref="CreatedAt"/> is the post's own timestamp (when the author
/// wrote it); <see cref="RepliedAt"/> the platform's acknowledgement of the reply (its own timestamp, our clock when it
/// gives none); null while it waits. <see cref="ReceivedAt"/>: when the pipeline took the item in (our part of the wait
/// starts there — an imported backlog is old on arrival). Items whose author cannot be reached are not tracked.
/// </summary>
public sealed record ResponseRecord(string ItemId, string Source, FeedbackKind Kind, Tone Tone, DateTimeOffset CreatedAt, DateTimeOffset? RepliedAt,
    DateTimeOffset? ReceivedAt = null);

/// <summary>
/// Response times of one channel: a channel class (<c>social</c>, <c>review</c> …) or a source (<c>telegram</c>, <c>vk</c>,
/// <c>googleplay</c> …, then <see cref="Class"/> names its class, whose target it has). Times run from the post to the
/// platform's acknowledgement; <see cref="MedianFromReceipt"/> from our receipt of the item to the same acknowledgement.
/// </summary>
public sealed record ChannelResponseTimes(
    string Channel, TimeSpan Target, int Received, int Replied, int RepliedOnTime, int Waiting, int Overdue,
    TimeSpan? MedianTimeToReply, TimeSpan? P90TimeToReply, string? Class = null, TimeSpan? MedianFromReceipt = null);

/// <summary>An item still waiting for its reply; <see cref="Channel"/> is its channel class, <see cref="Source"/> where it was written.</summary>
public sealed record WaitingItem(string ItemId, string Channel, Tone Tone, DateTimeOffset CreatedAt, TimeSpan Waited, TimeSpan Target, string? Source = null)
{
    public bool Overdue => Waited > Target;
}

/// <summary>
/// Response-time statistics for a period (daily and weekly digests, the report's Responses section, status) and the
/// overdue list for alerts. Received/replied/median/p90 count items created in [From, To); waiting counts every item
/// still unanswered at <c>now</c>. <see cref="Channels"/> is per channel class, <see cref="Sources"/> per source.
/// </summary>
public sealed record ResponseDigest(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ChannelResponseTimes> Channels, IReadOnlyList<WaitingItem> Waiting)
{
    /// <summary>The same figures per source (the platform the author wrote on), each with its class's target.</summary>
    public IReadOnlyList<ChannelResponseTimes> Sources { get; init; } = [];

    public static ResponseDigest Build(IEnumerable<ResponseRecord> records, ResponseTargets targets, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var list = records.ToList();
        var waiting = WaitingNow(list, targets, now);
        var channels = list
            .GroupBy(r => targets.ClassOf(r.Source, r.Kind), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, null, targets.TargetFor(g.Key), g, waiting.Where(w => w.Channel.Equals(g.Key, StringComparison.OrdinalIgnoreCase)), from, to))
            .ToList();
        var sources = list
            .GroupBy(r => r.Source, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var cls = targets.ClassOf(g.Key, g.First().Kind);
                return Row(g.Key, cls, targets.TargetFor(cls), g, waiting.Where(w => string.Equals(w.Source, g.Key, StringComparison.OrdinalIgnoreCase)), from, to);
            })
            .OrderBy(r => r.Target).ThenBy(r => r.Channel, StringComparer.Ordinal)
            .ToList();
        return new ResponseDigest(from, to, channels, waiting) { Sources = sources };
    }

    private static ChannelResponseTimes Row(string channel, string? cls, TimeSpan target, IEnumerable<ResponseRecord> records, IEnumerable<WaitingItem> waiting,
        DateTimeOffset from, DateTimeOffset to)
    {
        var inPeriod = records.Where(r => r.CreatedAt >= from && r.CreatedAt < to).ToList();
        var replied = inPeriod.Where(r => r.RepliedAt is not null).ToList();
        var times = replied.Select(r => r.RepliedAt!.Value - r.CreatedAt).Order().ToList();
        var ours = replied.Where(r => r.ReceivedAt is not null).Select(r => r.RepliedAt!.Value - r.ReceivedAt!.Value).Order().ToList();
        var waitingHere = waiting.ToList();
        return new ChannelResponseTimes(channel, target, inPeriod.Count, times.Count, times.Count(t => t <= target),
            waitingHere.Count, waitingHere.Count(w => w.Overdue), Median(times), Percentile(times, 0.9), cls, Median(ours));
    }

    /// <summary>Items waiting past their channel's target: negative first, then the longest overdue.</summary>
    public static IReadOnlyList<WaitingItem> Overdue(IEnumerable<ResponseRecord> records, ResponseTargets targets, DateTimeOffset now) =>
        WaitingNow(records, targets, now).Where(w => w.Overdue).ToList();

    private static List<WaitingItem> WaitingNow(IEnumerable<ResponseRecord> records, ResponseTargets targets, DateTimeOffset now) =>
        records.Where(r => r.RepliedAt is null && r.CreatedAt <= now)
            .Select(r =>
            {
                var cls = targets.ClassOf(r.Source, r.Kind);
                return new WaitingItem(r.ItemId, cls, r.Tone, r.CreatedAt, now - r.CreatedAt, targets.TargetFor(cls), r.Source);
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
