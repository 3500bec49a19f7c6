using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Reports;

/// <summary>A quote chosen for the report, already masked.</summary>
public sealed record Quote(string Text, string Sentiment, string Source, DateOnly Date);

/// <summary>
/// Keeps, while items stream past, the few best quotes per factor and polarity — bounded memory
/// whatever the number of items. "Best" is deterministic: a clear clause sentiment, a readable
/// length, then a stable hash of the item id (so re-running the report picks the same quotes).
/// </summary>
public sealed class QuoteCandidates(string lang, int perPolarity = 3)
{
    private readonly Dictionary<(string Factor, SentimentLabel Label), List<(double Rank, string Raw, Quote Quote)>> _best = [];

    public void Merge(QuoteCandidates other)
    {
        foreach (var (key, theirs) in other._best)
        {
            if (!_best.TryGetValue(key, out var list)) _best[key] = list = [];
            foreach (var candidate in theirs)
            {
                var same = list.FindIndex(q => q.Raw == candidate.Raw);
                if (same < 0) list.Add(candidate);
                else if (candidate.Rank > list[same].Rank) list[same] = candidate;
            }
            list.Sort(ByRank);
            if (list.Count > perPolarity) list.RemoveRange(perPolarity, list.Count - perPolarity);
        }
    }

    // Rank ties are broken by the text so that neither arrival nor merge order changes the choice.
    private static int ByRank((double Rank, string Raw, Quote Quote) a, (double Rank, string Raw, Quote Quote) b) =>
        b.Rank != a.Rank ? b.Rank.CompareTo(a.Rank) : string.CompareOrdinal(a.Raw, b.Raw);

    public void Offer(ScoredFeedback scored)
    {
        foreach (var mention in scored.Scores.Factors)
        {
            var key = (Lower(mention.Factor), mention.Label);
            if (!_best.TryGetValue(key, out var list)) _best[key] = list = [];
            var rank = Rank(scored.Item, mention.Score, mention.Label) + (scored.Scores.Language == lang ? 0.5 : 0);
            if (list.Count >= perPolarity && rank <= list[^1].Rank) continue;
            // Compare raw snippets before masking: masking is the expensive step, and repeated
            // texts (copy-pasted reviews, templates) would otherwise be masked again and again.
            var raw = Snippet(scored.Item.Text, mention.Start, mention.Length);
            var same = list.FindIndex(q => q.Raw == raw);
            if (same >= 0)
            {
                // The same passage again (a copied review): keep its best-ranked instance only.
                if (list[same].Rank >= rank) continue;
                list.RemoveAt(same);
            }
            var quote = new Quote(PersonalDataMask.Mask(raw, scored.Item.Author, lang),
                mention.Label.ToString().ToLowerInvariant(), scored.Item.Source,
                DateOnly.FromDateTime(scored.Item.CreatedAt.UtcDateTime));
            list.Add((rank, raw, quote));
            list.Sort(ByRank);
            if (list.Count > perPolarity) list.RemoveAt(list.Count - 1);
        }
    }

    /// <summary>
    /// Two or three quotes for a factor: its strongest negative and positive ones, plus one more of
    /// whichever polarity dominates (negatives first, because they are what the team acts on).
    /// </summary>
    public IReadOnlyList<Quote> For(string factor, long positive, long negative)
    {
        var neg = Get(factor, SentimentLabel.Negative);
        var pos = Get(factor, SentimentLabel.Positive);
        var chosen = new List<Quote>();
        if (neg.Count > 0) chosen.Add(neg[0]);
        if (pos.Count > 0) chosen.Add(pos[0]);
        var extra = negative >= positive ? neg.Skip(1).Concat(pos.Skip(1)) : pos.Skip(1).Concat(neg.Skip(1));
        chosen.AddRange(extra.Take(3 - chosen.Count));
        if (chosen.Count < 2) chosen.AddRange(Get(factor, SentimentLabel.Neutral).Take(2 - chosen.Count));
        return chosen;
    }

    private List<Quote> Get(string factor, SentimentLabel label) =>
        _best.TryGetValue((Lower(factor), label), out var list) ? list.Select(q => q.Quote).ToList() : [];

    // Factor ids are nearly always lower case already: ToLowerInvariant then returns the same string.
    private static string Lower(string s) => s.ToLowerInvariant();

    private static double Rank(FeedbackItem item, float score, SentimentLabel label)
    {
        var clarity = label == SentimentLabel.Neutral ? 1 - Math.Abs(score) : Math.Abs(score);
        var length = item.Text.Length;
        var readable = length is >= 40 and <= 260 ? 1.0 : length < 40 ? length / 40.0 : 260.0 / length;
        return clarity + readable + StableFraction(item.Id) * 0.01;
    }

    private static double StableFraction(string id)
    {
        ulong h = 14695981039346656037;
        foreach (var ch in id) { h ^= ch; h *= 1099511628211; }
        return (h % 10_000) / 10_000.0;
    }

    /// <summary>
    /// The sentence(s) around the mention — the quote is about the factor, not the whole review —
    /// with "…" where text was left out, cut at 260 characters.
    /// </summary>
    internal static string Snippet(string text, int start, int length)
    {
        const int max = 260;
        start = Math.Clamp(start, 0, text.Length);
        var end = Math.Clamp(start + Math.Max(length, 1), start, text.Length);
        var from = start == 0 ? 0 : text.LastIndexOfAny(['.', '!', '?', '\n'], start - 1) + 1;
        if (start - from > max / 2) from = start;
        var to = end >= text.Length ? -1 : text.IndexOfAny(['.', '!', '?', '\n'], Math.Max(end - 1, start));
        to = to < 0 ? text.Length : to + 1;
        while (to < text.Length && text[to] is '.' or '!' or '?') to++;
        var snippet = text[from..to].Trim();
        var cut = snippet.Length > max;
        if (cut) snippet = snippet[..max].TrimEnd() + "…";
        var before = text[..from].Trim().Length > 0 ? "… " : "";
        var after = !cut && text[to..].Trim().Length > 0 ? " …" : "";
        return before + snippet + after;
    }
}
