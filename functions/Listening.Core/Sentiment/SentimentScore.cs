namespace Listening.Core.Sentiment;

public enum SentimentLabel { Negative, Neutral, Positive }

/// <summary>
/// Class probabilities and a signed score in [-1, 1] (P(positive) − P(negative)).
/// </summary>
public sealed record SentimentScore(SentimentLabel Label, float Score, float Negative, float Neutral, float Positive)
{
    public static SentimentScore FromProbabilities(float negative, float neutral, float positive)
    {
        var label = negative >= neutral && negative >= positive ? SentimentLabel.Negative
            : positive >= neutral ? SentimentLabel.Positive
            : SentimentLabel.Neutral;
        return new SentimentScore(label, Math.Clamp(positive - negative, -1f, 1f), negative, neutral, positive);
    }
}

/// <summary>Scores one text. Implementations must be thread-safe.</summary>
public interface ISentimentScorer
{
    SentimentScore Score(string text);

    /// <summary>
    /// Scores a text whose kind (<see cref="Text.TextKind"/>: post, short, review) the caller knows from its
    /// source — a social mention is a post even without an @handle — so the model's neutral calibration for
    /// that kind applies; null = decided from the text. Scorers without per-kind calibration ignore it.
    /// </summary>
    SentimentScore Score(string text, string? kind) => Score(text);
}
