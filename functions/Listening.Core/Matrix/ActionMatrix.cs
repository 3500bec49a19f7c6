namespace Listening.Core.Matrix;

/// <summary>Our performance on a factor against one competitor's: Δ = ours − theirs, with an interval.</summary>
public sealed record CompetitorDelta(string Competitor, Estimate Performance, Estimate Delta);

/// <summary>The medians that split the matrix, over the placed factors (NaN when too few are placed).</summary>
public sealed record Crosshairs(double Importance, double Performance, int Factors);

/// <summary>Why a factor has no quadrant.</summary>
public enum Unplaced
{
    /// <summary>Fewer mentions than <see cref="MatrixRules.MinMentions"/>.</summary>
    TooFewMentions,

    /// <summary>Enough mentions, but fewer than <see cref="MatrixRules.MinPlacedFactors"/> factors have: no medians to split by.</summary>
    TooFewFactors,

    /// <summary>Enough mentions, but its importance is undefined (neither it nor the outcome varies where it is mentioned).</summary>
    NoImportance,
}

/// <summary>
/// One factor in the matrix. <see cref="Quadrant"/> is what the report shows; <see cref="RawQuadrant"/> is what the
/// point estimates alone say — they differ when a move from <see cref="PreviousQuadrant"/> is held back because an
/// interval straddles the crosshair (<see cref="HeldOn"/> names which).
/// A factor is <see cref="Borderline"/> when an interval it depends on straddles its line (<see cref="Uncertain"/>):
/// <see cref="Alternative"/> is then the quadrant the nearest such line would put it in — shown next to the most
/// likely one, never headlined as certain.
/// </summary>
public sealed record FactorPosition(
    string Factor,
    long N,
    Estimate Share,
    Estimate Importance,
    Estimate Performance,
    Quadrant Quadrant,
    Quadrant RawQuadrant,
    bool ImportanceHigh,
    bool PerformanceHigh,
    bool? Ahead,
    IReadOnlyList<CompetitorDelta> Competitors,
    CompetitorDelta? Weakest,
    double Priority,
    Quadrant? PreviousQuadrant,
    IReadOnlyList<MatrixAxis> HeldOn)
{
    /// <summary>What the importance rests on, per outcome (empty when importance is the share of mentions).</summary>
    public IReadOnlyList<OutcomeEvidence> ImportanceBasis { get; init; } = [];

    /// <summary>The performance interval lies above <see cref="MatrixRules.PromoteAbove"/>: customers are clearly positive.</summary>
    public bool ClearlyPositive { get; init; }

    /// <summary>The lines whose interval straddles and that would change the quadrant; the nearest comes first.</summary>
    public IReadOnlyList<MatrixAxis> Uncertain { get; init; } = [];

    /// <summary>For a borderline factor: the other quadrant it may be in.</summary>
    public Quadrant? Alternative { get; init; }

    /// <summary>For a factor without a quadrant: why.</summary>
    public Unplaced? Unplaced { get; init; }

    public bool Borderline => Alternative is not null;
    public bool BehindCompetitor => Weakest is { } w && w.Delta.Value < 0;
    public bool Changed => PreviousQuadrant is { } p && p != Quadrant.Insufficient && p != Quadrant;
}

public enum MatrixAxis { Importance, Performance, CompetitorEdge }

/// <summary>The action matrix of one brand over one period, factors in the order of action.</summary>
public sealed record ActionMatrix(
    string Brand,
    long Items,
    ImportanceMeasure Measure,
    Crosshairs Crosshairs,
    IReadOnlyList<FactorPosition> Factors,
    MatrixRules Rules)
{
    public FactorPosition? this[string factor] =>
        Factors.FirstOrDefault(f => string.Equals(f.Factor, factor, StringComparison.OrdinalIgnoreCase));

    /// <summary>Enough factors are placed for medians to split a matrix (else the factors are a table).</summary>
    public bool HasQuadrants => Crosshairs.Factors >= Rules.MinPlacedFactors;
}
