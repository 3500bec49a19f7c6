using Listening.Core.Matrix;
using Listening.Core.Nps;
using Listening.Core.Touchpoints;

namespace Listening.Reports;

/// <summary>
/// Turns the gathered aggregates into the report model: the brand's action matrix (with the
/// previous period's for quadrant changes), each competitor's matrix, NPS, the wheel and trends.
/// Reads only per-day aggregates, never items.
/// </summary>
public static class ReportBuilder
{
    public static ReportModel Build(ReportInput input, DateTimeOffset generatedAt)
    {
        var request = input.Request;
        var rules = request.MatrixRules;
        var text = ReportText.For(request.Lang);
        var agg = input.Aggregates;
        string Name(string factor) => FactorNames.Name(factor, request.Lang);
        var displayNames = (request.Names ?? BrandNames.None).For(request.Competitors.Prepend(request.Brand), request.Lang);
        string Display(string brand) => displayNames.TryGetValue(brand, out var n) ? n : brand;

        var (prevFrom, prevTo) = request.Previous;
        // Restored as the matrix restores them, so that a factor's row counts what the matrix placed it by.
        var ours = agg.Span(request.Brand, request.From, request.To).Restored(rules.MinMentions);
        var oursBefore = agg.Span(request.Brand, prevFrom, prevTo).Restored(rules.MinMentions);
        var theirs = request.Competitors.Select(c => (Name: c, Stats: agg.Span(c, request.From, request.To))).ToList();
        var theirsBefore = request.Competitors.Select(c => (Name: c, Stats: agg.Span(c, prevFrom, prevTo))).ToList();

        var previous = ActionMatrixMethod.Compute(request.Brand, oursBefore, theirsBefore, rules);
        var matrix = ActionMatrixMethod.Compute(request.Brand, ours, theirs, rules, previous.Items > 0 ? previous : null);

        var buckets = Buckets(request.From, request.To);
        var bucketStats = buckets.Select(b => agg.Span(request.Brand, b.Start, b.End)).ToList();

        var factors = matrix.Factors.Select(f =>
        {
            var stats = ours.Factors[f.Factor];
            var quadrant = Code(f.Quadrant);
            var direction = QuoteCandidates.Headline(quadrant, stats.Positive, stats.Neutral, stats.Negative);
            return new FactorRow(
                f.Factor, Name(f.Factor), quadrant, Code(f.RawQuadrant),
                f.PreviousQuadrant is { } p ? Code(p) : null, f.HeldOn.Count > 0,
                text.Reason(f, matrix.Crosshairs, rules, Display),
                R(f.Importance.Value), Fig(f.Importance), R(f.Performance.Value), Fig(f.Performance), f.N,
                stats.Positive, stats.Neutral, stats.Negative, R(f.Share.Value),
                f.Quadrant == Quadrant.Fix ? R(f.Priority) : null,
                f.Weakest is { } w ? R(w.Delta.Value) : null, f.Weakest?.Competitor, f.BehindCompetitor,
                theirs.Select(c => CompetitorRowFor(f, c.Name, c.Stats, rules)).ToList(),
                buckets.Select((b, i) => bucketStats[i].Factors.TryGetValue(f.Factor, out var bf)
                    ? new TrendPoint(b.Start, R(bf.Performance(rules.Z).Value), bf.Items)
                    : new TrendPoint(b.Start, null, 0)).ToList(),
                input.Quotes.For(f.Factor, direction),
                f.Borderline, f.Alternative is { } alt ? Code(alt) : null, f.Uncertain.Select(Code).ToList(),
                f.ClearlyPositive, Edge(f, rules),
                f.ImportanceBasis.Select(b => new ImportanceSource(Code(b.Outcome), b.Items, b.Mentions, R(b.R))).ToList(),
                text.RestsOn(f, matrix.Measure, matrix.Items),
                f.Unplaced is { } u ? Code(u) : null,
                direction.ToString().ToLowerInvariant(), f.ImportanceHigh, f.PerformanceHigh);
        }).ToList();

        var competitorMatrices = theirs.Select((c, i) =>
        {
            var before = ActionMatrixMethod.Compute(c.Name, theirsBefore[i].Stats, [(request.Brand, oursBefore)], rules);
            var m = ActionMatrixMethod.Compute(c.Name, c.Stats, [(request.Brand, ours)], rules, before.Items > 0 ? before : null);
            return new CompetitorMatrix(c.Name, m.Items, Code(m.Measure), R(m.Crosshairs.Importance), R(m.Crosshairs.Performance),
                m.Factors.Select(f => new CompetitorFactor(f.Factor, Name(f.Factor), Code(f.Quadrant), R(f.Importance.Value),
                    R(f.Performance.Value), f.N, text.Reason(f, m.Crosshairs, rules, Display), f.Borderline,
                    f.Alternative is { } alt ? Code(alt) : null, Fig(f.Performance), f.Weakest is { } w ? R(w.Delta.Value) : null)).ToList(),
                Openings(m), m.HasQuadrants);
        }).ToList();

        var totals = ours.Totals();
        var nps = NpsBreakdown.Of(request.Brand, ours, rules.Z);
        var wheel = TouchpointWheel.Of(ours, request.MinWheelItems, rules.Z);
        var prevTotals = oursBefore.Totals();

        return new ReportModel(
            request.Brand, request.Competitors, request.From, request.To, request.Lang, generatedAt,
            new ItemsSummary(totals.Items, prevTotals.Items,
                theirs.Select(c => new BrandCount(c.Name, c.Stats.Totals().Items, input.SpamOf(c.Name))).ToList(),
                input.Duplicates, input.OutsideScope, input.SpamOf(request.Brand), input.Unscored),
            new MethodSummary(rules.MinMentions, rules.MinOutcomePairs, R(ConfidenceLevel(rules.Z)) ?? 0.95, Code(matrix.Measure),
                R(matrix.Crosshairs.Importance), R(matrix.Crosshairs.Performance), matrix.Crosshairs.Factors,
                prevFrom, prevTo, request.MinWheelItems, rules.MinPlacedFactors, rules.Margin, rules.PromoteAbove,
                rules.Outcomes.Distinct().Select(Code).ToList(),
                matrix.Measure == ImportanceMeasure.ShareOfMentions ? []
                    : rules.Outcomes.Distinct().Select(o => new OutcomeCount(Code(o), ours.Outcomes.Of(o, rules.Outcomes).N)).ToList(),
                matrix.HasQuadrants) { MinCompetitorMentions = rules.CompetitorMentionsForDelta },
            new Headline(
                Fig(Estimate.NetScore(totals.Positive, totals.Neutral, totals.Negative, rules.Z)),
                prevTotals.Items > 0 ? Fig(Estimate.NetScore(prevTotals.Positive, prevTotals.Neutral, prevTotals.Negative, rules.Z)) : null,
                Nps(nps.Overall), totals.Rated > 0 ? R(totals.RatingSum / totals.Rated) : null, totals.Rated,
                new SentimentCounts(totals.Positive, totals.Neutral, totals.Negative, totals.Mixed)),
            factors,
            competitorMatrices,
            new NpsSection(Nps(nps.Overall), nps.ByChannel.Select(c => new ChannelNps(c.Channel, Nps(c.Nps), c.Nps.N >= request.MinWheelItems)).ToList(),
                theirs.Select(c => new BrandNps(c.Name, Nps(NetPromoterScore.From(c.Stats.Totals(), rules.Z)))).ToList()),
            wheel.Spokes.Select(s => new WheelSpoke(s.Channel, text.ChannelName(s.Channel), R(s.Score.Value), R(s.Score.Low),
                R(s.Score.High), s.Score.N, s.Sufficient)).ToList(),
            new TrendSection(Granularity(request), buckets.Select((b, i) =>
            {
                var t = bucketStats[i].Totals();
                return new TrendBucket(b.Start, b.End, t.Items, Fig(Estimate.NetScore(t.Positive, t.Neutral, t.Negative, rules.Z)),
                    Nps(NetPromoterScore.From(t, rules.Z)),
                    request.Competitors.Select(c =>
                    {
                        var ct = agg.Span(c, b.Start, b.End).Totals();
                        return new BrandTrend(c, Fig(Estimate.NetScore(ct.Positive, ct.Neutral, ct.Negative, rules.Z)));
                    }).ToList());
            }).ToList()),
            displayNames);
    }

