using Listening.Core.Factors;
using Listening.Core.Feedback;

namespace Listening.Core.Matrix;

/// <summary>
/// Sufficient statistics of one brand over a day or a merged span: per factor and per channel.
/// </summary>
public sealed class BrandStats
{
    public Dictionary<string, FactorStats> Factors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, ChannelStats> Channels { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every item's outcomes (x = 0): the other half of each factor's correlation with the outcome.</summary>
    public OutcomePairs Outcomes { get; } = new();

    /// <summary>
    /// Per factor, the items whose rule mentions of it the learned detector dropped (<see cref="FeedbackScores.Dropped"/>),
    /// as the rules read them. Not in <see cref="Factors"/>: only <see cref="Restored"/> gives them back.
    /// </summary>
    public Dictionary<string, FactorStats> Dropped { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per factor, the items in <see cref="Factors"/> that only the learned detector found it in (<see cref="FactorMention.Added"/>).</summary>
    public Dictionary<string, long> Added { get; } = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ScoredFeedback scored)
    {
        var item = scored.Item;
        var channel = ChannelOf(item);
        if (!Channels.TryGetValue(channel, out var c)) Channels[channel] = c = new ChannelStats();
        c.Add(item, scored.Scores.Sentiment, scored.Scores.Mixed);
        var outcomes = ItemOutcomes.Of(item, scored.Scores.Sentiment.Score);
        Outcomes.Add(0, outcomes);

        var mentions = scored.Scores.Factors;
        Fold(mentions, Factors, outcomes, null);
        // A factor only the detector found here: it adds one mention of a factor the rules missed, never a second one.
        foreach (var m in mentions)
            if (m.Added) Added[m.Factor] = Added.GetValueOrDefault(m.Factor) + 1;
        if (scored.Scores.Dropped is { Count: > 0 } dropped) Fold(dropped, Dropped, outcomes, mentions);
    }

    /// <summary>
    /// Adds each factor of <paramref name="mentions"/> once into <paramref name="into"/>: an item counts once per factor, its
    /// sentiment on it the mean of its mentions. A factor also in <paramref name="kept"/> is skipped (counted there).
    /// </summary>
    private static void Fold(IReadOnlyList<FactorMention> mentions, Dictionary<string, FactorStats> into, in ItemOutcomes outcomes, IReadOnlyList<FactorMention>? kept)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            var factor = mentions[i].Factor;
            var seenBefore = false;
            for (var j = 0; j < i && !seenBefore; j++)
                seenBefore = string.Equals(mentions[j].Factor, factor, StringComparison.OrdinalIgnoreCase);
            if (seenBefore || kept?.Any(k => string.Equals(k.Factor, factor, StringComparison.OrdinalIgnoreCase)) == true) continue;
            double sum = 0; var count = 0;
            for (var j = i; j < mentions.Count; j++)
            {
                if (!string.Equals(mentions[j].Factor, factor, StringComparison.OrdinalIgnoreCase)) continue;
                sum += FactorStats.LabelValue(mentions[j].Label);
                count++;
            }
            if (!into.TryGetValue(factor, out var f)) into[factor] = f = new FactorStats();
            f.Add(sum / count, outcomes);
        }
    }

    /// <summary>
    /// The statistics the matrix places from: a factor the learned detector took below <paramref name="minMentions"/> items
    /// gets its dropped items back when the rules alone count it at or above that line (its items less those only the
    /// detector found, plus those it dropped). The detector decides one item at a time and cannot see a factor's count;
    /// leave one story out its drops cost placed cells the rules had (clinic's payment 30 → 29 items, optics' assortment
    /// 31 → 28, waterpark's 30 → 25: ml-models/factors/README.md, round 19). Everywhere else the detector's reading stands.
    /// Returns this instance when nothing is restored, so applying it twice changes nothing.
    /// </summary>
    public BrandStats Restored(int minMentions)
    {
        List<string>? restore = null;
        foreach (var (name, dropped) in Dropped)
        {
            var kept = Factors.TryGetValue(name, out var f) ? f.Items : 0;
            var rules = kept - Added.GetValueOrDefault(name) + dropped.Items;
            if (kept < minMentions && rules >= minMentions) (restore ??= []).Add(name);
        }
        if (restore is null) return this;
        var copy = new BrandStats();
        copy.Merge(this);
        foreach (var name in restore)
        {
            if (!copy.Factors.TryGetValue(name, out var mine)) copy.Factors[name] = mine = new FactorStats();
            mine.Merge(copy.Dropped[name]);
            copy.Dropped.Remove(name);
        }
        return copy;
    }

    public void Merge(BrandStats other)
    {
        Outcomes.Merge(other.Outcomes);
        foreach (var (name, f) in other.Factors)
        {
            if (!Factors.TryGetValue(name, out var mine)) Factors[name] = mine = new FactorStats();
            mine.Merge(f);
        }
        foreach (var (name, f) in other.Dropped)
        {
            if (!Dropped.TryGetValue(name, out var mine)) Dropped[name] = mine = new FactorStats();
            mine.Merge(f);
        }
        foreach (var (name, n) in other.Added) Added[name] = Added.GetValueOrDefault(name) + n;
        foreach (var (name, c) in other.Channels)
        {
            if (!Channels.TryGetValue(name, out var mine)) Channels[name] = mine = new ChannelStats();
            mine.Merge(c);
        }
    }

    /// <summary>All channels together: the brand's totals.</summary>
    public ChannelStats Totals()
    {
        var total = new ChannelStats();
        foreach (var c in Channels.Values) total.Merge(c);
        return total;
    }

    /// <summary>The touchpoint an item came through: its channel, else its source.</summary>
    public static string ChannelOf(FeedbackItem item) =>
        string.IsNullOrWhiteSpace(item.Channel) ? item.Source.ToLowerInvariant() : item.Channel.ToLowerInvariant();
}
