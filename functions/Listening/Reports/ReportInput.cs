using Listening.Core.Feedback;
using Listening.Core.Matrix;

namespace Listening.Reports;

/// <summary>
/// Everything a report reads, gathered in one pass over scored items: the per-day sufficient
/// statistics of the brand and its competitors (current and previous period) and a bounded set of
/// quote candidates. Items are not kept; duplicates (same id) count once.
/// </summary>
public sealed class ReportInput(ReportRequest request)
{
    private readonly HashSet<ulong> _seen = [];

    public ReportRequest Request { get; } = request;
    public FeedbackAggregates Aggregates { get; } = new();
    public QuoteCandidates Quotes { get; } = new(request.Lang);
    public long Duplicates { get; private set; }
    public long OutsideScope { get; private set; }

    /// <summary>Whether the report needs this item at all (brand and date) — checked before scoring it.</summary>
    public bool Wants(FeedbackItem item)
    {
        var day = DateOnly.FromDateTime(item.CreatedAt.UtcDateTime);
        return Request.IsAbout(item.Brand) && day >= Request.Previous.From && day <= Request.To;
    }

    public void Add(ScoredFeedback scored)
    {
        var item = scored.Item;
        if (!Wants(item)) { OutsideScope++; return; }
        if (!_seen.Add(IdHash(item.Id))) { Duplicates++; return; }
        Aggregates.Add(scored);
        var day = DateOnly.FromDateTime(item.CreatedAt.UtcDateTime);
        if (day >= Request.From && string.Equals(item.Brand, Request.Brand, StringComparison.OrdinalIgnoreCase))
            Quotes.Offer(scored);
    }

    public void CountOutsideScope() => OutsideScope++;

    /// <summary>64-bit FNV-1a of the id: 1M ids cost 8 bytes each instead of a kept string.</summary>
    private static ulong IdHash(string id)
    {
        ulong h = 14695981039346656037;
        foreach (var ch in id) { h ^= ch; h *= 1099511628211; }
        return h;
    }
}
