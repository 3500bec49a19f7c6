using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Feedback;

/// <summary>
/// What scoring adds to an item: language, document sentiment, factor mentions, and whether the
/// item is <see cref="Mixed"/> (clear praise and a clear complaint in different clauses) with the
/// clause polarities that decided it. Items scored before mixed existed read as not mixed, no clauses.
/// </summary>
public sealed record FeedbackScores(string Language, SentimentScore Sentiment, IReadOnlyList<FactorMention> Factors,
    bool Mixed = false, IReadOnlyList<ClausePolarity>? Clauses = null);

public sealed record ScoredFeedback(FeedbackItem Item, FeedbackScores Scores);

/// <summary>Language detection + document sentiment + factor mentions for one item. Thread-safe.</summary>
public interface IFeedbackScorer
{
    FeedbackScores Score(FeedbackItem item);
}
