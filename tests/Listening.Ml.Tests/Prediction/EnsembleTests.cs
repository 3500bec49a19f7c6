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

    // A few hundred texts of every shape the scorer meets: both languages, mixed, long (head and tail cut), Russian in Latin
    // letters, a negated hedge, emoticons, a mention and a link (post calibration), an empty text.
    private static readonly string[] Phrases =
    [
        "отлично спасибо", "ужасно медленно", "адрес пункта", "great, love it", "rude staff", "what time", "курьер вежливый, но опять медленно",
        "не могу сказать, что плохо", "ochen ploho, dengi ne vernuli", "@support still waiting :(", "see https://example.com", "супер)))",
        "the refund never came, terrible", "в целом нормально", "fast delivery and nice staff", "верните деньги!!!", "",
    ];

    internal static string[] ManyTexts(int count)
    {
        var random = new Random(7);
        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var parts = random.Next(1, i % 10 == 0 ? 90 : 6); // every tenth text long enough to be cut to its head and tail
            texts[i] = string.Join(random.Next(2) == 0 ? ". " : " ", Enumerable.Range(0, parts).Select(_ => Phrases[random.Next(Phrases.Length)]));
        }
        return texts;
    }

    [Fact]
    public void The_fused_table_gives_the_member_by_member_probabilities_on_hundreds_of_texts()
    {
        var plain = Plain();
        var scorer = new PooledSentimentScorer(plain.WithMembers([WithIdf()]));
        Assert.True(scorer.ScoresFused);
        Assert.False(new PooledSentimentScorer(plain).ScoresFused); // a single model keeps its own table
        var identical = 0;
        var texts = ManyTexts(400);
        foreach (var text in texts)
        {
            var (fused, apart) = (scorer.ScoreModel(text), scorer.ScoreModelMemberByMember(text));
            Assert.Equal(apart.Negative, fused.Negative, 1e-6);
            Assert.Equal(apart.Neutral, fused.Neutral, 1e-6);
            Assert.Equal(apart.Positive, fused.Positive, 1e-6);
            Assert.Equal(apart.Label, fused.Label);
            if (fused == apart) identical++;
            Assert.Equal(scorer.ScoreModel(text, "post"), scorer.ScoreModelMemberByMember(text, "post")); // a kind from the caller
        }
        // The same operations in the same order: equal bit for bit, not only to 1e-6.
        Assert.Equal(texts.Length, identical);
    }

    [Fact]
    public void A_fused_ensemble_of_three_members_gives_the_member_by_member_probabilities()
    {
        var third = SentimentTrainer.TrainPerLanguage([Tiny("ru"), Tiny("en")],
            new TrainingOptions(new FeaturizerOptions(HashBits: 14, CueFeatures: true, Idf: "all"), MaxIterations: 30, L2: 3f));
        var scorer = new PooledSentimentScorer(Plain().WithMembers([WithIdf(), third]));
        Assert.True(scorer.ScoresFused);
        foreach (var text in ManyTexts(200)) Assert.Equal(scorer.ScoreModelMemberByMember(text), scorer.ScoreModel(text));
    }

    [Fact]
    public void Fused_tables_lay_each_bucket_on_one_cache_line_and_refuse_a_first_member_with_idf()
    {
        var plain = Plain();
        var idf = WithIdf();
        var dimension = plain.Featurizer.Options.Dimension;
        var a = LinearWeights.From(plain.Transformers["ru"], dimension)!;
        var b = LinearWeights.From(idf.Transformers["ru"], dimension)!;
        var table = EnsembleWeights.Create([a, b], [null, idf.Featurizer.Idf], dimension);
        Assert.Equal(2, table.Members);
        Assert.Equal(dimension * 32L, table.Bytes); // 2 × (3 weights + idf) × 4 bytes: two buckets per 64-byte line
        Assert.Throws<ArgumentException>(() => EnsembleWeights.Create([b, a], [idf.Featurizer.Idf, null], dimension));
        Assert.Throws<ArgumentException>(() => EnsembleWeights.Create([a], [null], dimension));
        Span<float> p = stackalloc float[6];
        Assert.Throws<IndexOutOfRangeException>(() => table.Predict([dimension], [1f], new float[6]));
        table.Predict([], [], p); // no features: the biases alone, still probabilities
        Assert.Equal(1f, p[0] + p[1] + p[2], 5);
        Assert.Equal(1f, p[3] + p[4] + p[5], 5);
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
