using Listening.Core.Feedback;
using Listening.Core.Text;

namespace Listening.Core.Sentiment;

/// <summary>
/// The <see cref="TextKind"/> an item's sentiment is calibrated as, from what the pipeline knows about it: a
/// social <see cref="FeedbackKind.Mention"/> is a post (class priors of social posts: mostly neutral) whatever
/// its text looks like; a review or survey answer is a review when long or written with review headings, else a
/// short text — never a post, even when it quotes a link. Without an item (the `score` command) the kind is
/// decided from the text alone (<see cref="TextKind.Of"/>).
/// </summary>
public static class FeedbackTextKind
{
    public static string For(FeedbackKind kind, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (kind == FeedbackKind.Mention) return TextKind.Post;
        var fromText = TextKind.Of(text);
        return fromText == TextKind.Post ? (text.Length > TextKind.ReviewChars ? TextKind.Review : TextKind.Short) : fromText;
    }

    /// <summary>
    /// From an item kind named by a client ("review", "mention", "survey", as <see cref="FeedbackKind"/>; "post" and
    /// "tweet" read as a mention), or null when it names none — then the scorer decides from the text.
    /// </summary>
    public static string? For(string? itemKind, string text) => itemKind?.Trim().ToLowerInvariant() switch
    {
        "mention" or "post" or "tweet" => TextKind.Post,
        "review" => For(FeedbackKind.Review, text),
        "survey" => For(FeedbackKind.Survey, text),
        _ => null,
    };
}
