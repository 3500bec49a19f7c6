using System.ComponentModel.DataAnnotations;

namespace Listening.Core.Matrix;

/// <summary>
/// The configurable part of the method: who gets a quadrant, which outcomes importance correlates
/// with, how wide the intervals are and what "promote" needs. The report prints these values in
/// "how to read this" and in its JSON.
/// </summary>
public sealed record MatrixRules
{
    /// <summary>Fewer mentions than this in the period → "insufficient data", never a quadrant.</summary>
    [Range(1, int.MaxValue)] public int MinMentions { get; init; } = 30;

    /// <summary>
    /// A competitor's mentions of a factor count for Δ from this many on. Lower than <see cref="MinMentions"/>: a
    /// competitor is a third of the stream or less, and twenty clearly happier mentions of a rival already say "no edge
    /// to advertise" — the Δ carries its own interval in the report.
    /// </summary>
    [Range(1, int.MaxValue)] public int MinCompetitorMentions { get; init; } = 10;

    /// <summary>What Δ really needs: never more than a quadrant needs (a caller that lowers <see cref="MinMentions"/> lowers this too).</summary>
    public int CompetitorMentionsForDelta => Math.Min(MinCompetitorMentions, MinMentions);

    /// <summary>
    /// Medians over fewer placed factors than this do not split a matrix: below it no factor gets a quadrant and
    /// the factors are shown as a table (a single factor would sit on both medians and be called anything).
    /// </summary>
    [Range(2, int.MaxValue)] public int MinPlacedFactors { get; init; } = 3;

    /// <summary>
    /// Importance is a correlation only when the brand has at least this many items carrying one of
    /// <see cref="Outcomes"/>; otherwise it is the share of mentions.
    /// </summary>
    [Range(4, int.MaxValue)] public int MinOutcomePairs { get; init; } = 30;

    /// <summary>
    /// The outcomes importance is measured against, in order of precedence: each item contributes the first one it
    /// carries (a star rating, else an NPS answer, else the sentiment of its text). Empty → share of mentions.
    /// </summary>
    public IReadOnlyList<Outcome> Outcomes { get; init; } = [Outcome.Rating, Outcome.Nps, Outcome.DocumentSentiment];

    /// <summary>Normal quantile of the intervals (1.96 → 95 %).</summary>
    [Range(0.1, 5)] public double Z { get; init; } = 1.96;

    /// <summary>
    /// A value closer to a crosshair than this is on it, whatever its interval: with a million items an interval is
    /// so narrow that a difference in the third decimal would otherwise decide a quadrant.
    /// </summary>
    [Range(0, 0.5)] public double Margin { get; init; } = 0.01;

    /// <summary>"Promote" needs the performance interval's low end above this (customers clearly positive).</summary>
    [Range(-1, 1)] public double PromoteAbove { get; init; } = 0;

    public static readonly MatrixRules Default = new();
}
