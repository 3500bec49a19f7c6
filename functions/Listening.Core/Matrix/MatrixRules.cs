using System.ComponentModel.DataAnnotations;

namespace Listening.Core.Matrix;

/// <summary>
/// The configurable part of the method: who gets a quadrant, which outcome importance correlates
/// with, and how wide the intervals are. The report prints these values in "how to read this".
/// </summary>
public sealed record MatrixRules
{
    /// <summary>Fewer mentions than this in the period → "insufficient data", never a quadrant.</summary>
    [Range(1, int.MaxValue)] public int MinMentions { get; init; } = 30;

    /// <summary>
    /// Importance is the correlation with the first outcome in <see cref="Outcomes"/> for which every
    /// factor with enough mentions has at least this many items carrying that outcome.
    /// </summary>
    [Range(4, int.MaxValue)] public int MinOutcomePairs { get; init; } = 30;

    public IReadOnlyList<Outcome> Outcomes { get; init; } = [Outcome.Rating, Outcome.Nps, Outcome.DocumentSentiment];

    /// <summary>Normal quantile of the intervals (1.96 → 95 %).</summary>
    [Range(0.1, 5)] public double Z { get; init; } = 1.96;

    public static readonly MatrixRules Default = new();
}
