using Listening.Core.Factors.Cues;
using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;

namespace Listening.Core.Factors;

// Where a clause's part ends, whether a sentence asks, and the polarity of what a clause says about its factor.
public sealed partial class FactorExtractor
{
    /// <summary>
    /// The part of the clause around <paramref name="token"/> between commas, colons and dashes; a dash after it joins
    /// the part that follows, which says what the subject is («Администратор Алина — просто чудо»).
    /// </summary>
    private static (int First, int End) Segment(string text, List<WordToken> tokens, Clause clause, int token)
    {
        var first = token;
        while (first > clause.FirstToken && !IsSegmentBreak(text, tokens, first)) first--;
        var end = token + 1;
        while (end < clause.EndToken && !IsSegmentBreak(text, tokens, end)) end++;
        if (end < clause.EndToken && IsDash(text, tokens, end))
        {
            end++;
            while (end < clause.EndToken && !IsSegmentBreak(text, tokens, end)) end++;
        }
        return (first, end);
    }

    private static bool IsDash(string text, List<WordToken> tokens, int i) =>
        text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End).IndexOfAny('—', '–') >= 0;

    /// <summary>Whether the gap before token <paramref name="i"/> holds a comma, colon or dash.</summary>
    private static bool IsSegmentBreak(string text, List<WordToken> tokens, int i)
    {
        foreach (var ch in text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End))
        {
            if (ch is ',' or ':' or '—' or '–' or '(' or ')') return true;
        }
        return false;
    }

    private static bool IsQuestion(string text, List<WordToken> tokens, int sentenceEnd)
    {
        var from = tokens[sentenceEnd - 1].End;
        var to = sentenceEnd < tokens.Count ? tokens[sentenceEnd].Start : text.Length;
        return text.AsSpan(from, to - from).Contains('?');
    }

    private SentimentLabel Label(float score) =>
        score > NeutralBand ? SentimentLabel.Positive : score < -NeutralBand ? SentimentLabel.Negative : SentimentLabel.Neutral;

    /// <summary>The polarity of what tokens [first, end) say (a clause, or the part of one about a factor).</summary>
    private (SentimentLabel Label, float Score, ClauseCues Cues) Polarity(TextContext context, int first, int end, bool sarcastic, int sentenceFirst, int sentenceEnd, ClauseCues? known)
    {
        var tokens = context.Tokens;
        var cue = known ?? cues.Analyze(context.Text, tokens, first, end, sarcastic, context.CueMatches);
        float score;
        // Opinion words, read with their negation, sarcasm and scope, decide where a clause has them; the model — one
        // call per clause, the costly part — speaks only for a clause that has none.
        if (!cue.Score.IsEmpty) score = cue.Score.Score;
        else if (cue.Neutral > 0) score = 0f;
        // A contrast's inferred praise is turned round like any other in a sarcastic clause: «Зато привезли 🙃».
        else if ((sarcastic ? -1 : 1) * Contrasted(context, first, sarcastic) is var turn && clauseScorer is not null)
        {
            var start = tokens[first].Start;
            score = clauseScorer.Score(context.Text.Substring(start, tokens[end - 1].End - start)).Score;
            // The other side of a contrast says more about a factual clause than the item's own score (ContrastStance).
            var prior = turn != 0 ? turn : Prior(context);
            if (prior != 0f) score = (1 - PriorWeight) * score + PriorWeight * prior;
        }
        else if (turn != 0) score = turn * 0.5f;
        else
        {
            var sentence = cues.Analyze(context.Text, tokens, sentenceFirst, sentenceEnd, sarcastic, context.CueMatches).Score;
            if (!sentence.IsEmpty) score = sentence.Score;
            else
            {
                // Last resort: the tone of the whole text, at half weight — a weaker signal than the clause's own.
                context.Document ??= cues.Analyze(context.Text, tokens, 0, tokens.Count, sarcastic).Score;
                score = context.Document.Value.Score * 0.5f;
            }
        }
        if (Math.Abs(score) <= NeutralBand && cue.Neutral == 0 && Outcome(context) is var outcome && outcome != 0f)
        {
            // A clause that says nothing either way takes the item's own verdict: a factor named in a 1-star review.
            score = outcome > 0 ? NeutralBand + 0.01f : -NeutralBand - 0.01f;
        }
        return (Label(score), score, cue);
    }

    /// <summary>The stance a contrast gives the clause holding token <paramref name="first"/> (<see cref="ContrastStance"/>).</summary>
    private int Contrasted(TextContext context, int first, bool sarcastic)
    {
        var clauses = context.Clauses;
        var index = clauses.FindIndex(c => first >= c.FirstToken && first < c.EndToken);
        return ContrastStance.Of(context.Tokens, clauses, index,
            k => cues.Analyze(context.Text, context.Tokens, clauses[k].FirstToken, clauses[k].EndToken, sarcastic).Score.Score, Outcome(context));
    }

    /// <summary>How much the item's own verdict (<see cref="Prior"/>) weighs against the model's score of a clause without
    /// opinion words (measured on the five labelled stories: 0.3–0.7 all beat 0, 0.5 best on four of five).</summary>
    public float PriorWeight { get; init; } = 0.5f;

    /// <summary>The item's own verdict on a −1…+1 scale: its star rating, else its NPS answer, else (at half weight) the opinion
    /// words of the whole text; 0 when it has none.</summary>
    private float Prior(TextContext context)
    {
        if (context.Rating is not null || context.Nps is not null) return Outcome(context);
        context.Document ??= cues.Analyze(context.Text, context.Tokens, 0, context.Tokens.Count, cues.HasSarcasm(context.Tokens, 0, context.Tokens.Count)).Score;
        return context.Document.Value.Score * 0.5f;
    }

    /// <summary>The item's star rating or NPS answer on a −1…+1 scale (3 stars and NPS 7–8 are 0); 0 without either.</summary>
    private static float Outcome(TextContext context) =>
        context.Rating is { } rating ? Math.Clamp((rating - 3) / 2f, -1f, 1f)
        : context.Nps is { } nps ? (nps >= 9 ? 1f : nps >= 7 ? 0f : nps >= 5 ? -0.5f : -1f)
        : 0f;
}
