namespace Listening.Core.Matrix;

/// <summary>Our performance on a factor against one competitor's: Δ = ours − theirs, with an interval.</summary>
public sealed record CompetitorDelta(string Competitor, Estimate Performance, Estimate Delta);

/// <summary>The medians that split the matrix, over factors with enough mentions.</summary>
public sealed record Crosshairs(double Importance, double Performance, int Factors);

/// <summary>
/// One factor in the matrix. <see cref="Quadrant"/> is what the report shows; <see cref="RawQuadrant"/>
/// is what the point estimates alone say — they differ when a move from <see cref="PreviousQuadrant"/>
/// is held back because an interval straddles the crosshair (<see cref="HeldOn"/> names which).
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
}
