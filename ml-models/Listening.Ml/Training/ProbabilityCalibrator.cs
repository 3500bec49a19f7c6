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

    // ---- Neutral calibration on the dev fold (`train --neutral-calibration dev`, the shipped procedure since round 4) ----

    private const uint DevSalt = 0xDE5CA1;
    /// <summary>Weight of macro-F1 at the dataset's own class mix in the objective; the rest goes to macro-F1 with the classes weighted equally.</summary>
    private const double Blend = 0.5;

    /// <summary>A group with one dataset cannot be checked on an unseen source; its weights need at least this many rows.</summary>
    private const int MinRowsSingleDataset = 500;

    /// <summary>Dev-fold rows per dataset at most (hash-sampled), so SST-2's and LiveLib's folds do not outvote the rest.</summary>
    public const int DevRowsPerDataset = 4_000;

    /// <summary>Weights tried on P(negative) and P(neutral): 2^(k/4), k = −6 … 6 (× 0.35 … × 2.8); P(positive) stays 1.</summary>
    private static readonly double[] DevGrid = Enumerable.Range(-6, 13).Select(k => Math.Pow(2, k / 4.0)).ToArray();

    /// <summary>
    /// The calibration rows: the random dev fold (<see cref="DevSplit"/>) of every training file, minus every honest
    /// split's test rows — so the calibration never sees an evaluation row, and a model trained with holdout
    /// "random" (shipped) or "honest-dev" (the honest column's) never learnt from these rows either.
    /// </summary>
    public static IEnumerable<(Dataset Dataset, LabelledText Row)> DevFold(IEnumerable<Dataset> datasets, TrainingOptions options)
    {
        foreach (var dataset in datasets.Where(d => !d.IsTestFile).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (options.Language is { } only && dataset.Lang != only) continue;
            var test = HonestSplits.For(dataset).SelectMany(s => s.TestIds).ToHashSet(StringComparer.Ordinal);
            foreach (var row in dataset.Rows.Where(r => DevSplit.IsDev(r.Id) && !test.Contains(r.Id))
                         .OrderBy(r => DevSplit.Hash(r.Id, DevSalt)).ThenBy(r => r.Id, StringComparer.Ordinal).Take(DevRowsPerDataset))
                yield return (dataset, row);
        }
    }

    /// <summary>
    /// Per language (the model's routing) × kind (<see cref="SourceKind"/>: the source's — tweets are posts — else from
    /// the text), multiplicative weights on P(negative) and P(neutral) that maximise, averaged over the group's datasets
    /// (each ≥ 30 rows, equal weight), the mean of macro-F1 at the dataset's own class mix and macro-F1 with every class
    /// weighted the same: the first fits the in-domain mix, the second a source whose mix is unknown (a general tweet
    /// stream is mostly neutral, a film-review set has no neutral at all), so the shift does not chase one source's prior.
    /// A group of several datasets keeps its weights only if fitting them on the other datasets improves every left-out
    /// one (leave-one-dataset-out on the dev fold) — a shift that does not carry to each unseen source is not applied: the
    /// dev fold shares its sources with the training rows, so a shift that helps only on average there hurt on the honest
    /// splits (model card, round 4); a group of one dataset (no such check possible) needs ≥ 500 rows.
    /// Deterministic: fixed rows, fixed grid, ties to the weights nearest to 1.
    /// </summary>
    public static ProbabilityCalibration FitOnDev(SentimentModel model, IEnumerable<Dataset> datasets, TrainingOptions options, Action<string>? log = null)
    {
        if (options.Holdout is not ("random" or "honest-dev"))
            throw new InvalidOperationException($"the dev-fold calibration needs a model that did not learn from the dev fold (holdout random or honest-dev), not '{options.Holdout}'");
        var scorer = new PooledSentimentScorer(model.WithCalibration(ProbabilityCalibration.None));
        var rows = DevFold(datasets, options).ToArray();
        var scored = new (float[] P, string Lang)[rows.Length];
        Parallel.For(0, rows.Length, i =>
        {
            var s = scorer.ScoreModel(rows[i].Row.Text);
            scored[i] = ([s.Negative, s.Neutral, s.Positive], model.LanguageFor(rows[i].Row.Text));
        });
        var groups = new SortedDictionary<(string Lang, string Kind), SortedDictionary<string, List<(float[] P, SentimentLabel Label)>>>();
        for (var i = 0; i < rows.Length; i++)
        {
            var key = (scored[i].Lang, SourceKind.For(rows[i].Dataset, rows[i].Row.Text));
            if (!groups.TryGetValue(key, out var byDataset)) groups[key] = byDataset = new(StringComparer.Ordinal);
            if (!byDataset.TryGetValue(rows[i].Dataset.Name, out var list)) byDataset[rows[i].Dataset.Name] = list = [];
            list.Add((scored[i].P, rows[i].Row.Label));
        }

        var weights = new List<ClassWeights>();
        foreach (var ((lang, kind), byDataset) in groups)
        {
            var sets = byDataset.Where(kv => kv.Value.Count >= MinRowsPerGroup).ToList();
            if (sets.Count == 0) continue;
            var lists = sets.Select(kv => kv.Value).ToList();
            var (neg, neu, best) = Best(lists);
            var baseline = DevObjective(lists, 1, 1);
            var note = "";
            if (sets.Count >= 2)
            {
                // Leave one dataset out: weights fitted on the others, measured on it.
                var gains = new List<double>();
                for (var k = 0; k < lists.Count; k++)
                {
                    var others = lists.Where((_, j) => j != k).ToList();
                    var (n, u, _) = Best(others);
                    gains.Add(DevObjective([lists[k]], n, u) - DevObjective([lists[k]], 1, 1));
                }
                note = $"; leave-one-dataset-out gain {gains.Average():+0.000;-0.000} ({string.Join(", ", sets.Select((kv, k) => $"{kv.Key} {gains[k]:+0.000;-0.000}"))})";
                if (gains.Any(g => g <= 0)) (neg, neu, best, note) = (1, 1, baseline, note + " → not applied");
            }
            else if (lists[0].Count < MinRowsSingleDataset)
                (neg, neu, best, note) = (1, 1, baseline, $"; one dataset of fewer than {MinRowsSingleDataset} rows → not applied");
            weights.Add(new ClassWeights(lang, kind == TextKind.Review, Math.Round(neg, 6), Math.Round(neu, 6), 1, kind));
            log?.Invoke($"neutral calibration {lang} {kind}: {sets.Count} datasets ({string.Join(", ", sets.Select(kv => $"{kv.Key} {kv.Value.Count}"))}); weights neg {neg:F3} neu {neu:F3}; objective {baseline:F4} → {best:F4}{note}");
        }
        return new ProbabilityCalibration(options.LongTextChars, weights);
    }

    private static (double Neg, double Neu, double Value) Best(List<List<(float[] P, SentimentLabel Label)>> sets)
    {
        var (bestNeg, bestNeu, best) = (1.0, 1.0, DevObjective(sets, 1, 1));
        foreach (var (neg, neu) in from n in DevGrid from u in DevGrid
                 orderby Math.Abs(Math.Log2(n)) + Math.Abs(Math.Log2(u)), n, u select (n, u))
        {
            var value = DevObjective(sets, neg, neu);
            if (value > best + 1e-9) (bestNeg, bestNeu, best) = (neg, neu, value);
        }
        return (bestNeg, bestNeu, best);
    }

    /// <summary>Mean over the datasets of ½ (macro-F1 at the natural class mix + macro-F1 with the classes weighted equally).</summary>
    internal static double DevObjective(List<List<(float[] P, SentimentLabel Label)>> sets, double neg, double neu)
    {
        var total = 0.0;
        Span<double> perClass = stackalloc double[3];
        foreach (var rows in sets)
        {
            var natural = new double[3, 3];
            perClass.Clear();
            foreach (var (p, label) in rows)
            {
                perClass[(int)label]++;
                natural[(int)label, (int)Decide(p, neg, neu)]++;
            }
            var balanced = new double[3, 3];
            for (var a = 0; a < 3; a++)
                for (var b = 0; b < 3; b++)
                    balanced[a, b] = perClass[a] == 0 ? 0 : natural[a, b] / perClass[a];
            total += Blend * MacroF1(natural) + (1 - Blend) * MacroF1(balanced);
        }
        return total / sets.Count;
    }

    /// <summary>The label the scorer gives after the weights (same tie order as <see cref="SentimentScore.FromProbabilities"/>).</summary>
    private static SentimentLabel Decide(float[] p, double neg, double neu)
    {
        var n = p[0] * neg;
        var u = p[1] * neu;
        var q = (double)p[2];
        return n >= u && n >= q ? SentimentLabel.Negative : q >= u ? SentimentLabel.Positive : SentimentLabel.Neutral;
    }

    private static double MacroF1(double[,] confusion)
    {
        double sum = 0;
        var classes = 0;
        for (var c = 0; c < 3; c++)
        {
            double actual = 0, predicted = 0;
            for (var k = 0; k < 3; k++) { actual += confusion[c, k]; predicted += confusion[k, c]; }
            if (actual == 0) continue;
            classes++;
            var tp = confusion[c, c];
            var precision = predicted == 0 ? 0 : tp / predicted;
            var recall = tp / actual;
            sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return classes == 0 ? 0 : sum / classes;
    }
}
