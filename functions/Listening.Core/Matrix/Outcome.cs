namespace Listening.Core.Matrix;

/// <summary>An overall outcome an item can carry; importance correlates a factor's sentiment with it.</summary>
public enum Outcome { Rating, Nps, DocumentSentiment }

/// <summary>How importance was measured for a matrix.</summary>
public enum ImportanceMeasure
{
    /// <summary>Correlation with the outcome each item has (the first of <see cref="MatrixRules.Outcomes"/> it carries).</summary>
    OutcomeCorrelation,

    /// <summary>Share of the brand's items that mention the factor (too few items with an outcome, or none configured).</summary>
    ShareOfMentions,
}

/// <summary>
/// What one factor's importance rests on, per outcome: <see cref="Items"/> of the brand's items have this outcome as
/// theirs, <see cref="Mentions"/> of them mention the factor, and <see cref="R"/> is the correlation within them
/// (NaN when it is undefined: no items, or the factor or the outcome does not vary there). Every outcome of the
/// rules is listed, with zero items where the brand has none.
/// </summary>
public sealed record OutcomeEvidence(Outcome Outcome, long Items, long Mentions, double R);
