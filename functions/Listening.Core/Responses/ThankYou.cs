using Listening.Core.Feedback;
using Listening.Core.Loyalty;

namespace Listening.Core.Responses;

/// <summary>
/// What composing needs: the scored item, the author's profile (if known) and the loyalty decision already taken.
/// <see cref="Platform"/> is set when the brand's connector to the platform the author wrote on is configured: the
/// answer then goes there first (before e-mail), fitted to the platform's rules.
/// </summary>
public sealed record ThankYouRequest(FeedbackItem Item, FeedbackScores Scores, AuthorProfile? Profile, LoyaltyDecision Loyalty,
    ReplyConstraints? Platform = null);

/// <summary>
/// A composed message. <see cref="FollowUp"/> asks a person to follow up (every complaint).
/// <see cref="Subject"/>, <see cref="Body"/> and <see cref="Route"/> contain personal data.
/// </summary>
public sealed record ThankYou(
    string ItemId,
    string? AuthorId,
    string Language,
    Tone Tone,
    string Template,
    ReplyRoute Route,
    string Subject,
    string Body,
    bool FollowUp,
    int Points);
