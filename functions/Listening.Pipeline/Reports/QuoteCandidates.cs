using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Reports;

/// <summary>
/// A quote chosen for the report, already masked: the passage around one factor mention, with the clause where the
/// factor was found at [<see cref="ClauseStart"/>, +<see cref="ClauseLength"/>) of <see cref="Text"/>, and that
/// mention's polarity as <see cref="Sentiment"/>.
/// </summary>
public sealed record Quote(string Text, string Sentiment, string Source, DateOnly Date, int ClauseStart, int ClauseLength)
{
    public string Clause => Text.Substring(ClauseStart, ClauseLength);
}

/// <summary>
/// Keeps, while items stream past, the few best quotes per factor and mention polarity — bounded memory whatever
/// the number of items. Each candidate is the passage around one mention of that factor, so a quote always contains
/// the clause that produced it. "Best" is deterministic: a clear clause sentiment, a statement rather than a
/// question, a clause about this factor alone, a readable length, the report's language, then a stable hash of the
/// item id (so re-running the report picks the same quotes).
/// </summary>
public sealed class QuoteCandidates(string lang, int perPolarity = 3)
{
    // Item is a hash of the item id: one item gives a factor at most one quote, however many clauses mention it.
    private readonly Dictionary<(string Factor, SentimentLabel Label), List<(double Rank, string Raw, Quote Quote, ulong Item)>> _best = [];

    public void Merge(QuoteCandidates other)
    {
        foreach (var (key, theirs) in other._best)
        {
            if (!_best.TryGetValue(key, out var list)) _best[key] = list = [];
            foreach (var candidate in theirs)
            {
                var same = list.FindIndex(q => q.Raw == candidate.Raw || q.Item == candidate.Item);
                if (same < 0) list.Add(candidate);
                else if (candidate.Rank > list[same].Rank) list[same] = candidate;
            }
            list.Sort(ByRank);
            if (list.Count > perPolarity) list.RemoveRange(perPolarity, list.Count - perPolarity);
        }
    }

    // Rank ties are broken by the text so that neither arrival nor merge order changes the choice.
    private static int ByRank((double Rank, string Raw, Quote Quote, ulong Item) a, (double Rank, string Raw, Quote Quote, ulong Item) b) =>
        b.Rank != a.Rank ? b.Rank.CompareTo(a.Rank) : string.CompareOrdinal(a.Raw, b.Raw);

    public void Offer(ScoredFeedback scored)
    {
        var text = scored.Item.Text;
        foreach (var mention in scored.Scores.Factors)
        {
            var key = (Lower(mention.Factor), mention.Label);
            if (!_best.TryGetValue(key, out var list)) _best[key] = list = [];
            var bonus = scored.Scores.Language == lang ? 0.5 : 0;
            // The best this mention could rank (a readable statement about this factor alone): most items stop here,
            // before the passage is looked for — the report reads a million items.
            if (list.Count >= perPolarity && Clarity(mention.Score, mention.Label) + 1.01 + bonus <= list[^1].Rank) continue;
            var (from, to) = Passage(text, mention.Start, mention.Length);
            var rank = Rank(scored.Item.Id, text, mention.Start, mention.Length, to - from, mention.Score, mention.Label)
                + bonus - 0.25 * OthersInClause(scored.Scores.Factors, mention);
            if (list.Count >= perPolarity && rank <= list[^1].Rank) continue;
            // Compare raw snippets before masking: masking is the expensive step, and repeated
            // texts (copy-pasted reviews, templates) would otherwise be masked again and again.
            var raw = Marked(text, from, to, mention.Start, mention.Length);
            var item = StableHash(scored.Item.Id);
            var same = list.FindIndex(q => q.Raw == raw || q.Item == item);
            if (same >= 0)
            {
                // The same passage again (a copied review), or another clause of the same item: keep the best-ranked only.
                if (list[same].Rank >= rank) continue;
                list.RemoveAt(same);
            }
            var quote = Masked(raw, scored.Item.Author, mention.Label, scored.Item.Source, DateOnly.FromDateTime(scored.Item.CreatedAt.UtcDateTime));
            list.Add((rank, raw, quote, item));
            list.Sort(ByRank);
            if (list.Count > perPolarity) list.RemoveAt(list.Count - 1);
        }
    }

