namespace Listening.Core.Sentiment;

/// <summary>
/// The author's own verdict — a star rating or an NPS answer — as evidence for the document's stance, combined with what
/// the text model read (Bayes: the model's class probabilities times the chance of that score under each stance,
/// renormalised). The score's band (stars 4–5 / 3 / 1–2, NPS 9–10 / 7–8 / 0–6) is assumed to agree with the stance of the
/// text in <see cref="Agreement"/> of rated items, the rest split between the other two stances. So a text the model reads
/// only mildly against its own 5 stars ("Slick app. Reordering takes ten seconds." at −0.5) follows the stars, while a
/// text the model is sure of keeps its side (the labelling guideline's "a 5-star review that only complains is
/// negative"). Pure: no model, no I/O.
/// </summary>
public static class AuthorVerdict
{
    /// <summary>How often a score's band agrees with the text's stance: a prior, not fitted to any labelled set here.</summary>
    public const float Agreement = 0.95f;

    /// <summary>The text's sentiment with the item's rating (1–5) or, without one, its NPS answer (0–10); unchanged
    /// when the item has neither.</summary>
    public static SentimentScore Combine(SentimentScore text, int? rating, int? nps) =>
        Band(rating, nps) is { } band ? Weigh(text, band, Agreement) : text;

    /// <summary>The text's class probabilities times the chance of a piece of evidence for <paramref name="stance"/>
    /// under each class — <paramref name="agreement"/> under that stance, the rest split between the other two —
    /// renormalised.</summary>
    public static SentimentScore Weigh(SentimentScore text, SentimentLabel stance, float agreement)
    {
        var other = (1 - agreement) / 2;
        float Weight(SentimentLabel label) => label == stance ? agreement : other;
        var negative = text.Negative * Weight(SentimentLabel.Negative);
        var neutral = text.Neutral * Weight(SentimentLabel.Neutral);
        var positive = text.Positive * Weight(SentimentLabel.Positive);
        var total = negative + neutral + positive;
        return total <= 0 ? text : SentimentScore.FromProbabilities(negative / total, neutral / total, positive / total);
    }

    /// <summary>The stance a score's band stands for; null without a score or out of range.</summary>
    public static SentimentLabel? Band(int? rating, int? nps) => rating switch
    {
        >= 4 and <= 5 => SentimentLabel.Positive,
        3 => SentimentLabel.Neutral,
        >= 1 and <= 2 => SentimentLabel.Negative,
        _ => nps switch
        {
            >= 9 and <= 10 => SentimentLabel.Positive,
            >= 7 and <= 8 => SentimentLabel.Neutral,
            >= 0 and <= 6 => SentimentLabel.Negative,
            _ => null,
        },
    };
}
