using Listening.Core.Feedback;

namespace Listening.Core.Matrix;

/// <summary>
/// The outcomes one item carries, each put on [−1, 1]: star rating 1…5 → (r − 3) / 2, NPS answer 0…10 → (p − 5) / 5,
/// document sentiment score as it is (always present).
/// </summary>
public readonly record struct ItemOutcomes(double? Rating, double? Nps, double Sentiment)
{
    public static ItemOutcomes Of(int? rating, int? nps, double documentSentiment) => new(
        rating is { } r ? Math.Clamp((r - 3) / 2.0, -1, 1) : null,
        nps is { } p ? Math.Clamp((p - 5) / 5.0, -1, 1) : null,
        Math.Clamp(documentSentiment, -1, 1));

    public static ItemOutcomes Of(FeedbackItem item, double documentSentiment) => Of(item.Rating, item.Nps, documentSentiment);

    /// <summary>Which outcomes besides text sentiment the item carries: bit 0 rating, bit 1 NPS.</summary>
    public int Pattern => (Rating is null ? 0 : 1) | (Nps is null ? 0 : 2);
}

/// <summary>
/// (x, y) moments of items kept apart by which outcomes they carry (none, rating, NPS, both) and by outcome, so that
/// the precedence of outcomes (<see cref="MatrixRules.Outcomes"/>) is applied when a matrix is computed, not when
/// items are folded in. For a factor x is its sentiment in the item; for the brand x is 0 and only the outcome's
/// moments matter. Merging is plain addition.
/// </summary>
public sealed class OutcomePairs
{
    private const int Outcomes = 3;
    private readonly PairMoments[] _slots = new PairMoments[4 * Outcomes];

    public void Add(double x, in ItemOutcomes outcomes)
    {
        var slot = outcomes.Pattern * Outcomes;
        if (outcomes.Rating is { } r) _slots[slot + (int)Outcome.Rating].Add(x, r);
        if (outcomes.Nps is { } p) _slots[slot + (int)Outcome.Nps].Add(x, p);
        _slots[slot + (int)Outcome.DocumentSentiment].Add(x, outcomes.Sentiment);
    }

    public void Merge(OutcomePairs other)
    {
        for (var i = 0; i < _slots.Length; i++) _slots[i].Merge(other._slots[i]);
    }

    /// <summary>The moments over the items whose own outcome, under <paramref name="precedence"/>, is <paramref name="outcome"/>.</summary>
    public PairMoments Of(Outcome outcome, IReadOnlyList<Outcome> precedence)
    {
        var sum = new PairMoments();
        for (var pattern = 0; pattern < 4; pattern++)
            if (OutcomeOf(pattern, precedence) == outcome) sum.Merge(_slots[pattern * Outcomes + (int)outcome]);
        return sum;
    }

    /// <summary>The first outcome of <paramref name="precedence"/> that an item with this pattern carries; null if none.</summary>
    public static Outcome? OutcomeOf(int pattern, IReadOnlyList<Outcome> precedence)
    {
        foreach (var o in precedence)
            if (o == Outcome.DocumentSentiment || (o == Outcome.Rating && (pattern & 1) != 0) || (o == Outcome.Nps && (pattern & 2) != 0))
                return o;
        return null;
    }
}
