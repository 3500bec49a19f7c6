using Listening.Core.Factors.Text;

namespace Listening.Core.Factors.Cues;

/// <summary>
/// How far a sarcasm marker reaches in its sentence: the whole sentence, except the clauses before a turn («но», "but",
/// «зато») when every marker stands after it — «Вкусно, но весь вечер в ожидании 🙄» is sincere about the food and ironic
/// about the evening; "за 10 минут привезут, но только то, что есть 🙃" praises the speed.
/// </summary>
public static class SarcasmScope
{
    /// <summary>Whether the sentence's sarcasm markers (among <paramref name="said"/>, the sentence's cue matches) reach clause
    /// <paramref name="clause"/> of <paramref name="clauses"/>; <paramref name="sentenceEnd"/> is the index after the sentence's
    /// last clause.</summary>
    public static bool Reaches(IReadOnlyList<WordToken> tokens, IReadOnlyList<Clause> clauses, int clause, int sentenceEnd, List<TermMatch> said)
    {
        var first = SentimentCues.FirstSarcasm(said);
        if (first < 0) return false;
        for (var c = clause + 1; c < sentenceEnd; c++)
        {
            // A turn after this clause and before the first marker keeps the marker on the far side of it.
            if (clauses[c].FirstToken > first) break;
            if (ClauseSplitter.IsContrast(tokens[clauses[c].FirstToken].Lower) && tokens[clauses[c].FirstToken].Lower is not "а") return false;
        }
        return true;
    }
}
