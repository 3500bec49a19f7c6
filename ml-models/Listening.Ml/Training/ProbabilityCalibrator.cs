using Listening.Core.Sentiment;
using Listening.Core.Text;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;
using Listening.Ml.Prediction;

namespace Listening.Ml.Training;

/// <summary>
/// Chooses <see cref="ProbabilityCalibration"/> weights: score the calibration slice (training rows
/// the model did not learn from, disjoint from the dev split) with the uncalibrated model, then per
/// language and text kind (<see cref="TextKind"/>: post, short, review — decided from the text) grid-search weights on P(negative) and P(neutral) (P(positive) fixed
/// at 1) maximising the mean macro-F1 over the slice's datasets. Deterministic: fixed grid, fixed
/// order, ties go to the weights nearest to 1.
/// </summary>
public static class ProbabilityCalibrator
{
    private const uint SliceSalt = 0xCA11B;
    private const int MaxRowsPerDataset = 3_000;
    private const int MinRowsPerGroup = 30;

    /// <summary>Weights tried: 2^(k/4); neutral gets a wider upward range (review sites under-predict it).</summary>
    private static readonly double[] NegativeGrid = Enumerable.Range(-4, 9).Select(k => Math.Pow(2, k / 4.0)).ToArray();
    private static readonly double[] NeutralGrid = Enumerable.Range(-4, 17).Select(k => Math.Pow(2, k / 4.0)).ToArray();

    /// <summary>Whether a (non-dev) training row belongs to the calibration slice.</summary>
    public static bool InSlice(string id, int percent) => percent > 0 && DevSplit.Bucket(id, SliceSalt) < percent;

    public static ProbabilityCalibration Fit(SentimentModel uncalibrated, IEnumerable<Dataset> datasets, TrainingOptions options, Action<string>? log = null)
    {
        if (options.CalibrationPercent <= 0) return ProbabilityCalibration.None;
        var template = ProbabilityCalibration.None with { LongTextChars = options.LongTextChars };
        var scorer = new PooledSentimentScorer(uncalibrated);
        // (language, long) → dataset → scored rows
        var groups = new SortedDictionary<(string Lang, string Kind), SortedDictionary<string, List<(float[] P, SentimentLabel Label)>>>();
        foreach (var dataset in datasets.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (options.Language is { } only && dataset.Lang != only) continue;
            var rows = Holdout.Parse(options.Holdout).TrainRows(dataset).Where(r => InSlice(r.Id, options.CalibrationPercent))
                .OrderBy(r => DevSplit.Hash(r.Id, SliceSalt)).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(MaxRowsPerDataset).ToArray();
            var scored = new (float[] P, string Lang)[rows.Length];
            Parallel.For(0, rows.Length, i =>
            {
                var s = scorer.Score(rows[i].Text);
                scored[i] = ([s.Negative, s.Neutral, s.Positive], uncalibrated.LanguageFor(rows[i].Text));
            });
            for (var i = 0; i < rows.Length; i++)
            {
                var key = (scored[i].Lang, TextKind.Of(rows[i].Text));
                if (!groups.TryGetValue(key, out var byDataset)) groups[key] = byDataset = new(StringComparer.Ordinal);
                if (!byDataset.TryGetValue(dataset.Name, out var list)) byDataset[dataset.Name] = list = [];
                list.Add((scored[i].P, rows[i].Label));
            }
        }

        var weights = new List<ClassWeights>();
        foreach (var ((lang, kind), byDataset) in groups)
        {
            var sets = byDataset.Values.Where(l => l.Count >= MinRowsPerGroup).ToList();
            if (sets.Count == 0) continue;
            var baseline = Objective(sets, 1, 1);
            var (bestNeg, bestNeu, best) = (1.0, 1.0, baseline);
            foreach (var (neg, neu) in Candidates())
            {
                var value = Objective(sets, neg, neu);
                if (value > best + 1e-9) (bestNeg, bestNeu, best) = (neg, neu, value);
            }
            weights.Add(new ClassWeights(lang, kind == TextKind.Review, Math.Round(bestNeg, 6), Math.Round(bestNeu, 6), 1, kind));
            log?.Invoke($"calibration {lang} {kind}: {sets.Count} datasets, {sets.Sum(s => s.Count):N0} rows; weights neg {bestNeg:F3} neu {bestNeu:F3}; mean macro-F1 {baseline:F3} → {best:F3}");
        }
        return template with { Weights = weights };
    }

    /// <summary>Grid points ordered by distance from (1, 1), so a tie keeps the smaller shift.</summary>
    private static IEnumerable<(double Neg, double Neu)> Candidates() =>
        from neg in NegativeGrid
        from neu in NeutralGrid
        orderby Math.Abs(Math.Log2(neg)) + Math.Abs(Math.Log2(neu)), neg, neu
        select (neg, neu);

    private static double Objective(List<List<(float[] P, SentimentLabel Label)>> sets, double neg, double neu)
    {
        var weights = new ClassWeights("", false, neg, neu, 1);
        Span<float> p = stackalloc float[3];
        var total = 0.0;
        foreach (var rows in sets)
        {
            var metrics = new ClassificationMetrics();
            foreach (var (probabilities, label) in rows)
            {
                probabilities.CopyTo(p);
                ProbabilityCalibration.Apply(weights, p);
                metrics.Add(label, SentimentScore.FromProbabilities(p[0], p[1], p[2]).Label);
            }
            total += metrics.MacroF1;
        }
        return total / sets.Count;
    }
}
