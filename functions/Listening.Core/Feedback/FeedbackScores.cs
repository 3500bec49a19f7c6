using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Feedback;

/// <summary>
/// What scoring adds to an item: language, document sentiment, factor mentions, and whether the
/// item is <see cref="Mixed"/> (clear praise and a clear complaint in different clauses) with the
/// clause polarities that decided it. Items scored before mixed existed read as not mixed, no clauses.
/// <see cref="Dropped"/>: the rules' mentions the learned detector took out of <see cref="Factors"/>, kept with the item
/// so that the matrix can give a factor back what the detector cost it (<see cref="Matrix.BrandStats.Restored"/>); none
/// without a detector and on items scored before they were kept. Nothing but the matrix's count guard reads them.
/// </summary>
public sealed record FeedbackScores(string Language, SentimentScore Sentiment, IReadOnlyList<FactorMention> Factors,
    bool Mixed = false, IReadOnlyList<ClausePolarity>? Clauses = null, IReadOnlyList<FactorMention>? Dropped = null);

public sealed record ScoredFeedback(FeedbackItem Item, FeedbackScores Scores);

/// <summary>Language detection + document sentiment + factor mentions for one item. Thread-safe.</summary>
public interface IFeedbackScorer
{
    FeedbackScores Score(FeedbackItem item);
}
