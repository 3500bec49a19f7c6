using Listening.Core.Feedback;

namespace Listening.Core.Matrix;

/// <summary>
/// Per-brand, per-day sufficient statistics. Items are folded in once and forgotten; any period's
/// report is a merge of its days, so a year of feedback is read as at most 365 × brands aggregates.
/// </summary>
public sealed class FeedbackAggregates
{
    private readonly Dictionary<(string Brand, DateOnly Day), BrandStats> _days = new(KeyComparer.Instance);

    public IEnumerable<((string Brand, DateOnly Day) Key, BrandStats Stats)> Days =>
        _days.Select(kv => (kv.Key, kv.Value));

    public void Add(ScoredFeedback scored)
    {
        var key = (scored.Item.Brand, DateOnly.FromDateTime(scored.Item.CreatedAt.UtcDateTime));
        if (!_days.TryGetValue(key, out var day)) _days[key] = day = new BrandStats();
        day.Add(scored);
    }

    public void Add(string brand, DateOnly day, BrandStats stats)
    {
        if (!_days.TryGetValue((brand, day), out var mine)) _days[(brand, day)] = mine = new BrandStats();
        mine.Merge(stats);
    }

    public void Merge(FeedbackAggregates other)
    {
        foreach (var (key, stats) in other._days) Add(key.Brand, key.Day, stats);
    }

    /// <summary>The brand's statistics over [from, to] (inclusive days).</summary>
    public BrandStats Span(string brand, DateOnly from, DateOnly to)
    {
        var merged = new BrandStats();
        foreach (var (key, stats) in _days)
            if (BrandKey.Comparer.Equals(key.Brand, brand) && key.Day >= from && key.Day <= to)
                merged.Merge(stats);
        return merged;
    }

    public IReadOnlyList<string> Brands =>
        _days.Keys.Select(k => k.Brand).Distinct(BrandKey.Comparer).ToList();

    private sealed class KeyComparer : IEqualityComparer<(string Brand, DateOnly Day)>
    {
        public static readonly KeyComparer Instance = new();
        public bool Equals((string Brand, DateOnly Day) x, (string Brand, DateOnly Day) y) =>
            x.Day == y.Day && BrandKey.Comparer.Equals(x.Brand, y.Brand);
        public int GetHashCode((string Brand, DateOnly Day) key) =>
            HashCode.Combine(BrandKey.Comparer.GetHashCode(key.Brand), key.Day);
    }
}
