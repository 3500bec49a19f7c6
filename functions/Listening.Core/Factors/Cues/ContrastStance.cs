using Listening.Core.Factors.Text;

namespace Listening.Core.Factors.Cues;

/// <summary>
/// What a contrast says about a clause that has no opinion word of its own: the two sides of «но», "but", «зато»,
/// "however", "although" take opposite sides. "Dispute took ages, but the cashback is the best around" — the dispute is
/// the complaint; «Приложение иногда неправильно ставит точку, но машина приезжает за 3 минуты» (9 of 10) — the app is.
/// </summary>
/// <remarks>
/// Why: without it a factual clause is read by the sentiment model pulled towards the item's own score (its rating), and
/// in a mixed item the rating belongs to the side the author ends on, so the concession took the rating's side ("No real
/// parking, so I walk. Worth it for the fish." at 4 stars read parking +). The side whose stance is known decides: by its
/// own opinion words, else — for the side after the turn, the one a mixed item's score follows — by the item's score, or
/// by «зато» itself (it always opens the plus). «а» and "and" join as often as they oppose and are not read as a turn;
/// «но и», "but also" add rather than oppose.
/// </remarks>
public static class ContrastStance
{
    private static readonly HashSet<string> Turns = new(StringComparer.Ordinal)
    {
        "но", "однако", "зато", "хотя", "впрочем", "but", "however", "although", "though", "nevertheless",
    };

    private static readonly HashSet<string> Concessions = new(StringComparer.Ordinal) { "хотя", "although", "though" };

    // "не только вкусно, но и быстро", "not only fast but also cheap": the second side adds to the first.
    private static readonly HashSet<string> Additive = new(StringComparer.Ordinal) { "и", "также", "ещё", "еще", "also", "even" };

    /// <summary>
    /// The stance (+1 / −1) the contrast gives clause <paramref name="clause"/> of <paramref name="clauses"/>, or 0 when it
    /// stands in no contrast or the other side's stance is unknown.
    /// </summary>
    /// <param name="sideScore">The opinion words' score of a clause (by index): 0 when it has none.</param>
    /// <param name="outcome">The item's own score on −1…+1 (rating or NPS), 0 without one.</param>
    public static int Of(IReadOnlyList<WordToken> tokens, IReadOnlyList<Clause> clauses, int clause, Func<int, float> sideScore, float outcome)
    {
        if (clause < 0 || clause >= clauses.Count) return 0;
        int other;
        bool otherIsMain;
        if (IsTurn(tokens, clauses[clause]))
        {
            // «Хотя доставка опоздала, курьер извинился»: a concession that opens its sentence is opposed by what follows it.
            var opensSentence = clause == 0 || clauses[clause - 1].Sentence != clauses[clause].Sentence;
            if (Concessions.Contains(tokens[clauses[clause].FirstToken].Lower) && opensSentence)
            {
                other = clause + 1;
                if (other >= clauses.Count || clauses[other].Sentence != clauses[clause].Sentence) return 0;
                otherIsMain = true;
            }
            else
            {
                other = clause - 1;
                otherIsMain = false;
                if (other < 0) return 0;
            }
        }
        else if (clause + 1 < clauses.Count && IsTurn(tokens, clauses[clause + 1]))
        {
            other = clause + 1;
            // "X, though Y": the concession after the main clause is the lesser side.
            otherIsMain = !Concessions.Contains(tokens[clauses[other].FirstToken].Lower);
        }
        else return 0;

        var score = sideScore(other);
        int stance;
        if (score != 0f) stance = Math.Sign(score);
        else if (tokens[clauses[other].FirstToken].Lower == "зато") stance = 1;
        else if (tokens[clauses[clause].FirstToken].Lower == "зато") return 1;
        else if (otherIsMain && outcome != 0f) stance = Math.Sign(outcome);
        else return 0;
        return -stance;
    }

    private static bool IsTurn(IReadOnlyList<WordToken> tokens, Clause clause)
    {
        var word = tokens[clause.FirstToken].Lower;
        if (!Turns.Contains(word)) return false;
        return clause.TokenCount < 2 || !Additive.Contains(tokens[clause.FirstToken + 1].Lower);
    }
}
