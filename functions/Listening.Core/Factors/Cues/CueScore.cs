using Listening.Core.Sentiment;

namespace Listening.Core.Factors.Cues;

/// <summary>How many positive and negative opinion words a span holds, after negation.</summary>
public readonly record struct CueScore(int Positive, int Negative)
{
    public bool IsEmpty => Positive == 0 && Negative == 0;

    /// <summary>(pos − neg) / (pos + neg), 0 when there are no cues.</summary>
    public float Score => IsEmpty ? 0f : (float)(Positive - Negative) / (Positive + Negative);

    public SentimentLabel Label => Positive > Negative ? SentimentLabel.Positive
        : Negative > Positive ? SentimentLabel.Negative
        : SentimentLabel.Neutral;
}
