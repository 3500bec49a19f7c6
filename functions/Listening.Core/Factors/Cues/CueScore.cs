using Listening.Core.Sentiment;

namespace Listening.Core.Factors.Cues;

/// <summary>How many positive and negative opinion words a span holds, after negation.</summary>
public readonly record struct CueScore(int Positive, int Negative)
{
    /// <summary>
    /// A complaint outweighs praise in the same span ("great food, great service, a place to AVOID"):
    /// reviewers pad criticism with politeness far more often than the reverse. Tuned on the train split.
    /// </summary>
    public const float NegativeWeight = 1.5f;

    public bool IsEmpty => Positive == 0 && Negative == 0;

    /// <summary>(pos − w·neg) / (pos + w·neg), 0 when there are no cues.</summary>
    public float Score => IsEmpty ? 0f : (Positive - NegativeWeight * Negative) / (Positive + NegativeWeight * Negative);

    public SentimentLabel Label => Score > 0 ? SentimentLabel.Positive : Score < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral;
}
