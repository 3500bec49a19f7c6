using System.Diagnostics;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace Listening.Ml.Training;

/// <summary>
/// Trains the sentiment model: balanced training set → hashed n-gram features → LbfgsMaximumEntropy.
/// Deterministic: fixed seed, one optimiser thread, rows in a fixed order.
/// </summary>
public static class SentimentTrainer
{
    /// <summary>
    /// One model per language (ru, en), each trained on its language's datasets only, saved as one
    /// file; texts are routed by <see cref="Listening.Core.Text.LanguageDetector"/>.
    /// </summary>
    public static SentimentModel TrainPerLanguage(IReadOnlyList<Dataset> datasets, TrainingOptions options, Action<string>? log = null)
    {
        var languages = datasets.Select(d => d.Lang).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        // One idf table over every language's training rows: the languages share the featurizer (and hardly any n-gram).
        var featurizer = Featurizer(datasets, options, log);
        var models = new Dictionary<string, SentimentModel>();
        foreach (var lang in languages)
        {
            log?.Invoke($"-- {lang}");
            models[lang] = Fit(datasets, options with { Language = lang }, featurizer, log);
        }
        var combined = SentimentModel.Combine(models).WithTraining(options).WithPlatform(TrainingPlatform.Current);
        return Calibrate(combined, datasets, options, log);
    }

    /// <summary>One model (joint, or of <see cref="TrainingOptions.Language"/>), calibrated.</summary>
    public static SentimentModel Train(IReadOnlyList<Dataset> datasets, TrainingOptions options, Action<string>? log = null)
    {
        var model = Fit(datasets, options, Featurizer(datasets, options, log), log).WithTraining(options).WithPlatform(TrainingPlatform.Current);
        return Calibrate(model, datasets, options, log);
    }

    private static SentimentModel Calibrate(SentimentModel model, IReadOnlyList<Dataset> datasets, TrainingOptions options, Action<string>? log) =>
        options.NeutralCalibration == "dev"
            ? model.WithCalibration(ProbabilityCalibrator.FitOnDev(model, datasets, options, log))
            : model.WithCalibration(ProbabilityCalibrator.Fit(model, datasets, options, log));

    /// <summary>The featurizer of <paramref name="options"/>, with word vectors and idf weights fitted on the training rows when it asks for them.</summary>
    private static TextFeaturizer Featurizer(IEnumerable<Dataset> datasets, TrainingOptions options, Action<string>? log)
    {
        var featurizer = new TextFeaturizer(options.Featurizer);
        if (options.Featurizer.Vectors > 0) featurizer = featurizer.WithVectors(FitVectors(datasets, options, featurizer, log));
        if (options.Featurizer.Idf is not { } mode) return featurizer;
        var clock = Stopwatch.StartNew();
        var set = TrainingSet.Build(datasets, options);
        var texts = set.Select(w => w.Row.Text).ToList();
        var idf = mode == "nb"
            ? IdfTable.FitNaiveBayes(featurizer, texts, set.Select(w => (int)w.Row.Label).ToList())
            : IdfTable.Fit(featurizer, texts, mode, log);
        log?.Invoke($"idf ({mode}) over {texts.Count:N0} training rows in {clock.Elapsed.TotalSeconds:F1} s");
        return featurizer.WithIdf(idf);
    }

    /// <summary>
    /// Word vectors from every text the holdout leaves to training (all of them, not the per-dataset cap: no labels are read),
    /// in dataset-name order — never an honest test row, nor the dev fold the calibration is fitted on under honest-dev.
    /// </summary>
    private static WordVectors FitVectors(IEnumerable<Dataset> datasets, TrainingOptions options, TextFeaturizer featurizer, Action<string>? log)
    {
        var clock = Stopwatch.StartNew();
        var holdout = Holdout.Parse(options.Holdout);
        var texts = datasets.OrderBy(d => d.Name, StringComparer.Ordinal)
            .Where(d => options.Language is not { } lang || d.Lang == lang)
            .SelectMany(holdout.TrainRows).Select(r => r.Text).ToList();
        var tokens = new uint[texts.Count][];
        Parallel.For(0, texts.Count, i => tokens[i] = featurizer.TokenHashes(texts[i]));
        var vectors = WordVectors.Fit(tokens, options.Featurizer.Vectors, log, options.Featurizer.VectorWords);
        if (options.Featurizer.VectorClusters > 0) vectors = vectors.WithClusters(options.Featurizer.VectorClusters);
        log?.Invoke($"word vectors ({vectors.Count:N0} × {vectors.Dimensions}) in {clock.Elapsed.TotalSeconds:F1} s");
        return vectors;
    }

    private static SentimentModel Fit(IEnumerable<Dataset> datasets, TrainingOptions options, TextFeaturizer featurizer, Action<string>? log)
    {
        log ??= _ => { };
        var clock = Stopwatch.StartNew();
        var set = TrainingSet.Build(datasets, options);
        var counts = TrainingSet.ClassCounts(set);
        log($"training rows: {set.Count:N0} (negative {counts.GetValueOrDefault(SentimentLabel.Negative):N0}, neutral {counts.GetValueOrDefault(SentimentLabel.Neutral):N0}, positive {counts.GetValueOrDefault(SentimentLabel.Positive):N0})");

        var rows = new FeatureRow[set.Count];
        Parallel.For(0, set.Count, () => new FeatureScratch(), (i, _, scratch) =>
        {
            featurizer.Featurize(set[i].Row.Text, scratch);
            rows[i] = new FeatureRow
            {
                Features = scratch.ToVBuffer(options.Featurizer.Dimension),
                Label = (uint)set[i].Row.Label,
                Weight = set[i].Weight,
            };
            return scratch;
        }, _ => { });
        log($"featurised in {clock.Elapsed.TotalSeconds:F1} s ({rows.Average(r => r.Features.GetValues().Length):F0} features per row on average)");

        var context = new MLContext(seed: 1);
        var data = context.Data.LoadFromEnumerable(rows, FeatureRow.Schema(options.Featurizer.Dimension));
        var trainer = context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            ExampleWeightColumnName = nameof(FeatureRow.Weight),
            L1Regularization = options.L1,
            L2Regularization = options.L2,
            OptimizationTolerance = options.Tolerance,
            MaximumNumberOfIterations = options.MaxIterations,
            HistorySize = 20,
            NumberOfThreads = 1,
        });
        var fitStart = clock.Elapsed;
        var transformer = trainer.Fit(data);
        log($"trained in {(clock.Elapsed - fitStart).TotalSeconds:F1} s");
        return SentimentModel.Create(context, transformer, featurizer);
    }
}
