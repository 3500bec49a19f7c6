namespace Listening.Reports;

// The report's numbers, once: the JSON is this model serialised, and the HTML is rendered from it.
// Numbers that may be undefined (no data) are nullable so that the JSON never carries NaN.

public sealed partial record ReportModel(
    string Brand,
    IReadOnlyList<string> Competitors,
    DateOnly From,
    DateOnly To,
    string Lang,
    DateTimeOffset GeneratedAt,
    ItemsSummary Items,
    MethodSummary Method,
    Headline Headline,
    IReadOnlyList<FactorRow> Factors,
    IReadOnlyList<CompetitorMatrix> CompetitorMatrices,
    NpsSection Nps,
    IReadOnlyList<WheelSpoke> Wheel,
    TrendSection Trends,
    IReadOnlyDictionary<string, string>? DisplayNames = null)
{
    /// <summary>The name a brand (ours or a competitor, as in the data) is shown by: <c>displayNames</c>, else the brand itself.</summary>
    public string NameOf(string brand) => DisplayNames is not null && DisplayNames.TryGetValue(brand, out var name) ? name : brand;

    public string DisplayName => NameOf(Brand);
}

/// <summary>Item counts; <c>Spam</c> (items marked as spam, excluded from every figure) and <c>Unscored</c>
/// (not scored yet) are for the brand in the period.</summary>
public sealed record ItemsSummary(long Brand, long PreviousPeriod, IReadOnlyList<BrandCount> Competitors, long Duplicates, long OutsideScope,
    long Spam, long Unscored);

public sealed record BrandCount(string Brand, long Items, long Spam);

/// <summary>
/// The rules in force and what the brand's importance was measured on: <c>ImportanceItems</c> counts the brand's
/// items per outcome they contribute (rating, nps, documentSentiment). <c>HasQuadrants</c> is false when fewer than
/// <c>MinPlacedFactors</c> factors have enough mentions: then the factors are a table, not a matrix.
/// </summary>
public sealed record MethodSummary(
    int MinMentions, int MinOutcomePairs, double ConfidenceLevel, string ImportanceMeasure,
    double? ImportanceCrosshair, double? PerformanceCrosshair, int FactorsWithEnoughMentions,
    DateOnly PreviousFrom, DateOnly PreviousTo, int MinWheelItems,
    int MinPlacedFactors, double Margin, double PromoteAbove, IReadOnlyList<string> Outcomes,
    IReadOnlyList<OutcomeCount> ImportanceItems, bool HasQuadrants)
{
    /// <summary>A competitor's mentions of a factor needed for a Δ against it (<see cref="Core.Matrix.MatrixRules.MinCompetitorMentions"/>).</summary>
    public int MinCompetitorMentions { get; init; } = Core.Matrix.MatrixRules.Default.MinCompetitorMentions;
}

public sealed record OutcomeCount(string Outcome, long Items);

/// <summary>The figures at the top of the page.</summary>
public sealed record Headline(Figure NetSentiment, Figure? PreviousNetSentiment, NpsValue Nps, double? AverageRating, long Rated,
    SentimentCounts Sentiment);

/// <summary>
/// The brand's items by document label, and how many of them are mixed — clear praise and a clear complaint in different
/// clauses; a mixed item is also counted under its label (mixed is a flag on the item, not a fourth class).
/// </summary>
public sealed record SentimentCounts(long Positive, long Neutral, long Negative, long Mixed);

/// <summary>A value with its interval and sample size.</summary>
public sealed record Figure(double? Value, double? Low, double? High, long N);

/// <summary>
/// One factor. <c>Quadrant</c> is the most likely one; a <c>Borderline</c> factor may instead be in <c>Alternative</c>
/// (an interval straddles the line named in <c>UncertainOn</c>: importance, performance or competitor-edge).
/// <c>Delta</c> is against <c>DeltaVs</c>, the competitor we trail most (or lead least); <c>Edge</c> is ahead, behind,
/// level or no-competitor-data. <c>ClearlyPositive</c>: the performance interval is above the promote threshold.
/// </summary>
public sealed record FactorRow(
    string Factor,
    string Name,
    string Quadrant,
    string RawQuadrant,
    string? PreviousQuadrant,
    bool Held,
    string Reason,
    double? Importance,
    Figure ImportanceInterval,
    double? Performance,
    Figure PerformanceInterval,
    long N,
    long Positive,
    long Neutral,
    long Negative,
    double? Share,
    double? Priority,
    double? Delta,
    string? DeltaVs,
    bool BehindCompetitor,
    IReadOnlyList<CompetitorRow> Competitors,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<Quote> Quotes,
    bool Borderline,
    string? Alternative,
    IReadOnlyList<string> UncertainOn,
    bool ClearlyPositive,
    string Edge,
    IReadOnlyList<ImportanceSource> ImportanceBasis,
    string ImportanceRestsOn,
    string? Unplaced,
    string QuoteDirection,
    bool ImportanceHigh,
    bool PerformanceHigh);

/// <summary>One outcome a factor's importance rests on: the brand's items with it, those mentioning the factor, r within them.</summary>
public sealed record ImportanceSource(string Outcome, long Items, long Mentions, double? R);

public sealed record CompetitorRow(string Competitor, double? Performance, long N, double? Delta, double? DeltaLow, double? DeltaHigh);

public sealed record TrendPoint(DateOnly Start, double? Performance, long N);

/// <summary>A competitor's own matrix by the same rules; <c>HasQuadrants</c> false → shown as a table (too few placed factors).</summary>
public sealed record CompetitorMatrix(
    string Brand, long Items, string ImportanceMeasure, double? ImportanceCrosshair, double? PerformanceCrosshair,
    IReadOnlyList<CompetitorFactor> Factors, IReadOnlyList<string> Openings, bool HasQuadrants);

/// <summary>A factor of a competitor's matrix; <c>DeltaVsUs</c> = their performance − ours (null when either side has too few mentions).</summary>
public sealed record CompetitorFactor(string Factor, string Name, string Quadrant, double? Importance, double? Performance, long N, string Reason,
    bool Borderline, string? Alternative, Figure PerformanceInterval, double? DeltaVsUs);

public sealed record NpsValue(double? Score, double? Low, double? High, long N, long Promoters, long Passives, long Detractors);

/// <summary>NPS on one channel; <c>Sufficient</c> false when fewer answers than the wheel needs (<c>minWheelItems</c>): a small sample.</summary>
public sealed record ChannelNps(string Channel, NpsValue Nps, bool Sufficient = true);

public sealed record NpsSection(NpsValue Brand, IReadOnlyList<ChannelNps> ByChannel, IReadOnlyList<BrandNps> Competitors);

public sealed record BrandNps(string Brand, NpsValue Nps);

public sealed record WheelSpoke(string Channel, string Name, double? Score, double? Low, double? High, long N, bool Sufficient);

public sealed record TrendSection(string Granularity, IReadOnlyList<TrendBucket> Buckets);

public sealed record TrendBucket(DateOnly Start, DateOnly End, long N, Figure NetSentiment, NpsValue Nps, IReadOnlyList<BrandTrend> Competitors);

public sealed record BrandTrend(string Brand, Figure NetSentiment);
