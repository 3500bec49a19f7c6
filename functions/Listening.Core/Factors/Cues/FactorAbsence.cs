using Listening.Core.Factors.Text;

namespace Listening.Core.Factors.Cues;

/// <summary>
/// A factor's own word said to be absent, in a clause with no opinion word: "No parking at all", «Парковки нет», "no app,
/// everything on paper", «ни одного банкомата» are a lack (−); «без очереди», "no fees", «без переплаты» are praise (+), because
/// a queue or a fee is what customers would rather be without (<see cref="SentimentCues.IsUnwanted"/>).
/// </summary>
/// <remarks>Why: a plain fact of absence has no opinion word, so the sentiment model read it — pulled towards the item's
/// score, which in a mixed 4-star review («Паркинга нет, но за сырами — только сюда») is the other side's. The labelling
/// guideline files "no parking at all" as a judgement: a factual lack that is plainly bad for a customer.</remarks>
public static class FactorAbsence
{
    private static readonly HashSet<string> Before = new(StringComparer.Ordinal)
    {
        "no", "without", "zero", "lack", "нет", "нету", "без", "ни", "никакой", "никакого", "никаких", "никакая", "никакие", "отсутствие",
    };

    private static readonly HashSet<string> After = new(StringComparer.Ordinal)
    {
        "нет", "нету", "none", "отсутствует", "отсутствуют", "отсутствовала", "отсутствовал",
    };

    // "no real parking", "not a single ATM", «нет своей парковки», «ни одного банкомата»: words that may stand between.
    private static readonly HashSet<string> Between = new(StringComparer.Ordinal)
    {
        "a", "any", "real", "own", "single", "one", "proper", "free", "одного", "одной", "своей", "своего", "своих", "собственной", "бесплатной",
    };

    /// <summary>−1 when the word at <paramref name="at"/> (a factor's term, inside clause tokens [from, to)) is said to be
    /// absent, +1 when it is absent and unwanted, 0 when it is not said to be absent.</summary>
    public static int Of(SentimentCues cues, IReadOnlyList<WordToken> tokens, int from, int to, int at)
    {
        if (!IsAbsent(tokens, from, to, at)) return 0;
        return cues.IsUnwanted(tokens, at) ? 1 : -1;
    }

    private static bool IsAbsent(IReadOnlyList<WordToken> tokens, int from, int to, int at)
    {
        for (var i = at - 1; i >= from && i >= at - 3; i--)
        {
            var word = tokens[i].Lower;
            if (Before.Contains(word)) return true;
            if (word == "not" && i + 1 < at && tokens[i + 1].Lower is "a" or "one" or "any") return true;
            if (!Between.Contains(word)) break;
        }
        for (var i = at + 1; i < to && i <= at + 3; i++)
        {
            var word = tokens[i].Lower;
            if (After.Contains(word)) return true;
            if (word == "не" && i + 1 < to && tokens[i + 1].Lower is "было" or "будет") return true;
        }
        return false;
    }
}
