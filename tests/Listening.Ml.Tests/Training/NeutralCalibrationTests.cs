using System.Collections.Concurrent;
using System.Security.Cryptography;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Core.Text;
using Listening.Ml.Data;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;

namespace Listening.Ml.Tests.Training;

public sealed class NeutralCalibrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-neutral-calibration-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly TrainingOptions Options = new(new FeaturizerOptions(HashBits: 14), MaxIterations: 50);

    [Fact]
    public void Calibration_applies_only_to_its_language_and_kind_and_round_trips_through_the_model_file()
    {
        var model = SentimentTrainer.TrainPerLanguage([Russian("tiny_ru", 40), English("tiny_en", 40)], Options);
        // A strong neutral prior for Russian posts only.
        var calibration = new ProbabilityCalibration(300, [new ClassWeights("ru", false, 1, 1e6, 1, TextKind.Post)]);
        var path = Path.Combine(_dir, "calibrated.zip");
        model.WithCalibration(calibration).Save(path);
        var loaded = SentimentModel.Load(path);
        Assert.Equal(calibration.Weights, loaded.Calibration.Weights);
        var scorer = new PooledSentimentScorer(loaded);

        Assert.Equal(SentimentLabel.Neutral, scorer.Score("отлично спасибо", TextKind.Post).Label); // ru, kind from the source
        Assert.Equal(SentimentLabel.Neutral, scorer.Score("@shop отлично спасибо").Label);          // ru, kind from the text
        Assert.Equal(SentimentLabel.Positive, scorer.Score("отлично спасибо").Label);               // ru short: not calibrated
        Assert.Equal(SentimentLabel.Positive, scorer.Score("отлично спасибо", TextKind.Review).Label);
        Assert.Equal(SentimentLabel.Positive, scorer.Score("great thanks", TextKind.Post).Label);   // en post: not calibrated
        Assert.Equal(SentimentLabel.Positive, new PooledSentimentScorer(model).Score("отлично спасибо", TextKind.Post).Label); // uncalibrated model

        var again = Path.Combine(_dir, "again.zip");
        loaded.Save(again);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    [Fact]
    public void Training_fits_the_dev_fold_calibration_per_kind_on_training_side_rows_deterministically()
    {
        // A tweet collection (its rows are posts whatever their text) and a review collection.
        IReadOnlyList<Dataset> datasets = [Russian("tiny_tweets_ru", 120, "tw"), Russian("tiny_reviews_ru", 120, "rv")];
        var options = Options with { NeutralCalibration = "dev" };
        var first = Path.Combine(_dir, "a.zip");
        var second = Path.Combine(_dir, "b.zip");
        SentimentTrainer.Train(datasets, options).Save(first);
        SentimentTrainer.Train(datasets, options).Save(second);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));

        var model = SentimentModel.Load(first);
        Assert.Equal("dev", model.Training!.NeutralCalibration);
        Assert.Equal([TextKind.Post, TextKind.Short], model.Calibration.Weights.Select(w => w.Kind!).Order(StringComparer.Ordinal));

        // Fitted on the dev fold only: rows the model (holdout random) did not learn from.
        var fold = ProbabilityCalibrator.DevFold(datasets, options).ToList();
        Assert.NotEmpty(fold);
        Assert.All(fold, r => Assert.True(DevSplit.IsDev(r.Row.Id)));
        Assert.DoesNotContain(TrainingSet.Build(datasets, options), w => DevSplit.IsDev(w.Row.Id));
        // A model that learnt from the dev fold cannot be calibrated on it.
        Assert.Throws<InvalidOperationException>(() => SentimentTrainer.Train(datasets, options with { Holdout = "none" }));
    }

    [Fact]
    public void Dev_fold_leaves_out_every_honest_split_test_row()
    {
        var rows = Enumerable.Range(0, 400).Select(i => new LabelledText($"rutube_{(i % 2 == 0 ? "test" : "train")}-{i}", "ru", "текст", SentimentLabel.Neutral)).ToList();
        var dataset = new Dataset("rutube_app_reviews_ru", "ru", rows, false);
        var fold = ProbabilityCalibrator.DevFold([dataset], Options).ToList();
        Assert.NotEmpty(fold);
        Assert.All(fold, r => Assert.StartsWith("rutube_train-", r.Row.Id, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FeedbackKind.Mention, "спасибо, всё пришло", TextKind.Post)]
    [InlineData(FeedbackKind.Review, "спасибо, всё пришло", TextKind.Short)]
    [InlineData(FeedbackKind.Review, "см. https://example.com — всё пришло", TextKind.Short)] // a review quoting a link is no post
    [InlineData(FeedbackKind.Survey, "Pros: fast. Cons: none.", TextKind.Review)]
    public void An_items_kind_decides_its_calibration_kind(FeedbackKind kind, string text, string expected) =>
        Assert.Equal(expected, FeedbackTextKind.For(kind, text));

    [Fact]
    public void The_pipeline_scorer_passes_the_items_kind_to_the_sentiment_model()
    {
        var recorder = new KindRecorder();
        var scorer = new FeedbackScorer(recorder, FactorTaxonomy.Default);
        var at = DateTimeOffset.UnixEpoch;
        scorer.Score(new FeedbackItem("1", FeedbackKind.Mention, "twitter", "acme", "Заказ пришёл", at));
        scorer.Score(new FeedbackItem("2", FeedbackKind.Review, "site", "acme", "Заказ пришёл", at));
        Assert.Equal([TextKind.Post, TextKind.Short], recorder.Kinds);
    }

    private sealed class KindRecorder : ISentimentScorer
    {
        public ConcurrentQueue<string?> Kinds { get; } = new();
        public SentimentScore Score(string text) => SentimentScore.FromProbabilities(0.2f, 0.6f, 0.2f);
        public SentimentScore Score(string text, string? kind)
        {
            Kinds.Enqueue(kind);
            return Score(text);
        }
    }

    private static Dataset Russian(string name, int perClass, string prefix = "") => TinyDatasets.Build(name, "ru", prefix, perClass,
        ["отлично", "спасибо", "супер", "быстро и удобно", "вежливо", "рекомендую"],
        ["ужасно", "медленно", "верните деньги", "опять сломалось", "грубо", "не рекомендую"],
        ["адрес пункта", "часы работы", "где находится", "номер заказа", "какой вход", "во сколько"]);

    private static Dataset English(string name, int perClass) => TinyDatasets.Build(name, "en", "e", perClass,
        ["great", "thanks", "excellent", "fast and easy", "polite", "recommend"],
        ["awful", "slow", "refund me", "broken again", "rude", "do not recommend"],
        ["pickup address", "opening hours", "where is it", "order number", "which entrance", "what time"]);
}
