using System.Security.Cryptography;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;
using Listening.Ml.Tests.Training;

namespace Listening.Ml.Tests.Prediction;

public sealed class EnsembleTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-ensemble-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Texts = ["отлично спасибо", "ужасно медленно", "адрес пункта", "great, love it", "rude staff", "what time", "курьер вежливый, но опять медленно"];

    private static SentimentModel Plain() => SentimentTrainer.TrainPerLanguage([Tiny("ru"), Tiny("en")],
        new TrainingOptions(new FeaturizerOptions(HashBits: 14, CueFeatures: true), MaxIterations: 50, L2: 1.0f));

    private static SentimentModel WithIdf() => SentimentTrainer.TrainPerLanguage([Tiny("ru"), Tiny("en")],
        new TrainingOptions(new FeaturizerOptions(HashBits: 14, CueFeatures: true, Idf: "ngrams"), MaxIterations: 50, L2: 0.3f));

    [Fact]
    public void An_ensemble_scores_the_mean_of_its_members_calibrated_probabilities_from_one_featurisation()
    {
        var plain = Plain();
        var idf = WithIdf();
        var ensemble = new PooledSentimentScorer(plain.WithMembers([idf]));
        var a = new PooledSentimentScorer(plain);
        var b = new PooledSentimentScorer(idf);
        foreach (var text in Texts)
        {
            var (sa, sb, se) = (a.ScoreModel(text), b.ScoreModel(text), ensemble.ScoreModel(text));
            // The idf member's vector is re-weighed from the plain one's: equal to featurising with idf, to float rounding.
            Assert.Equal((sa.Negative + sb.Negative) / 2, se.Negative, 4);
            Assert.Equal((sa.Neutral + sb.Neutral) / 2, se.Neutral, 4);
            Assert.Equal((sa.Positive + sb.Positive) / 2, se.Positive, 4);
            Assert.Equal(se.Positive, ensemble.ScoreWithEngine(text).Positive, 4);
        }
        Assert.Equal(SentimentLabel.Positive, ensemble.Score("отлично спасибо").Label);
        Assert.Equal(SentimentLabel.Negative, ensemble.Score("awful service").Label);
    }

    [Fact]
    public void An_ensemble_saves_its_members_inside_and_loads_to_the_same_scores_byte_for_byte()
    {
        var path = Path.Combine(_dir, "e.zip");
        var again = Path.Combine(_dir, "e2.zip");
        var ensemble = Plain().WithMembers([WithIdf()]);
        ensemble.Save(path);
        var loaded = SentimentModel.Load(path);
        Assert.Single(loaded.Members);
        Assert.NotNull(loaded.Members[0].Featurizer.Idf);
        Assert.Null(loaded.Featurizer.Idf);
        var before = new PooledSentimentScorer(ensemble);
        var after = new PooledSentimentScorer(loaded);
        foreach (var text in Texts) Assert.Equal(before.Score(text), after.Score(text));
        loaded.Save(again);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(path)), SHA256.HashData(File.ReadAllBytes(again)));
    }

    [Fact]
    public void Members_that_hash_other_features_or_hold_out_other_rows_are_refused()
    {
        var plain = Plain();
        var otherBits = SentimentTrainer.TrainPerLanguage([Tiny("ru"), Tiny("en")], new TrainingOptions(new FeaturizerOptions(HashBits: 13, CueFeatures: true), MaxIterations: 20));
        Assert.Throws<ArgumentException>(() => plain.WithMembers([otherBits]));
        Assert.Throws<ArgumentException>(() => plain.WithMembers([WithIdf().WithTraining(TrainingOptions.Default with { Holdout = "honest-dev" })]));
        Assert.Throws<ArgumentException>(() => plain.WithMembers([plain.WithMembers([WithIdf()])]));
    }

    private static Dataset Tiny(string lang) => lang == "ru"
        ? TinyDatasets.Build("tiny_ru", "ru", "r", 40,
            ["отлично", "спасибо", "супер", "быстро и удобно", "вежливый курьер", "всё понравилось"],
            ["ужасно", "медленно", "верните деньги", "опять сломалось", "грубый курьер", "всё плохо"],
            ["адрес пункта", "часы работы", "где находится", "номер заказа", "какой вход", "во сколько"])
        : TinyDatasets.Build("tiny_en", "en", "e", 40,
            ["great", "love it", "thank you", "excellent", "fast delivery", "nice staff"],
            ["terrible", "awful service", "refund please", "broken again", "so slow", "rude staff"],
            ["opening hours", "address", "where is it", "order number", "which gate", "what time"]);
}
