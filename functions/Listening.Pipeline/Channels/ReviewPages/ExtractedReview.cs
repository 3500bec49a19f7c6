namespace Listening.Channels.ReviewPages;

/// <summary>One review found on a page, before it becomes a feedback item. Every field but the text may be missing.</summary>
public sealed record ExtractedReview(
    string Text,
    string? Id = null,
    string? Author = null,
    DateTimeOffset? Date = null,
    double? Rating = null,
    double? BestRating = null,
    string? ItemName = null,
    string? Url = null);

/// <summary>The reviews of one page and the blocks that were skipped (with why), e.g. malformed JSON-LD.</summary>
public sealed record ReviewPageResult(IReadOnlyList<ExtractedReview> Reviews, IReadOnlyList<string> Skipped);

/// <summary>A page that cannot be read at all (too large, too slow to parse): nothing is extracted from it.</summary>
public sealed class ReviewPageRejectedException(string message) : Exception(message);