    /// <summary>Other factors found in the same clause: a clause about one thing proves its point better than a list.</summary>
    private static int OthersInClause(IReadOnlyList<Core.Factors.FactorMention> mentions, Core.Factors.FactorMention mention)
    {
        var others = 0;
        foreach (var m in mentions)
            if (m.Start == mention.Start && m.Length == mention.Length && !string.Equals(m.Factor, mention.Factor, StringComparison.OrdinalIgnoreCase))
                others++;
        return others;
    }

    /// <summary>
    /// Two or three quotes for a factor: first those whose clause has the factor's headline polarity
    /// (<paramref name="headline"/>: negative for a factor to fix, positive for one to promote), then one of the
    /// opposite polarity if there is any — the other side of the picture — then whatever is left.
    /// </summary>
    public IReadOnlyList<Quote> For(string factor, SentimentLabel headline)
    {
        var primary = Get(factor, headline);
        var opposite = headline switch
        {
            SentimentLabel.Negative => Get(factor, SentimentLabel.Positive),
            SentimentLabel.Positive => Get(factor, SentimentLabel.Negative),
            _ => [],
        };
        var chosen = new List<(Quote Quote, ulong Item)>();
        void Take(IEnumerable<(Quote Quote, ulong Item)> candidates, int upTo)
        {
            // One quote per item: a praise and a complaint from the same review are one customer, not two.
            foreach (var c in candidates)
                if (chosen.Count < upTo && !chosen.Any(x => x.Item == c.Item)) chosen.Add(c);
        }
        Take(primary, 2);
        Take(opposite, chosen.Count + 1);
        Take(primary.Concat(opposite), 3);
        if (chosen.Count < 2)
            Take(new[] { SentimentLabel.Negative, SentimentLabel.Positive, SentimentLabel.Neutral }
                .Where(l => l != headline).SelectMany(l => Get(factor, l)), 2);
        return chosen.Select(c => c.Quote).ToList();
    }

    /// <summary>The polarity a factor's quotes should show first: what its quadrant is about, else what most mentions say.</summary>
    public static SentimentLabel Headline(string quadrant, long positive, long neutral, long negative) => quadrant switch
    {
        "fix" or "watch" => SentimentLabel.Negative,
        "promote" => SentimentLabel.Positive,
        _ => positive >= negative && positive >= neutral ? SentimentLabel.Positive
            : negative >= neutral ? SentimentLabel.Negative : SentimentLabel.Neutral,
    };

    private List<(Quote Quote, ulong Item)> Get(string factor, SentimentLabel label) =>
        _best.TryGetValue((Lower(factor), label), out var list) ? list.Select(q => (q.Quote, q.Item)).ToList() : [];

    // Factor ids are nearly always lower case already: ToLowerInvariant then returns the same string.
    private static string Lower(string s) => s.ToLowerInvariant();

    private static double Rank(string id, string text, int start, int length, int passage, float score, SentimentLabel label)
    {
        var clarity = Clarity(score, label);
        var readable = passage is >= 40 and <= 260 ? 1.0 : passage < 40 ? passage / 40.0 : 260.0 / passage;
        // A question asks rather than judges ("Can anyone recommend a good delivery?"): it proves little.
        var end = Math.Clamp(start + length, 0, text.Length);
        var question = text.IndexOf('?', Math.Clamp(start, 0, text.Length), end - Math.Clamp(start, 0, text.Length)) >= 0
            || (end < text.Length && text[end] == '?') ? 1.0 : 0;
        return clarity + readable - question + StableFraction(id) * 0.01;
    }

    private static double Clarity(float score, SentimentLabel label) => label == SentimentLabel.Neutral ? 1 - Math.Abs(score) : Math.Abs(score);

