namespace Listening.Core.Feedback;

public enum FeedbackKind { Review, Mention, Survey }

/// <summary>Who wrote the feedback. Every field is personal data: never log it.</summary>
public sealed record Author(string? Id = null, string? Name = null, string? Handle = null, string? Email = null, string? Phone = null);

/// <summary>
/// The canonical piece of feedback, whatever channel it came through.
/// <see cref="Brand"/> is the brand the text is about; <see cref="CompetitorOf"/> names the brand
/// whose competitive analysis it feeds when it is about a competitor.
/// <see cref="Spam"/> names why the item is spam (links-only, flood): kept, but out of the matrix and loyalty awards.
/// </summary>
public sealed record FeedbackItem(
    string Id,
    FeedbackKind Kind,
    string Source,
    string Brand,
    string Text,
    DateTimeOffset CreatedAt,
    int? Rating = null,
    int? Nps = null,
    Author? Author = null,
    string? ExternalId = null,
    string? CompetitorOf = null,
    string? Channel = null,
    string? Url = null,
    string? Language = null,
    DateTimeOffset? ReceivedAt = null,
    string? Spam = null);
