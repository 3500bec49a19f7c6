using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// Round 16: a weak word that is itself a verdict judges what stands in its own part.
public sealed partial class FactorExtractor
{
    /// <summary>
    /// Whether the weak word <paramref name="m"/> is an opinion word of its own («чисто», "clean", "spotless", "cozy") and none of
    /// <paramref name="yieldsTo"/> is named in its part of the clause: "Nice clean store, friendly staff", "Clean, and the technicians
    /// are fast", «Svetoch: clean, fixed me fast» — a verdict and the thing it is said of stand together, so a factor named in another
    /// part between commas, colons or dashes is a thing judged beside it, not the thing the word judges. In its own part the word
    /// still yields («просторная парковка», "the courier was clean and polite").
    /// </summary>
    private bool IsVerdictApart(TextContext context, Clause clause, TermMatch m, List<TermMatch> matches, List<TermMatch> said, int[] yieldsTo)
    {
        if (!Covered(said, m.FirstToken)) return false;
        var (first, end) = Part(context, clause, m.FirstToken);
        foreach (var other in matches)
        {
            var kind = other.Group / factorCount;
            if (kind is not (0 or 2) || other.FirstToken < first || other.FirstToken >= end || IsInsideLongerMatch(other, matches)) continue;
            if (Array.IndexOf(yieldsTo, other.Group % factorCount) >= 0) return false;
        }
        return true;
    }
}
