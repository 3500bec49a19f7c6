using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Round 16: a weak word that is itself a verdict judges what stands in its own part.
public sealed partial class FactorExtractor
{
    /// <summary>
    /// Whether the weak word <paramref name="m"/> is an opinion word of its own («чисто», "clean", "spotless", "cozy") and none of
    /// <paramref name="yieldsTo"/> is named in its part of the clause: "Nice clean store, friendly staff", "Clean, and the technicians
    /// are fast", "Svetoch: clean, fixed me fast" — a verdict and the thing it is said of stand together, so a factor named in another
    /// part between commas, colons or dashes is a thing judged beside it, not the thing the word judges. In its own part the word
    /// still yields («просторная парковка», "the courier was clean and polite"), and so does a list of adjectives
    /// before the noun they judge ("Beautiful, slow service").
    /// </summary>
    private bool IsVerdictApart(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches, List<TermMatch> said, int[] yieldsTo)
    {
        if (!Covered(said, m.FirstToken)) return false;
        // Russian already starts a clause at every comma; inside a Russian clause only a colon or a dash cuts a part, and they join
        // a heading to its verdict («Подъезд: чисто», «Атмосфера — уютно»), so there the word stays with the clause.
        if (context.Tokens[m.FirstToken].Lower[0] is >= 'а' and <= 'я' or 'ё') return false;
        var (first, end) = Part(context, clause, m.FirstToken);
        // "Beautiful, slow service": a part of opinion words alone before a part that opens with an opinion word on a yielding
        // factor's noun is the head of a list of adjectives on that noun ("Clean, calm, attentive staff" lists a verdict per part).
        if (end < clause.EndToken && IsAdjectiveListHead(context.Tokens, said, first, end)
            && NamesAny(matches, end, Part(context, clause, end).End, yieldsTo)) return false;
        return !NamesAny(matches, first, end, yieldsTo);
    }

    private static bool IsAdjectiveListHead(List<WordToken> tokens, List<TermMatch> said, int first, int end)
    {
        if (!Covered(said, end)) return false;
        for (var i = first; i < end; i++)
            if (!Covered(said, i) && !VerdictFrame.Contains(tokens[i].Lower)) return false;
        return true;
    }

    /// <summary>Whether one of <paramref name="factors"/> is named by its own terms (not inside a longer match) between
    /// <paramref name="first"/> and <paramref name="end"/>.</summary>
    private bool NamesAny(List<TermMatch> matches, int first, int end, int[] factors)
    {
        foreach (var other in matches)
        {
            var kind = other.Group / factorCount;
            if (kind is (0 or 2) && other.FirstToken >= first && other.FirstToken < end && !IsInsideLongerMatch(other, matches)
                && Array.IndexOf(factors, other.Group % factorCount) >= 0) return true;
        }
        return false;
    }
}
