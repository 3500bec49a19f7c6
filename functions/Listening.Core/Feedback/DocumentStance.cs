using Listening.Core.Factors;
using Listening.Core.Factors.Cues;
using Listening.Core.Sentiment;

namespace Listening.Core.Feedback;

/// <summary>
/// The document's stance from what the scorer has read: the text model on the whole text, and one more piece of
/// evidence where there is one — the author's own score (<see cref="AuthorVerdict"/>) or, for an item without a score,
/// the clauses that judge its factors when they all lean the same way.
/// </summary>
/// <remarks>
/// Why the clauses: the text model reads short factual praise in the stories' kind of text against its clauses ("Slick
/// app. Reordering last week's basket takes ten seconds." at −0.50) far more often than the clause reading of a judged
/// factor does (mention polarity ≈ 0.87–0.89 on the dev stories, document ≈ 0.64 accuracy on their unrated items). A
/// unanimous clause reading is weighed like a score's band, with <see cref="MentionAgreement"/> instead of the score's
/// 0.95 — a prior set before measuring (the stories gave 0.651–0.658 macro-F1 on unrated items for any value from 0.7 to
/// 0.95). A rated item keeps the author's verdict alone: its score already says what the clauses would, and two pieces
/// of evidence multiplied would outvote a text the model is sure of. Clauses that disagree (a mixed item) or none that
/// judge anything leave the text model's reading as it is.
/// </remarks>
public static class DocumentStance
{
    /// <summary>How often a unanimous clause reading is assumed to agree with the document's stance.</summary>
    public const float MentionAgreement = 0.9f;

    public static SentimentScore Of(SentimentScore text, IReadOnlyList<FactorMention> mentions, int? rating, int? nps) =>
        Of(text, mentions, rating, nps, null);

    /// <param name="body">The item's text, which the mentions' spans index: with it, an item whose clauses disagree is read
    /// by the side it ends on after a turn (<see cref="EndsOn"/>).</param>
    public static SentimentScore Of(SentimentScore text, IReadOnlyList<FactorMention> mentions, int? rating, int? nps, string? body)
    {
        if (AuthorVerdict.Band(rating, nps) is not null) return AuthorVerdict.Combine(text, rating, nps);
        var stance = Unanimous(mentions) ?? (body is null ? null : EndsOn(body, mentions));
        return stance is { } side ? AuthorVerdict.Weigh(text, side, MentionAgreement) : text;
    }

    /// <summary>
    /// The polarity of a mixed item's last judged clause when that clause opens with a turn («но», "but", «зато», "however"):
    /// the labelling guideline's "the side the author ends on after a contrast carries the stance" («Вкусно, но доставка опять
    /// опоздала»). Null when the last polar clause is no such turn (a trailing concession, a list of pros and cons) or its
    /// mentions differ.
    /// </summary>
    public static SentimentLabel? EndsOn(string body, IReadOnlyList<FactorMention> mentions)
    {
        var last = -1;
        foreach (var mention in mentions)
            if (mention.Label != SentimentLabel.Neutral && mention.Start > last) last = mention.Start;
        if (last < 0 || last >= body.Length || !ContrastStance.OpensMainSide(body, last)) return null;
        SentimentLabel? side = null;
        foreach (var mention in mentions)
        {
            if (mention.Start != last || mention.Label == SentimentLabel.Neutral) continue;
            if (side is { } seen && seen != mention.Label) return null;
            side = mention.Label;
        }
        return side;
    }

    /// <summary>The polarity every polar mention shares; null when there is none, or when they differ.</summary>
    public static SentimentLabel? Unanimous(IReadOnlyList<FactorMention> mentions)
    {
        SentimentLabel? stance = null;
        foreach (var mention in mentions)
        {
            if (mention.Label == SentimentLabel.Neutral) continue;
            if (stance is { } seen && seen != mention.Label) return null;
            stance = mention.Label;
        }
        return stance;
    }
}
