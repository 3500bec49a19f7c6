using System.Security.Cryptography;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;
using Listening.Ml.Tests.Training;

namespace Listening.Ml.Tests.Features;

public sealed class IdfTableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-idf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Corpus =
    [
        "доставка пришла вовремя", "доставка опоздала", "доставка как всегда", "курьер вежливый", "доставка отличная, спасибо",
        "доставка ужасная", "приложение зависает", "доставка быстрая",
    ];

    private static int Bucket(TextFeaturizer featurizer, string word)
    {
        var scratch = new FeatureScratch();
        featurizer.CollectRaw(word, scratch, out var ngrams, out _);
        return (int)ngrams[0]; // the word unigram comes first
    }

    [Fact]
    public void A_rare_word_weighs_more_than_a_word_in_most_texts_and_an_unseen_one_most()
    {
        var featurizer = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, CharNgramLengths: [], ContextFeatures: false));
        var idf = IdfTable.Fit(featurizer, Corpus, "all");
        var common = idf[Bucket(featurizer, "доставка")]; // 6 of 8 texts
        var rare = idf[Bucket(featurizer, "курьер")];     // 1 of 8
        var unseen = idf[Bucket(featurizer, "самокат")];
        Assert.Equal(1 + Math.Log(9.0 / 7), common, 1 / 16.0);
        Assert.Equal(1 + Math.Log(9.0 / 2), rare, 1 / 16.0);
        Assert.True(common < rare && rare < unseen, $"{common} < {rare} < {unseen}");
    }

    [Fact]
    public void Weighted_vectors_are_unit_length_and_lift_the_rare_word_against_the_common_one()
    {
        var plain = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, CharNgramLengths: [], ContextFeatures: false, WordBigrams: false));
        var weighted = plain.WithIdf(IdfTable.Fit(plain, Corpus, "all"));
        var before = plain.Featurize("доставка курьер");
        var after = weighted.Featurize("доставка курьер");
        Assert.Equal(before.GetIndices().ToArray(), after.GetIndices().ToArray());
        Assert.Equal(before.GetValues()[0], before.GetValues()[1]);
        Assert.Equal(1.0, Math.Sqrt(after.GetValues().ToArray().Sum(v => (double)v * v)), 4);
        var courier = after.GetIndices().IndexOf(Bucket(plain, "курьер"));
        Assert.True(after.GetValues()[courier] > after.GetValues()[1 - courier]);
    }

    [Fact]
    public void In_ngram_mode_context_and_cue_features_share_the_mean_ngram_idf()
    {
        var featurizer = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, CueFeatures: true));
        var idf = IdfTable.Fit(featurizer, Corpus, "ngrams");
        var all = IdfTable.Fit(featurizer, Corpus, "all");
        var scratch = new FeatureScratch();
        featurizer.CollectRaw("доставка ужасная", scratch, out var ngrams, out var rest);
        var cueBuckets = rest.ToArray();
        Assert.NotEmpty(cueBuckets);
        var values = cueBuckets.Select(b => idf[(int)b]).Distinct().ToList();
        Assert.Single(values);
        // The language feature is in every text: "all" gives it the lowest idf, "ngrams" the n-grams' mean.
        Assert.Equal(1.0, cueBuckets.Min(b => all[(int)b]), 1 / 16.0);
        Assert.True(values[0] > 1.5, $"{values[0]}");
        Assert.Throws<ArgumentException>(() => IdfTable.Fit(featurizer, Corpus, "bm25"));
    }

    [Fact]
    public void Capped_idf_discounts_a_common_word_as_before_but_lifts_no_rare_or_unseen_bucket_above_the_cue_weight()
    {
        var featurizer = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, CueFeatures: true));
        var plain = IdfTable.Fit(featurizer, Corpus, "ngrams");
        var capped = IdfTable.Fit(featurizer, Corpus, "ngrams-capped");
        var scratch = new FeatureScratch();
        featurizer.CollectRaw("доставка ужасная", scratch, out _, out var rest);
        var mean = plain[(int)rest[0]]; // context and cue buckets: the mean n-gram idf in both modes
        Assert.Equal(mean, capped[(int)rest[0]]);

        var common = Bucket(featurizer, "доставка");
        var rare = Bucket(featurizer, "курьер");
        var unseen = Bucket(featurizer, "самокат");
        Assert.True(plain[common] < mean && plain[rare] > mean && plain[unseen] > mean, $"{plain[common]} < {mean} < {plain[rare]}, {plain[unseen]}");
        Assert.Equal(plain[common], capped[common]);
        Assert.Equal(mean, capped[rare]);
        Assert.Equal(mean, capped[unseen]);
        for (var b = 0; b < capped.Length; b++) Assert.True(capped[b] <= mean, $"bucket {b}: {capped[b]} > {mean}");
    }

    [Fact]
    public void Square_root_idf_keeps_the_order_of_the_ngram_weights_and_halves_their_log_range()
    {
        var featurizer = new TextFeaturizer(new FeaturizerOptions(HashBits: 18, CueFeatures: true));
        var plain = IdfTable.Fit(featurizer, Corpus, "ngrams");
        var root = IdfTable.Fit(featurizer, Corpus, "ngrams-sqrt");
        var common = Bucket(featurizer, "доставка");
        var rare = Bucket(featurizer, "курьер");
        var unseen = Bucket(featurizer, "самокат");
        foreach (var b in new[] { common, rare, unseen }) Assert.Equal(Math.Sqrt(plain[b]), root[b], IdfTable.Step);
        Assert.True(root[common] < root[rare] && root[rare] < root[unseen], $"{root[common]} < {root[rare]} < {root[unseen]}");
        Assert.True(root[unseen] / root[common] < plain[unseen] / plain[common]);
    }

    [Theory]
    [InlineData("ngrams-capped")]
    [InlineData("ngrams-sqrt")]
    public void A_model_trained_with_a_softened_idf_records_its_mode_and_scores_the_same_after_loading(string mode)
    {
        var options = new TrainingOptions(new FeaturizerOptions(HashBits: 14, CueFeatures: true, Idf: mode), MaxIterations: 50);
        var path = Path.Combine(_dir, $"{mode}.zip");
        var trained = SentimentTrainer.TrainPerLanguage([Tiny("tiny_ru", "ru"), Tiny("tiny_en", "en")], options);
        trained.Save(path);
        var loaded = SentimentModel.Load(path);
        Assert.Equal(mode, loaded.Featurizer.Options.Idf);
        Assert.Equal(trained.Featurizer.Idf!.ToBytes(), loaded.Featurizer.Idf!.ToBytes());
        var before = new PooledSentimentScorer(trained);
        var after = new PooledSentimentScorer(loaded);
        foreach (var text in new[] { "отлично спасибо", "ужасно медленно", "great, love it", "rude staff", "what time" })
            Assert.Equal(before.Score(text), after.Score(text));
        Assert.Equal(SentimentLabel.Positive, after.Score("отлично спасибо").Label);
    }

    [Fact]
    public void A_model_trained_with_idf_is_deterministic_and_scores_the_same_after_loading()
    {
        var options = new TrainingOptions(new FeaturizerOptions(HashBits: 14, CueFeatures: true, Idf: "ngrams"), MaxIterations: 50);
        var first = Path.Combine(_dir, "a.zip");
        var second = Path.Combine(_dir, "b.zip");
        var trained = SentimentTrainer.TrainPerLanguage([Tiny("tiny_ru", "ru"), Tiny("tiny_en", "en")], options);
        trained.Save(first);
        SentimentTrainer.TrainPerLanguage([Tiny("tiny_ru", "ru"), Tiny("tiny_en", "en")], options).Save(second);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));

        Assert.NotNull(trained.Featurizer.Idf);
        var loaded = SentimentModel.Load(first);
        Assert.NotNull(loaded.Featurizer.Idf);
        var before = new PooledSentimentScorer(trained);
        var after = new PooledSentimentScorer(loaded);
        foreach (var text in new[] { "отлично спасибо", "ужасно медленно", "great, love it", "rude staff", "what time" })
        {
            Assert.Equal(before.Score(text), after.Score(text));
            var engine = after.ScoreWithEngine(text);
            Assert.Equal(engine.Positive, after.ScoreModel(text).Positive, 4);
        }
        Assert.Equal(SentimentLabel.Positive, after.Score("отлично спасибо").Label);
        Assert.Equal(SentimentLabel.Negative, after.Score("awful service").Label);
    }

    [Fact]
    public void A_model_whose_idf_table_is_missing_is_refused_by_name()
    {
        var options = new TrainingOptions(new FeaturizerOptions(HashBits: 14, Idf: "all"), MaxIterations: 20);
        var path = Path.Combine(_dir, "m.zip");
        SentimentTrainer.Train([Tiny("tiny_ru", "ru")], options).Save(path);
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update))
            zip.GetEntry(SentimentModel.IdfEntry)!.Delete();
        var error = Assert.Throws<InvalidDataException>(() => SentimentModel.Load(path));
        Assert.Contains(SentimentModel.IdfEntry, error.Message);
    }

    private static Dataset Tiny(string name, string lang) => lang == "ru"
        ? TinyDatasets.Build(name, "ru", "r", 40,
            ["отлично", "спасибо", "супер", "быстро и удобно", "вежливый курьер", "всё понравилось"],
            ["ужасно", "медленно", "верните деньги", "опять сломалось", "грубый курьер", "всё плохо"],
            ["адрес пункта", "часы работы", "где находится", "номер заказа", "какой вход", "во сколько"])
        : TinyDatasets.Build(name, "en", "e", 40,
            ["great", "love it", "thank you", "excellent", "fast delivery", "nice staff"],
            ["terrible", "awful service", "refund please", "broken again", "so slow", "rude staff"],
            ["opening hours", "address", "where is it", "order number", "which gate", "what time"]);
}
