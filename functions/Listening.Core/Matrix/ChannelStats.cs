using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Matrix;

/// <summary>
/// Per-channel sufficient statistics for one brand and day: item count, document sentiment,
/// star ratings, NPS answers and the 0–10 satisfaction the touchpoint wheel uses.
/// <see cref="Mixed"/> counts items with clear praise and a clear complaint (they stay counted under their
/// document label too: mixed says how many of them are split, it is not a fourth class).
/// The brand's totals are the merge of its channels.
/// </summary>
public sealed class ChannelStats
{
    public long Items;
    public long Positive, Neutral, Negative;
    public long Mixed;
    public double SentimentSum;
    public long Rated;
    public double RatingSum;
    public long Promoters, Passives, Detractors;
    public double SatisfactionSum, SatisfactionSquares;

    public void Add(FeedbackItem item, SentimentScore sentiment, bool mixed = false)
    {
        Items++;
        if (mixed) Mixed++;
        switch (sentiment.Label)
        {
            case SentimentLabel.Positive: Positive++; break;
            case SentimentLabel.Negative: Negative++; break;
            default: Neutral++; break;
        }
        SentimentSum += sentiment.Score;
        if (item.Rating is { } r) { Rated++; RatingSum += r; }
        if (item.Nps is { } p)
        {
            if (p >= 9) Promoters++;
            else if (p >= 7) Passives++;
            else Detractors++;
        }
        var s = Satisfaction(item, sentiment);
        SatisfactionSum += s;
        SatisfactionSquares += s * s;
    }

    public void Merge(ChannelStats other)
    {
        Items += other.Items;
        Positive += other.Positive; Neutral += other.Neutral; Negative += other.Negative;
        Mixed += other.Mixed;
        SentimentSum += other.SentimentSum;
        Rated += other.Rated; RatingSum += other.RatingSum;
        Promoters += other.Promoters; Passives += other.Passives; Detractors += other.Detractors;
        SatisfactionSum += other.SatisfactionSum; SatisfactionSquares += other.SatisfactionSquares;
    }

    public long NpsAnswers => Promoters + Passives + Detractors;

    /// <summary>
    /// One item's satisfaction on a 0–10 scale: the NPS answer when given (it is the customer's own
    /// 0–10), else the star rating ((r − 1) × 2.5), else the document sentiment ((s + 1) × 5).
    /// </summary>
    public static double Satisfaction(FeedbackItem item, SentimentScore sentiment) =>
        item.Nps is { } p ? p
        : item.Rating is { } r ? (r - 1) * 2.5
        : (Math.Clamp(sentiment.Score, -1f, 1f) + 1) * 5.0;
}