    private static CompetitorRow CompetitorRowFor(FactorPosition f, string competitor, BrandStats stats, MatrixRules rules)
    {
        var delta = f.Competitors.FirstOrDefault(d => d.Competitor == competitor);
        if (delta is not null)
            return new CompetitorRow(competitor, R(delta.Performance.Value), delta.Performance.N, R(delta.Delta.Value), R(delta.Delta.Low), R(delta.Delta.High));
        // Below the minimum the competitor's figure is shown for context but gives no Δ.
        return stats.Factors.TryGetValue(f.Factor, out var cf)
            ? new CompetitorRow(competitor, R(cf.Performance(rules.Z).Value), cf.Items, null, null, null)
            : new CompetitorRow(competitor, null, 0, null, null, null);
    }

    /// <summary>
    /// A competitor's openings for us: factors where it is weak — its quadrant fix or watch, or, without quadrants,
    /// its performance clearly below zero — and we are clearly ahead (the Δ interval against us lies below zero).
    /// </summary>
    private static List<string> Openings(ActionMatrix theirs) =>
        theirs.Factors
            .Where(f => (f.Quadrant is Quadrant.Fix or Quadrant.Watch || (!theirs.HasQuadrants && f.N >= theirs.Rules.MinMentions && f.Performance.High < 0))
                        && f.Weakest is { Delta.High: < 0 })
            .Select(f => f.Factor).ToList();

