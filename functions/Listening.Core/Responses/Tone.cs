using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Responses;

/// <summary>Which kind of message an item gets. Negative means apology + human follow-up.</summary>
public enum Tone { Positive, Neutral, Negative }

public static class Tones
{
    /// <summary>
    /// A low star rating counts as a complaint even when the text reads neutral or (sarcastically)
    /// positive: answering a one-star review with cheerful thanks is the worse error. So does a text whose every
    /// factor mention is negative while the document model is not confident it is praise: terse factual complaints
    /// ("Доставка задержалась на час, суп остыл") carry no opinion words the document model knows and it reads them
    /// neutral or even positive, while the clause analysis finds what went wrong. A good rating (4–5) keeps its say.
    /// </summary>
    public static Tone Of(FeedbackItem item, FeedbackScores scores) =>
        scores.Sentiment.Label == SentimentLabel.Negative || item.Rating is <= 2 || OnlyComplaints(item, scores) ? Tone.Negative
        : scores.Sentiment.Label == SentimentLabel.Positive ? Tone.Positive
        : Tone.Neutral;

    /// <summary>Below this P(positive) the document model's "positive" is not trusted over all-negative factor mentions.</summary>
    public const float ConfidentPraise = 0.6f;

    private static bool OnlyComplaints(FeedbackItem item, FeedbackScores scores) =>
        item.Rating is null or 3
        && scores.Factors.Count > 0
        && scores.Factors.All(f => f.Label == SentimentLabel.Negative)
        && scores.Sentiment.Positive < ConfidentPraise;

    public static string Key(this Tone tone) => tone switch
    {
        Tone.Positive => "positive",
        Tone.Negative => "negative",
        _ => "neutral",
    };
}
