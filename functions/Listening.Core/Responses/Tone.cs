using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Responses;

/// <summary>Which kind of message an item gets. Negative means apology + human follow-up.</summary>
public enum Tone { Positive, Neutral, Negative }

public static class Tones
{
    /// <summary>
    /// A low star rating counts as a complaint even when the text reads neutral or (sarcastically)
    /// positive: answering a one-star review with cheerful thanks is the worse error.
    /// </summary>
    public static Tone Of(FeedbackItem item, FeedbackScores scores) =>
        scores.Sentiment.Label == SentimentLabel.Negative || item.Rating is <= 2 ? Tone.Negative
        : scores.Sentiment.Label == SentimentLabel.Positive ? Tone.Positive
        : Tone.Neutral;

    public static string Key(this Tone tone) => tone switch
    {
        Tone.Positive => "positive",
        Tone.Negative => "negative",
        _ => "neutral",
    };
}