    private static string Edge(FactorPosition f, MatrixRules rules) =>
        f.Weakest is null ? "no-competitor-data" : f.Ahead == true ? "ahead" : f.Weakest.Delta.Value < -rules.Margin ? "behind" : "level";

    public static string Code(Quadrant q) => q.ToString().ToLowerInvariant();

    public static string Code(ImportanceMeasure m) => m switch
    {
        ImportanceMeasure.OutcomeCorrelation => "outcome-correlation",
        _ => "share-of-mentions",
    };

    public static string Code(Outcome o) => o switch
    {
        Outcome.Rating => "rating",
        Outcome.Nps => "nps",
        _ => "documentSentiment",
    };

    public static string Code(MatrixAxis a) => a switch
    {
        MatrixAxis.Importance => "importance",
        MatrixAxis.Performance => "performance",
        _ => "competitor-edge",
    };

    public static string Code(Unplaced u) => u switch
    {
        Unplaced.TooFewMentions => "too-few-mentions",
        Unplaced.TooFewFactors => "too-few-factors",
        _ => "no-importance",
    };

    public static string Granularity(ReportRequest r) => r.Days <= 31 ? "day" : r.Days <= 190 ? "week" : "month";

    /// <summary>Trend buckets: days up to a month, ISO weeks up to half a year, else calendar months.</summary>
    public static IReadOnlyList<(DateOnly Start, DateOnly End)> Buckets(DateOnly from, DateOnly to)
    {
        var request = new ReportRequest("", [], from, to);
        var list = new List<(DateOnly, DateOnly)>();
        var granularity = Granularity(request);
        var start = from;
        while (start <= to)
        {
            var end = granularity switch
            {
                "day" => start,
                "week" => start.AddDays((7 - ((int)start.DayOfWeek + 6) % 7) - 1),
                _ => new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1),
            };
            if (end > to) end = to;
            list.Add((start, end));
            start = end.AddDays(1);
        }
        return list;
    }

    private static double ConfidenceLevel(double z) => 1 - 2 * (1 - NormalCdf(z));

    private static double NormalCdf(double x)
    {
        // Abramowitz–Stegun 7.1.26: plenty for printing "95 %".
        var t = 1 / (1 + 0.3275911 * Math.Abs(x) / Math.Sqrt(2));
        var y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x / 2);
        return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
    }

    internal static double? R(double v) => double.IsNaN(v) || double.IsInfinity(v) ? null : Math.Round(v, 4);

    private static Figure Fig(Estimate e) => new(R(e.Value), R(e.Low), R(e.High), e.N);

    private static NpsValue Nps(NetPromoterScore n) =>
        new(R(n.Score.Value), R(n.Score.Low), R(n.Score.High), n.N, n.Promoters, n.Passives, n.Detractors);
}
