using Listening.Core.Sentiment;

namespace Listening.Core.Matrix;

/// <summary>
/// Per-factor sufficient statistics for one brand and day (or any merged span): how many items
/// mention the factor and with which sentiment, plus the moments that correlate that sentiment
/// with each outcome. Everything the action matrix needs; merging is plain addition.
/// </summary>
public sealed class FactorStats
{
    /// <summary>Items that mention the factor (an item counts once, however often it mentions it).</summary>
    public long Items;
    public long Positive, Neutral, Negative;
    public PairMoments WithRating, WithNps, WithSentiment;

    /// <summary>
    /// Adds one item. <paramref name="sentiment"/> is the item's sentiment on the factor in [-1, 1]
    /// (the mean of its mentions' −1/0/+1 labels).
    /// </summary>
    public void Add(double sentiment, int? rating, int? nps, double documentSentiment)
    {
        Items++;
        if (sentiment > 0) Positive++;
        else if (sentiment < 0) Negative++;
        else Neutral++;
        if (rating is { } r) WithRating.Add(sentiment, (r - 3) / 2.0);
        if (nps is { } p) WithNps.Add(sentiment, (p - 5) / 5.0);
        WithSentiment.Add(sentiment, documentSentiment);
    }

    public void Merge(FactorStats other)
    {
        Items += other.Items;
        Positive += other.Positive; Neutral += other.Neutral; Negative += other.Negative;
        WithRating.Merge(other.WithRating);
        WithNps.Merge(other.WithNps);
        WithSentiment.Merge(other.WithSentiment);
    }

    public ref readonly PairMoments With(Outcome outcome)
    {
        switch (outcome)
        {
            case Outcome.Rating: return ref WithRating;
            case Outcome.Nps: return ref WithNps;
            default: return ref WithSentiment;
        }
    }

    public Estimate Performance(double z = 1.96) => Estimate.NetScore(Positive, Neutral, Negative, z);

    public static double LabelValue(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => 1,
        SentimentLabel.Negative => -1,
        _ => 0,
    };
}
