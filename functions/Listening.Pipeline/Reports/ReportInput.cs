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
    // Shared by the partial inputs of parallel readers, so a duplicate is caught whichever reader sees it.
    private HashSet<ulong> _seen = [];

    private readonly Dictionary<string, long> _spam = new(BrandKey.Comparer);

    public ReportRequest Request { get; private set; } = request;
    public FeedbackAggregates Aggregates { get; } = new();
    public QuoteCandidates Quotes { get; } = new(request.Lang);
    public long Duplicates { get; private set; }
    public long OutsideScope { get; private set; }
    /// <summary>The brand's items in the period that are not scored yet (still in the pipeline, or dead-lettered).</summary>
    public long Unscored { get; private set; }

    /// <summary>Items in the period marked as spam, for the brand or a competitor: counted, never aggregated.</summary>
    public long SpamOf(string brand) => _spam.GetValueOrDefault(brand);

    /// <summary>A competitor found in the data (an item whose competitorOf names the brand) joins the report.</summary>
    public void Include(string competitor)
    {
        if (!Request.IsAbout(competitor)) Request = Request with { Competitors = [.. Request.Competitors, competitor] };
    }

    /// <summary>Whether the report needs this item at all (brand and date) — checked before scoring it.</summary>
    public bool Wants(FeedbackItem item)
    {
        var day = DateOnly.FromDateTime(item.CreatedAt.UtcDateTime);
        return Request.IsAbout(item.Brand) && day >= Request.Previous.From && day <= Request.To;
    }

    public void Add(ScoredFeedback scored) => Add(scored.Item, scored.Scores);

    /// <summary>One item; spam and unscored items (<paramref name="scores"/> null) are counted, not aggregated.</summary>
    public void Add(FeedbackItem item, FeedbackScores? scores)
    {
        if (!Wants(item)) { OutsideScope++; return; }
        bool fresh;
        lock (_seen) fresh = _seen.Add(IdHash(item.Id));
        if (!fresh) { Duplicates++; return; }
        var day = DateOnly.FromDateTime(item.CreatedAt.UtcDateTime);
        var current = day >= Request.From;
        // Spam stays out of the matrix, NPS, wheel and quotes; the report says how much was left out.
        if (item.Spam is not null)
        {
            if (current) _spam[item.Brand] = _spam.GetValueOrDefault(item.Brand) + 1;
            return;
        }
        if (scores is null)
        {
            if (current && BrandKey.Comparer.Equals(item.Brand, Request.Brand)) Unscored++;
            return;
        }
        var scored = new ScoredFeedback(item, scores);
        Aggregates.Add(scored);
        if (current && BrandKey.Comparer.Equals(item.Brand, Request.Brand))
            Quotes.Offer(scored);
    }

    public void CountOutsideScope() => OutsideScope++;

    /// <summary>An empty input for one parallel reader; fold it back with <see cref="Merge"/>.</summary>
    public ReportInput Partial() => new(Request) { _seen = _seen };

    /// <summary>Adds a partial input: aggregates add up, quote candidates compete, counters sum.</summary>
    public void Merge(ReportInput other)
    {
        Aggregates.Merge(other.Aggregates);
        Quotes.Merge(other.Quotes);
        Duplicates += other.Duplicates;
        OutsideScope += other.OutsideScope;
        Unscored += other.Unscored;
        foreach (var (brand, count) in other._spam) _spam[brand] = _spam.GetValueOrDefault(brand) + count;
    }

    /// <summary>64-bit FNV-1a of the id: 1M ids cost 8 bytes each instead of a kept string.</summary>
    private static ulong IdHash(string id)
    {
        ulong h = 14695981039346656037;
        foreach (var ch in id) { h ^= ch; h *= 1099511628211; }
        return h;
    }
}
