using Listening.Core.Feedback;

namespace Listening.Core.Matrix;

/// <summary>
/// The four levels of analysis from PRODUCT.md: importance (derived), performance (net sentiment),
/// rank against competitors (Δ) and the quadrant rules, computed from sufficient statistics only.
/// </summary>
public static class ActionMatrixMethod
{
    /// <summary>
    /// The matrix straight from scored items — the aggregation the report uses (spam left out, an item counted once
    /// per factor with the mean of its mentions), for callers that hold items rather than day totals, such as a
    /// comparison with hand labels. Items of brands other than <paramref name="brand"/> and <paramref name="competitors"/>
    /// are ignored.
    /// </summary>
    public static ActionMatrix FromItems(
        string brand, IEnumerable<ScoredFeedback> items, IReadOnlyList<string>? competitors = null, MatrixRules? rules = null)
    {
        competitors ??= [];
        var stats = new Dictionary<string, BrandStats>(BrandKey.Comparer) { [brand] = new BrandStats() };
        foreach (var c in competitors) stats.TryAdd(c, new BrandStats());
        foreach (var scored in items)
            if (scored.Item.Spam is null && stats.TryGetValue(scored.Item.Brand, out var s))
                s.Add(scored);
        return Compute(brand, stats[brand],
            competitors.Where(c => !BrandKey.Comparer.Equals(c, brand)).Distinct(BrandKey.Comparer).Select(c => (c, stats[c])).ToList(), rules);
    }

