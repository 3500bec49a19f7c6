using Listening.Core.Sentiment;

namespace Listening.Core.Factors;

/// <summary>
/// A factor found in a feedback text, with the sentiment of the clause it occurs in
/// (not of the whole text). <see cref="Start"/>/<see cref="Length"/> locate the clause.
/// </summary>
public sealed record FactorMention(string Factor, SentimentLabel Label, float Score, int Start, int Length);
