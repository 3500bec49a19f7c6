using System.Security.Cryptography;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;

namespace Listening.Ml.Tests.Training;

public sealed class CalibrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-calibration-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly TrainingOptions Options = new(new FeaturizerOptions(HashBits: 14), MaxIterations: 50);

    [Fact]
    public void Stored_calibration_weights_shift_the_scorers_labels_and_survive_a_save_and_load()
    {
        var model = SentimentTrainer.Train([Dataset(40)], Options with { CalibrationPercent = 0 });
        Assert.Empty(model.Calibration.Weights);
        Assert.Equal(SentimentLabel.Positive, new PooledSentimentScorer(model).Score("отлично спасибо").Label);

        // A strong prior on neutral for short texts only: short texts turn neutral, long ones keep their label.
        var calibrated = model.WithCalibration(new ProbabilityCalibration(300, [new ClassWeights(SentimentModel.AnyLanguage, false, 1, 1e6, 1)]));
        var path = Path.Combine(_dir, "calibrated.zip");
        calibrated.Save(path);
        var scorer = PooledSentimentScorer.Load(path);
        var shortScore = scorer.Score("отлично спасибо");
        Assert.Equal(SentimentLabel.Neutral, shortScore.Label);
        Assert.InRange(shortScore.Negative + shortScore.Neutral + shortScore.Positive, 0.99f, 1.01f);
        var longText = string.Join(' ', Enumerable.Repeat("отлично спасибо", 30));
        Assert.Equal(SentimentLabel.Positive, scorer.Score(longText).Label);

        var again = Path.Combine(_dir, "again.zip");
        SentimentModel.Load(path).Save(again);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    [Fact]
    public void Training_learns_calibration_weights_on_its_held_out_slice_deterministically()
    {
        var options = Options with { CalibrationPercent = 15 };
        var first = Path.Combine(_dir, "a.zip");
        var second = Path.Combine(_dir, "b.zip");
        SentimentTrainer.Train([Dataset(200)], options).Save(first);
        SentimentTrainer.Train([Dataset(200)], options).Save(second);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));
        var model = SentimentModel.Load(first);
        var weights = Assert.Single(model.Calibration.Weights); // one language, short texts only
        Assert.False(weights.Long);
        var dataset = Dataset(200);
        Assert.All(dataset.TrainRows.Where(r => ProbabilityCalibrator.InSlice(r.Id, options.CalibrationPercent)),
            r => Assert.False(DevSplit.IsDev(r.Id)));
        Assert.DoesNotContain(TrainingSet.Build([dataset], options), w => ProbabilityCalibrator.InSlice(w.Row.Id, options.CalibrationPercent));
    }

    private static Dataset Dataset(int perClass) => TinyDatasets.Build("tiny", "ru", "", perClass,
        ["отлично", "спасибо", "супер", "быстро и удобно", "вежливо", "рекомендую"],
        ["ужасно", "медленно", "верните деньги", "опять сломалось", "грубо", "не рекомендую"],
        ["адрес пункта", "часы работы", "где находится", "номер заказа", "какой вход", "во сколько"]);
}
