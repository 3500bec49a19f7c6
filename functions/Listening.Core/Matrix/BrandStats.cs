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

    public void Add(ScoredFeedback scored)
    {
        var item = scored.Item;
        var channel = ChannelOf(item);
        if (!Channels.TryGetValue(channel, out var c)) Channels[channel] = c = new ChannelStats();
        c.Add(item, scored.Scores.Sentiment, scored.Scores.Mixed);
        var outcomes = ItemOutcomes.Of(item, scored.Scores.Sentiment.Score);
        Outcomes.Add(0, outcomes);

        var mentions = scored.Scores.Factors;
        for (var i = 0; i < mentions.Count; i++)
        {
            var factor = mentions[i].Factor;
            // An item counts once per factor: its sentiment on it is the mean of its mentions.
            var seenBefore = false;
            for (var j = 0; j < i && !seenBefore; j++)
                seenBefore = string.Equals(mentions[j].Factor, factor, StringComparison.OrdinalIgnoreCase);
            if (seenBefore) continue;
            double sum = 0; var count = 0;
            for (var j = i; j < mentions.Count; j++)
            {
                if (!string.Equals(mentions[j].Factor, factor, StringComparison.OrdinalIgnoreCase)) continue;
                sum += FactorStats.LabelValue(mentions[j].Label);
                count++;
            }
            if (!Factors.TryGetValue(factor, out var f)) Factors[factor] = f = new FactorStats();
            f.Add(sum / count, outcomes);
        }
    }

    public void Merge(BrandStats other)
    {
        Outcomes.Merge(other.Outcomes);
        foreach (var (name, f) in other.Factors)
        {
            if (!Factors.TryGetValue(name, out var mine)) Factors[name] = mine = new FactorStats();
            mine.Merge(f);
        }
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
