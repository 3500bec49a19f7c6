using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Feedback;

/// <summary>What scoring adds to an item: language, document sentiment, factor mentions.</summary>
public sealed record FeedbackScores(string Language, SentimentScore Sentiment, IReadOnlyList<FactorMention> Factors);

public sealed record ScoredFeedback(FeedbackItem Item, FeedbackScores Scores);

/// <summary>Language detection + document sentiment + factor mentions for one item. Thread-safe.</summary>
public interface IFeedbackScorer
{
    FeedbackScores Score(FeedbackItem item);
}
