using Listening.Core.Sentiment;

namespace Listening.Core.Matrix;

/// <summary>
/// Per-factor sufficient statistics for one brand and day (or any merged span): how many items
/// mention the factor and with which sentiment, plus the moments of that sentiment against each
/// item's outcomes. Everything the action matrix needs; merging is plain addition.
/// </summary>
public sealed class FactorStats
{
    /// <summary>Items that mention the factor (an item counts once, however often it mentions it).</summary>
    public long Items;
    public long Positive, Neutral, Negative;

    /// <summary>The factor's sentiment (x) against the item's outcomes (y), over the items that mention it.</summary>
    public OutcomePairs Outcomes { get; } = new();

    /// <summary>
    /// Adds one item. <paramref name="sentiment"/> is the item's sentiment on the factor in [-1, 1]
    /// (the mean of its mentions' −1/0/+1 labels).
    /// </summary>
    public void Add(double sentiment, in ItemOutcomes outcomes)
    {
        Items++;
        if (sentiment > 0) Positive++;
        else if (sentiment < 0) Negative++;
        else Neutral++;
        Outcomes.Add(sentiment, outcomes);
    }

    public void Add(double sentiment, int? rating, int? nps, double documentSentiment) =>
        Add(sentiment, ItemOutcomes.Of(rating, nps, documentSentiment));

    public void Merge(FactorStats other)
    {
        Items += other.Items;
        Positive += other.Positive; Neutral += other.Neutral; Negative += other.Negative;
        Outcomes.Merge(other.Outcomes);
    }

    public Estimate Performance(double z = 1.96) => Estimate.NetScore(Positive, Neutral, Negative, z);

    public static double LabelValue(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => 1,
        SentimentLabel.Negative => -1,
        _ => 0,
    };
}