    private static double StableFraction(string id) => (StableHash(id) % 10_000) / 10_000.0;

    private static ulong StableHash(string id)
    {
        ulong h = 14695981039346656037;
        foreach (var ch in id) { h ^= ch; h *= 1099511628211; }
        return h;
    }

    // Marks around the clause survive masking (they are neither letters nor digits) and are taken out afterwards.
    private const char Open = '\u0002', Close = '\u0003';
    private const int Context = 110, MaxClause = 280;

    /// <summary>
    /// The passage quoted for a clause at [start, start + length): the clause with the rest of its sentence on either
    /// side, at most <see cref="Context"/> characters each way.
    /// </summary>
    internal static (int From, int To) Passage(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        var end = Math.Clamp(start + Math.Max(length, 1), start, text.Length);
        var from = start == 0 ? 0 : text.LastIndexOfAny(['.', '!', '?', '\n'], start - 1) + 1;
        if (start - from > Context) from = Math.Min(WordStart(text, start - Context), start);
        var to = end >= text.Length ? -1 : text.IndexOfAny(['.', '!', '?', '\n'], Math.Max(end - 1, start));
        to = to < 0 ? text.Length : to + 1;
        while (to < text.Length && text[to] is '.' or '!' or '?') to++;
        if (to - end > Context) to = Math.Max(WordEnd(text, end + Context), end);
        return (from, to);
    }

    private static int WordStart(string text, int i)
    {
        while (i < text.Length && i > 0 && !char.IsWhiteSpace(text[i - 1])) i++;
        return i;
    }

    private static int WordEnd(string text, int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i])) i--;
        return Math.Max(i, 0);
    }

    /// <summary>The passage with the clause between marks, "…" where text was left out.</summary>
    internal static string Marked(string text, int from, int to, int start, int length)
    {
        start = Math.Clamp(start, from, to);
        var end = Math.Clamp(start + Math.Max(length, 0), start, to);
        // Highlight the words of the clause, not the spaces or commas around it.
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';' or ':' or '—' or '-')) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        var clause = text[start..end];
        if (clause.Length > MaxClause) clause = clause[..MaxClause].TrimEnd() + "…";
        var before = text[from..start].TrimStart();
        var after = text[end..to].TrimEnd();
        var lead = text[..from].Trim().Length > 0 ? "… " : "";
        var tail = text[to..].Trim().Length > 0 ? " …" : "";
        return lead + before + Open + clause + Close + after + tail;
    }

    /// <summary>The masked passage around one mention of an item, its clause marked: what the drill-down page lists.</summary>
    public static Quote Of(FeedbackItem item, Core.Factors.FactorMention mention, string lang)
    {
        var (from, to) = Passage(item.Text, mention.Start, mention.Length);
        return Masked(Marked(item.Text, from, to, mention.Start, mention.Length), item.Author, mention.Label, item.Source,
            DateOnly.FromDateTime(item.CreatedAt.UtcDateTime), lang);
    }

    private Quote Masked(string raw, Author? author, SentimentLabel label, string source, DateOnly date) =>
        Masked(raw, author, label, source, date, lang);

    private static Quote Masked(string raw, Author? author, SentimentLabel label, string source, DateOnly date, string lang)
    {
        var masked = PersonalDataMask.Mask(raw, author, lang);
        var open = masked.IndexOf(Open);
        var close = masked.IndexOf(Close);
        if (open < 0 || close < open)
        {
            // Masking never removes the marks; should it ever, the whole passage is the clause.
            var plain = masked.Replace(Open.ToString(), "").Replace(Close.ToString(), "");
            return new Quote(plain, Name(label), source, date, 0, plain.Length);
        }
        var text = masked.Remove(close, 1).Remove(open, 1);
        return new Quote(text, Name(label), source, date, open, close - open - 1);
    }

    private static string Name(SentimentLabel label) => label.ToString().ToLowerInvariant();
}
