using Listening.Core.Feedback;

namespace Listening.Pipeline;

/// <summary>A stored item: the item, how far it got, its scores once scored, and the last error
/// (set when it was dead-lettered).</summary>
public sealed record FeedbackRecord(
    FeedbackItem Item,
    FeedbackStage Stage,
    FeedbackScores? Scores,
    DateTimeOffset UpdatedAt,
    string? Error = null);
