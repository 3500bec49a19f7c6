using Listening.Core.Sentiment;

namespace Listening.Core.Factors;

/// <summary>
/// A factor found in a feedback text, with the sentiment of the clause it occurs in
/// (not of the whole text). <see cref="Start"/>/<see cref="Length"/> locate the clause.
/// </summary>
public sealed record FactorMention(string Factor, SentimentLabel Label, float Score, int Start, int Length)
{
    /// <summary>
    /// The learned detector found this factor where the rules did not (<see cref="Learned.LearnedFactorDetector"/>).
    /// The matrix needs it to count a factor as the rules alone would (<see cref="Matrix.BrandStats.Restored"/>); a
    /// mention stored before the flag existed reads as the rules'.
    /// </summary>
    public bool Added { get; init; }
}
