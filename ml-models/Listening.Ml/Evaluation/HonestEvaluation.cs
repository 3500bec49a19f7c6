using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Prediction;
using Listening.Ml.Training;

namespace Listening.Ml.Evaluation;

/// <summary>One honest split measured: the model trained without its test rows, and the random dev figure of the same dataset for comparison.</summary>
public sealed record SplitEvaluation(HonestSplit Split, ClassificationMetrics Metrics, ClassificationMetrics? RandomDev)
{
    /// <summary>Rows where the sarcasm rule fired, and how many of them were right with and without it.</summary>
    public (int Fired, int RightWith, int RightWithout) Sarcasm { get; init; }

    public double Value => HonestSplits.Measure(Split.Metric, Metrics);

    public double? RandomValue => RandomDev is null ? null : HonestSplits.Measure(Split.Metric, RandomDev);

    /// <summary>How much the random dev split overstates (positive) the honest figure.</summary>
    public double? Gap => RandomValue - Value;

    /// <summary>Share of the true-neutral rows called negative (general tweets must not read negative).</summary>
    public double? NeutralCalledNegative => Rate(Metrics, SentimentLabel.Neutral, SentimentLabel.Negative);

    /// <summary>Share of all rows called neutral on a binary dataset (a binary review set must not read neutral).</summary>
    public double? NeutralOnBinary =>
        Metrics.ClassesPresent.Contains(SentimentLabel.Neutral) || Metrics.N == 0 ? null
        : Enumerable.Range(0, 3).Sum(a => Metrics.Confusion[a, (int)SentimentLabel.Neutral]) / (double)Metrics.N;

    public QualityTarget? Target => QualityTargets.ForSplit(Split.Name);

    private static double? Rate(ClassificationMetrics m, SentimentLabel actual, SentimentLabel predicted)
    {
        var n = Enumerable.Range(0, 3).Sum(p => m.Confusion[(int)actual, p]);
        return n == 0 ? null : m.Confusion[(int)actual, (int)predicted] / (double)n;
    }
}

/// <summary>
/// Re-runs a model's training procedure on honest splits and measures it where it did not learn:
/// one model trained without any honest split's test rows (<see cref="Holdout.Honest"/>), one without
/// the random dev split (<see cref="Holdout.Random"/>) for the secondary column, and, for the review
/// datasets, one model per dataset trained on every other dataset of its language (leave-one-dataset-out).
/// Deterministic, like training.
/// </summary>
public static class HonestEvaluation
{
    public sealed record Result(IReadOnlyList<SplitEvaluation> Splits, IReadOnlyList<DatasetEvaluation> RandomDev);

    /// <param name="perLanguage">Train one model per language (as the shipped model) rather than one joint model.</param>
    /// <param name="leaveOut">Also run leave-one-dataset-out for <see cref="HonestSplits.ReviewDatasets"/> (one training each).</param>
    /// <param name="randomColumn">Also train the random-dev-split model for the secondary column (false: quick experiments).</param>
    /// <param name="trained">
    /// A model already trained by this procedure: when its recorded holdout is "random" it gives the random
    /// column itself (the shipped model's own dev figures), when "honest" the honest column — no retraining for that one.
    /// </param>
    public static Result Run(IReadOnlyList<Dataset> datasets, TrainingOptions options, bool perLanguage, bool leaveOut, Action<string>? log = null, bool randomColumn = true,
        SentimentModel? trained = null, SentimentModel? honestTrained = null)
    {
        log ??= _ => { };
        SentimentModel Train(TrainingOptions o) =>
            perLanguage && o.Language is null ? SentimentTrainer.TrainPerLanguage(datasets, o, log) : SentimentTrainer.Train(datasets, o, log);

        IReadOnlyList<DatasetEvaluation> randomDev = [];
        if (randomColumn)
        {
            log("== random dev split model (secondary column)");
            var random = new PooledSentimentScorer(trained?.Training?.Holdout == "random" ? trained : Train(options with { Holdout = "random" }));
            randomDev = SentimentEvaluator.Evaluate(random, datasets.Where(d => !d.IsTestFile));
        }
        var devByDataset = randomDev.ToDictionary(r => r.Dataset.Name, r => r.Metrics);

        log("== honest split model");
        // A procedure calibrated on the dev fold keeps that fold out of the fit too, so the calibration rows stay unseen.
        var honestHoldout = options.NeutralCalibration == "dev" ? "honest-dev" : "honest";
        var honest = new PooledSentimentScorer(honestTrained ?? (trained?.Training?.Holdout == honestHoldout ? trained : Train(options with { Holdout = honestHoldout })));
        var splits = new List<SplitEvaluation>();
        foreach (var dataset in datasets)
            foreach (var split in HonestSplits.For(dataset))
                splits.Add(new SplitEvaluation(split, Score(honest, split.TestRows(dataset), SourceKind.Of(dataset)), devByDataset.GetValueOrDefault(dataset.Name))
                {
                    Sarcasm = SarcasmEffect(honest, split.TestRows(dataset)),
                });

        if (leaveOut)
        {
            foreach (var dataset in datasets.Where(d => HonestSplits.ReviewDatasets.Contains(d.Name)))
            {
                if (!datasets.Any(d => d.Lang == dataset.Lang && d.Name != dataset.Name)) continue;
                log($"== leave out {dataset.Name}");
                // Uncalibrated: the dev fold of the other datasets is part of this fit.
                var model = SentimentTrainer.Train(datasets, options with { Holdout = $"leave-out:{dataset.Name}", Language = dataset.Lang, NeutralCalibration = "none" }, log);
                var split = HonestSplits.LeaveOut(dataset);
                splits.Add(new SplitEvaluation(split, Score(new PooledSentimentScorer(model), dataset.Rows, SourceKind.Of(dataset)), devByDataset.GetValueOrDefault(dataset.Name)));
            }
        }
        return new Result(splits, randomDev);
    }

    /// <summary>On the rows where <see cref="SarcasmMarkers"/> fires: how many the scorer gets right with and without the rule.</summary>
    public static (int Fired, int RightWith, int RightWithout) SarcasmEffect(PooledSentimentScorer scorer, IEnumerable<LabelledText> rows)
    {
        int fired = 0, with = 0, without = 0;
        foreach (var row in rows.Where(r => SarcasmMarkers.Candidate(r.Text)))
        {
            fired++;
            if (scorer.Score(row.Text).Label == row.Label) with++;
            if (scorer.ScoreModel(row.Text).Label == row.Label) without++;
        }
        return (fired, with, without);
    }

    /// <param name="kind">The rows' kind from their source (<see cref="SourceKind"/>), null = from each text.</param>
    public static ClassificationMetrics Score(ISentimentScorer scorer, IEnumerable<LabelledText> rows, string? kind = null)
    {
        var array = rows.ToArray();
        var predicted = new SentimentLabel[array.Length];
        Parallel.For(0, array.Length, i => predicted[i] = scorer.Score(array[i].Text, kind).Label);
        var metrics = new ClassificationMetrics();
        for (var i = 0; i < array.Length; i++) metrics.Add(array[i].Label, predicted[i]);
        return metrics;
    }
}
