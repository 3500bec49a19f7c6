namespace Listening.Core.Matrix;

/// <summary>
/// The four levels of analysis from PRODUCT.md: importance (derived), performance (net sentiment),
/// rank against competitors (Δ) and the quadrant rules, computed from sufficient statistics only.
/// </summary>
public static class ActionMatrixMethod
{
    public static ActionMatrix Compute(
        string brand,
        BrandStats stats,
        IReadOnlyList<(string Name, BrandStats Stats)> competitors,
        MatrixRules? rules = null,
        ActionMatrix? previous = null)
    {
        rules ??= MatrixRules.Default;
        var totalItems = stats.Totals().Items;
        var eligible = stats.Factors.Where(kv => kv.Value.Items >= rules.MinMentions)
            .Select(kv => kv.Value).ToList();
        var measure = ChooseMeasure(eligible, rules);

        var importance = new Dictionary<string, Estimate>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, f) in stats.Factors)
            importance[name] = Importance(f, totalItems, measure, rules.Z);
        var performance = stats.Factors.ToDictionary(kv => kv.Key, kv => kv.Value.Performance(rules.Z), StringComparer.OrdinalIgnoreCase);

        var eligibleNames = stats.Factors.Where(kv => kv.Value.Items >= rules.MinMentions).Select(kv => kv.Key).ToList();
        var crosshairs = new Crosshairs(
            Median(eligibleNames.Select(n => importance[n].Value)),
            Median(eligibleNames.Select(n => performance[n].Value)),
            eligibleNames.Count);

        var positions = new List<FactorPosition>();
        foreach (var (name, f) in stats.Factors)
        {
            var share = Estimate.Proportion(f.Items, Math.Max(totalItems, f.Items), rules.Z);
            var perf = performance[name];
            var deltas = competitors
                .Where(c => c.Stats.Factors.TryGetValue(name, out var cf) && cf.Items >= rules.MinMentions)
                .Select(c => Delta(c.Name, perf, c.Stats.Factors[name].Performance(rules.Z), rules.Z))
                .ToList();
            var weakest = deltas.OrderBy(d => d.Delta.Value).ThenBy(d => d.Competitor, StringComparer.Ordinal).FirstOrDefault();

            if (f.Items < rules.MinMentions)
            {
                positions.Add(new FactorPosition(name, f.Items, share, importance[name], perf, Quadrant.Insufficient,
                    Quadrant.Insufficient, false, false, null, deltas, weakest, 0, previous?[name]?.Quadrant, []));
                continue;
            }

            var imp = importance[name];
            var importanceHigh = imp.Value >= crosshairs.Importance;
            var performanceHigh = perf.Value >= crosshairs.Performance;
            bool? ahead = weakest is null ? null : weakest.Delta.Value > 0;
            var raw = Classify(importanceHigh, performanceHigh, ahead);
            var shown = raw;
            List<MatrixAxis> heldOn = [];
            var before = previous?[name];
            if (before is { Quadrant: not Quadrant.Insufficient } && before.Quadrant != raw)
            {
                if (before.ImportanceHigh != importanceHigh && imp.Straddles(crosshairs.Importance)) heldOn.Add(MatrixAxis.Importance);
                if (before.PerformanceHigh != performanceHigh && perf.Straddles(crosshairs.Performance)) heldOn.Add(MatrixAxis.Performance);
                if ((before.Ahead ?? true) != (ahead ?? true) && weakest is not null && weakest.Delta.Straddles(0)) heldOn.Add(MatrixAxis.CompetitorEdge);
                if (heldOn.Count > 0) shown = before.Quadrant;
            }
            // Importance × gap below the median; a factor held in "fix" whose point estimate has crossed
            // the median gets a negative gap and so comes after the factors that are clearly weak.
            var priority = shown == Quadrant.Fix ? imp.Value * (crosshairs.Performance - perf.Value) : 0;
            positions.Add(new FactorPosition(name, f.Items, share, imp, perf, shown, raw, importanceHigh, performanceHigh,
                ahead, deltas, weakest, priority, before?.Quadrant, heldOn));
        }

        return new ActionMatrix(brand, totalItems, measure, crosshairs, Order(positions), rules);
    }

    /// <summary>The quadrant table of PRODUCT.md; a tie with the median counts as "at or above".</summary>
    public static Quadrant Classify(bool importanceHigh, bool performanceHigh, bool? ahead) =>
        (importanceHigh, performanceHigh) switch
        {
            (true, false) => Quadrant.Fix,
            (true, true) => ahead ?? true ? Quadrant.Promote : Quadrant.Maintain,
            (false, true) => Quadrant.Maintain,
            (false, false) => Quadrant.Watch,
        };

    /// <summary>
    /// Fix first — factors behind a competitor first, then by importance × gap to the median — then
    /// promote, maintain and watch by importance, then factors with too few mentions by count.
    /// </summary>
    public static IReadOnlyList<FactorPosition> Order(IEnumerable<FactorPosition> positions) =>
        positions
            .OrderBy(p => p.Quadrant)
            .ThenByDescending(p => p.Quadrant == Quadrant.Fix && p.BehindCompetitor)
            .ThenByDescending(p => p.Quadrant == Quadrant.Fix ? p.Priority : 0)
            .ThenByDescending(p => p.Quadrant == Quadrant.Insufficient ? p.N : 0)
            .ThenByDescending(p => double.IsNaN(p.Importance.Value) ? double.MinValue : p.Importance.Value)
            .ThenBy(p => p.Factor, StringComparer.Ordinal)
            .ToList();

    private static ImportanceMeasure ChooseMeasure(List<FactorStats> eligible, MatrixRules rules)
    {
        if (eligible.Count == 0) return ImportanceMeasure.ShareOfMentions;
        foreach (var outcome in rules.Outcomes)
        {
            var usable = eligible.All(f =>
            {
                ref readonly var m = ref f.With(outcome);
                return m.N >= rules.MinOutcomePairs && !double.IsNaN(m.Correlation());
            });
            if (usable)
                return outcome switch
                {
                    Outcome.Rating => ImportanceMeasure.RatingCorrelation,
                    Outcome.Nps => ImportanceMeasure.NpsCorrelation,
                    _ => ImportanceMeasure.SentimentCorrelation,
                };
        }
        return ImportanceMeasure.ShareOfMentions;
    }

    private static Estimate Importance(FactorStats f, long totalItems, ImportanceMeasure measure, double z)
    {
        if (measure == ImportanceMeasure.ShareOfMentions)
            return Estimate.Proportion(f.Items, Math.Max(totalItems, f.Items), z);
        var outcome = measure switch
        {
            ImportanceMeasure.RatingCorrelation => Outcome.Rating,
            ImportanceMeasure.NpsCorrelation => Outcome.Nps,
            _ => Outcome.DocumentSentiment,
        };
        ref readonly var m = ref f.With(outcome);
        return Estimate.Correlation(m.Correlation(), m.N, z);
    }

    private static CompetitorDelta Delta(string competitor, Estimate ours, Estimate theirs, double z)
    {
        var d = ours.Value - theirs.Value;
        // Back out each side's standard error from its interval half-width and combine them.
        var seOurs = (ours.High - ours.Low) / (2 * z);
        var seTheirs = (theirs.High - theirs.Low) / (2 * z);
        var half = z * Math.Sqrt(seOurs * seOurs + seTheirs * seTheirs);
        return new CompetitorDelta(competitor, theirs, new Estimate(d, d - half, d + half, Math.Min(ours.N, theirs.N)));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
