using System.Security.Cryptography;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;

namespace Listening.Ml.Tests.Training;

public sealed class TinyTrainingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly TrainingOptions Options = new(new FeaturizerOptions(HashBits: 14, CueFeatures: true), MaxIterations: 50);

    [Fact]
    public void Training_twice_on_the_same_data_writes_identical_model_bytes()
    {
        var first = Path.Combine(_dir, "a.zip");
        var second = Path.Combine(_dir, "b.zip");
        SentimentTrainer.Train([TinyDataset()], Options).Save(first);
        SentimentTrainer.Train([TinyDataset()], Options).Save(second);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));
    }

    [Fact]
    public void A_saved_model_loads_and_scores_what_it_learned()
    {
        var path = Path.Combine(_dir, "m.zip");
        SentimentTrainer.Train([TinyDataset()], Options).Save(path);
        var scorer = PooledSentimentScorer.Load(path);
        Assert.Equal(SentimentLabel.Positive, scorer.Score("отлично спасибо").Label);
        Assert.Equal(SentimentLabel.Negative, scorer.Score("ужасно медленно").Label);
        Assert.Equal(SentimentLabel.Neutral, scorer.Score("адрес пункта").Label);
    }

    [Fact]
    public void A_per_language_model_routes_each_text_to_its_language_and_round_trips_byte_for_byte()
    {
        var path = Path.Combine(_dir, "two.zip");
        var again = Path.Combine(_dir, "two-again.zip");
        SentimentTrainer.TrainPerLanguage([TinyDataset(), TinyEnglishDataset()], Options).Save(path);
        var model = SentimentModel.Load(path);
        Assert.Equal(["en", "ru"], model.Transformers.Keys.Order());
        Assert.Equal("ru", model.LanguageFor("отлично"));
        Assert.Equal("en", model.LanguageFor("great"));
        Assert.Equal("ru", model.LanguageFor("Дуже дякую")); // Ukrainian: "other", but Cyrillic
        var scorer = new PooledSentimentScorer(model);
        Assert.Equal(SentimentLabel.Positive, scorer.Score("great, love it").Label);
        Assert.Equal(SentimentLabel.Negative, scorer.Score("ужасно медленно").Label);
        model.Save(again);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    [Fact]
    public void Training_set_caps_each_dataset_and_balances_its_classes()
    {
        var rows = Enumerable.Range(0, 1000)
            .Select(i => new LabelledText($"r{i}", "en", "t", i % 10 == 0 ? SentimentLabel.Negative : SentimentLabel.Positive))
            .ToList();
        var set = TrainingSet.Build([new Dataset("skewed", "en", rows, false)],
            TrainingOptions.Default with { MaxRowsPerDataset = 300, ClassBalance = 1 });
        Assert.Equal(300, set.Count);
        Assert.All(set, w => Assert.False(DevSplit.IsDev(w.Row.Id)));
        var totals = set.GroupBy(w => w.Row.Label).ToDictionary(g => g.Key, g => g.Sum(w => w.Weight));
        Assert.Equal(totals[SentimentLabel.Negative], totals[SentimentLabel.Positive], 1);
        Assert.Equal(1.0, set.Average(w => w.Weight), 3);
    }

    [Fact]
    public void Scoring_from_the_weights_gives_the_prediction_engines_probabilities()
    {
        var path = Path.Combine(_dir, "w.zip");
        SentimentTrainer.TrainPerLanguage([TinyDataset(), TinyEnglishDataset()], Options).Save(path);
        var scorer = PooledSentimentScorer.Load(path);
        Assert.True(scorer.ScoresFromWeights);
        foreach (var text in new[] { "отлично спасибо", "ужасно медленно", "адрес пункта", "great, love it", "rude staff", "what time", "непонятно что" })
        {
            var direct = scorer.ScoreModel(text);
            var engine = scorer.ScoreWithEngine(text);
            Assert.Equal(engine.Label, direct.Label);
            Assert.Equal(engine.Negative, direct.Negative, 4);
            Assert.Equal(engine.Neutral, direct.Neutral, 4);
            Assert.Equal(engine.Positive, direct.Positive, 4);
        }
    }

    private static Dataset TinyEnglishDataset() => TinyDatasets.Build("tiny_en", "en", "e", 40,
        ["great", "love it", "thank you", "excellent", "fast delivery", "nice staff"],
        ["terrible", "awful service", "refund please", "broken again", "so slow", "rude staff"],
        ["opening hours", "address", "where is it", "order number", "which gate", "what time"]);

    private static Dataset TinyDataset() => TinyDatasets.Build("tiny", "ru", "", 40,
        ["отлично", "спасибо", "супер", "great", "love it", "быстро и удобно"],
        ["ужасно", "медленно", "верните деньги", "terrible", "awful service", "опять сломалось"],
        ["адрес пункта", "часы работы", "где находится", "opening hours", "address", "номер заказа"]);
}