    public static ActionMatrix Compute(
        string brand,
        BrandStats stats,
        IReadOnlyList<(string Name, BrandStats Stats)> competitors,
        MatrixRules? rules = null,
        ActionMatrix? previous = null)
    {
        rules ??= MatrixRules.Default;
        // The learned detector may not take a factor below the placement line that the rules alone place (BrandStats.Restored).
        stats = stats.Restored(rules.MinMentions);
        var totalItems = stats.Totals().Items;
        var measure = ChooseMeasure(stats, rules);

        var importance = new Dictionary<string, (Estimate Value, IReadOnlyList<OutcomeEvidence> Basis)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, f) in stats.Factors)
            importance[name] = Importance(f, stats, totalItems, measure, rules);
        var performance = stats.Factors.ToDictionary(kv => kv.Key, kv => kv.Value.Performance(rules.Z), StringComparer.OrdinalIgnoreCase);

        var placeable = stats.Factors
            .Where(kv => kv.Value.Items >= rules.MinMentions && !double.IsNaN(importance[kv.Key].Value.Value) && !double.IsNaN(performance[kv.Key].Value))
            .Select(kv => kv.Key).ToList();
        var enough = placeable.Count >= rules.MinPlacedFactors;
        var crosshairs = enough
            ? new Crosshairs(Median(placeable.Select(n => importance[n].Value.Value)), Median(placeable.Select(n => performance[n].Value)), placeable.Count)
            : new Crosshairs(double.NaN, double.NaN, placeable.Count);

        var positions = new List<FactorPosition>();
        foreach (var (name, f) in stats.Factors)
        {
            var share = Estimate.Proportion(f.Items, Math.Max(totalItems, f.Items), rules.Z);
            var perf = performance[name];
            var (imp, basis) = importance[name];
            var deltas = competitors
                .Where(c => c.Stats.Factors.TryGetValue(name, out var cf) && cf.Items >= rules.CompetitorMentionsForDelta)
                .Select(c => Delta(c.Name, perf, c.Stats.Factors[name].Performance(rules.Z), rules.Z))
                .ToList();
            // The competitor we trail most (or lead least): the one an edge must be over.
            var weakest = deltas.OrderBy(d => d.Delta.Value).ThenBy(d => d.Competitor, StringComparer.Ordinal).FirstOrDefault();
            var positive = perf.Low > rules.PromoteAbove;
            var before = previous?[name];

            if (!enough || !placeable.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var why = f.Items < rules.MinMentions ? Unplaced.TooFewMentions : !enough && placeable.Contains(name, StringComparer.OrdinalIgnoreCase)
                    ? Unplaced.TooFewFactors : Unplaced.NoImportance;
                positions.Add(new FactorPosition(name, f.Items, share, imp, perf, Quadrant.Insufficient,
                    Quadrant.Insufficient, false, false, null, deltas, weakest, 0, before?.Quadrant, [])
                {
                    ImportanceBasis = basis, ClearlyPositive = positive, Unplaced = why,
                });
                continue;
            }

            var importanceHigh = Above(imp.Value, crosshairs.Importance, rules.Margin);
            var performanceHigh = Above(perf.Value, crosshairs.Performance, rules.Margin);
            bool? ahead = weakest is null ? null : Above(weakest.Delta.Value, 0, rules.Margin);
            var raw = Classify(importanceHigh, performanceHigh, ahead, positive);

            // Which lines are too close to call, and what flipping each would make of the factor.
            var nearImportance = Near(imp, crosshairs.Importance, rules.Margin);
            var nearPerformance = Near(perf, crosshairs.Performance, rules.Margin);
            var nearEdge = weakest is not null && Near(weakest.Delta, 0, rules.Margin);
            var flips = new List<(MatrixAxis Axis, Quadrant Quadrant, double Distance)>();
            if (nearImportance) flips.Add((MatrixAxis.Importance, Classify(!importanceHigh, performanceHigh, ahead, positive), Distance(imp, crosshairs.Importance, rules.Z)));
            if (nearPerformance) flips.Add((MatrixAxis.Performance, Classify(importanceHigh, !performanceHigh, ahead, positive), Distance(perf, crosshairs.Performance, rules.Z)));
            if (nearEdge) flips.Add((MatrixAxis.CompetitorEdge, Classify(importanceHigh, performanceHigh, !ahead, positive), Distance(weakest!.Delta, 0, rules.Z)));
            // "Promote" also needs the performance interval clear of the promote line (0 by default): a factor rated above the
            // median whose interval straddles that line is between maintain and promote — a performance question too.
            if (importanceHigh && performanceHigh && (ahead ?? true) && Near(perf, rules.PromoteAbove, rules.Margin))
                flips.Add((MatrixAxis.Performance, Classify(importanceHigh, performanceHigh, ahead, !positive), Distance(perf, rules.PromoteAbove, rules.Z)));
            flips.RemoveAll(x => x.Quadrant == raw);
            flips.Sort((a, b) => a.Distance.CompareTo(b.Distance));

            var shown = raw;
            List<MatrixAxis> heldOn = [];
            if (before is { Quadrant: not Quadrant.Insufficient } && before.Quadrant != raw)
            {
                if (before.ImportanceHigh != importanceHigh && nearImportance) heldOn.Add(MatrixAxis.Importance);
                if (before.PerformanceHigh != performanceHigh && nearPerformance) heldOn.Add(MatrixAxis.Performance);
                if ((before.Ahead ?? true) != (ahead ?? true) && nearEdge) heldOn.Add(MatrixAxis.CompetitorEdge);
                if (heldOn.Count > 0) shown = before.Quadrant;
            }
            // A factor held in last period's quadrant is borderline between it and where the estimates now put it.
            Quadrant? alternative = shown != raw ? raw : flips.Count > 0 ? flips[0].Quadrant : null;
            IReadOnlyList<MatrixAxis> uncertain = shown != raw ? heldOn : flips.Select(x => x.Axis).Distinct().ToList();

            // Importance × gap below the median; a factor held in "fix" whose point estimate has crossed
            // the median gets a negative gap and so comes after the factors that are clearly weak.
            var priority = shown == Quadrant.Fix ? imp.Value * (crosshairs.Performance - perf.Value) : 0;
            positions.Add(new FactorPosition(name, f.Items, share, imp, perf, shown, raw, importanceHigh, performanceHigh,
                ahead, deltas, weakest, priority, before?.Quadrant, heldOn)
            {
                ImportanceBasis = basis, ClearlyPositive = positive, Uncertain = uncertain, Alternative = alternative,
            });
        }

        return new ActionMatrix(brand, totalItems, measure, crosshairs, Order(positions), rules);
    }

    /// <summary>
    /// The quadrant table of PRODUCT.md on the point estimates. "High" means above the median by more than the margin:
    /// a value on the median is not rated well (nor important) by a tie. Promote needs customers clearly positive
    /// (<paramref name="clearlyPositive"/>) and an edge over every competitor with enough mentions (or none to compare).
    /// </summary>
    public static Quadrant Classify(bool importanceHigh, bool performanceHigh, bool? ahead, bool clearlyPositive = true) =>
        (importanceHigh, performanceHigh) switch
        {
            (true, false) => Quadrant.Fix,
            (true, true) => (ahead ?? true) && clearlyPositive ? Quadrant.Promote : Quadrant.Maintain,
            (false, true) => Quadrant.Maintain,
            (false, false) => Quadrant.Watch,
        };

    /// <summary>
    /// Fix first — clear before borderline, factors behind a competitor first, then by importance × gap to the
    /// median — then promote, maintain and watch (clear first, then by importance), then factors without a quadrant by count.
    /// </summary>
    public static IReadOnlyList<FactorPosition> Order(IEnumerable<FactorPosition> positions) =>
        positions
            .OrderBy(p => p.Quadrant)
            .ThenBy(p => p.Borderline)
            .ThenByDescending(p => p.Quadrant == Quadrant.Fix && p.BehindCompetitor)
            .ThenByDescending(p => p.Quadrant == Quadrant.Fix ? p.Priority : 0)
            .ThenByDescending(p => p.Quadrant == Quadrant.Insufficient ? p.N : 0)
            .ThenByDescending(p => double.IsNaN(p.Importance.Value) ? double.MinValue : p.Importance.Value)
            .ThenBy(p => p.Factor, StringComparer.Ordinal)
            .ToList();

    private static bool Above(double value, double line, double margin) => value - line > margin;

    private static bool Near(Estimate e, double line, double margin) => e.Straddles(line) || Math.Abs(e.Value - line) <= margin;

    /// <summary>Distance to the line in standard errors (backed out of the interval), to say which line is nearest.</summary>
    private static double Distance(Estimate e, double line, double z)
    {
        var se = (e.High - e.Low) / (2 * z);
        var d = Math.Abs(e.Value - line);
        return se > 0 ? d / se : d;
    }

    private static ImportanceMeasure ChooseMeasure(BrandStats stats, MatrixRules rules)
    {
        if (rules.Outcomes.Count == 0) return ImportanceMeasure.ShareOfMentions;
        long withOutcome = 0;
        foreach (var o in rules.Outcomes.Distinct()) withOutcome += stats.Outcomes.Of(o, rules.Outcomes).N;
        return withOutcome >= rules.MinOutcomePairs ? ImportanceMeasure.OutcomeCorrelation : ImportanceMeasure.ShareOfMentions;
    }

    /// <summary>
    /// Importance of one factor: the correlation, over all the brand's items, of the factor's sentiment in the item
    /// (0 where the item does not mention it) with the item's own outcome. Items are grouped by the outcome they
    /// carry — each outcome has its own scale and level — the correlation is taken within each group and the groups
    /// are combined by Fisher z weighted by n − 3. Every factor is measured on the same items against the same
    /// outcomes, so one factor short of ratings changes nothing for the others.
    /// </summary>
    private static (Estimate, IReadOnlyList<OutcomeEvidence>) Importance(
        FactorStats f, BrandStats brand, long totalItems, ImportanceMeasure measure, MatrixRules rules)
    {
        if (measure == ImportanceMeasure.ShareOfMentions)
            return (Estimate.Proportion(f.Items, Math.Max(totalItems, f.Items), rules.Z), []);
        var basis = new List<OutcomeEvidence>();
        foreach (var o in rules.Outcomes.Distinct())
        {
            var all = brand.Outcomes.Of(o, rules.Outcomes);
            var mine = f.Outcomes.Of(o, rules.Outcomes);
            var pooled = new PairMoments
            {
                N = all.N, SumY = all.SumY, SumYY = all.SumYY,
                SumX = mine.SumX, SumXX = mine.SumXX, SumXY = mine.SumXY,
            };
            basis.Add(new OutcomeEvidence(o, all.N, mine.N, pooled.Correlation()));
        }
        return (Estimate.CombinedCorrelation(basis.Select(b => (b.R, b.Items)), rules.Z), basis);
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
