using System.Text.Json;
using Listening.Core.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;
using Listening.Ml.Tests.Training;

namespace Listening.Ml.Tests.Prediction;

public sealed class FoldedWordVectorsTests
{
    private static readonly TrainingOptions Options =
        new(new FeaturizerOptions(HashBits: 14, CueFeatures: true, Vectors: 8, VectorCountMean: true), MaxIterations: 50);

    private static readonly Lazy<SentimentModel> Model = new(() => SentimentTrainer.TrainPerLanguage([TinyRussian(), TinyEnglish()], Options));

    [Fact]
    public void A_count_mean_block_is_the_plain_mean_of_the_known_words_vectors()
    {
        var model = Model.Value;
        var vectors = model.Featurizer.Vectors!;
        var options = model.Featurizer.Options;
        var scratch = new FeatureScratch();
        // Two known words and one the table never saw: the unknown one does not count.
        model.Featurizer.Featurize("отлично спасибо абракадабра", scratch);
        var dense = Enumerable.Range(0, scratch.Count).Where(k => scratch.Indices[k] >= options.VectorOffset).Select(k => scratch.Values[k]).ToArray();
        Assert.Equal(8, dense.Length);
        var a = vectors.Vector(vectors.IndexOf(model.Featurizer.TokenHashes("отлично")[0]));
        var b = vectors.Vector(vectors.IndexOf(model.Featurizer.TokenHashes("спасибо")[0]));
        for (var d = 0; d < 8; d++) Assert.Equal((a[d] + b[d]) / 127.0 / 2, dense[d], 1e-6);
        // Not normalised to 1 (the mean of two different unit vectors is shorter).
        Assert.True(Math.Sqrt(dense.Sum(x => x * (double)x)) < 0.999);
    }

    [Fact]
    public void The_folded_table_gives_the_dense_blocks_probabilities_to_1e_5_on_hundreds_of_texts()
    {
        var scorer = new PooledSentimentScorer(Model.Value);
        Assert.True(scorer.ScoresFromWeights);
        Assert.True(scorer.ScoresFoldedVectors);
        string[] texts = [.. EnsembleTests.ManyTexts(400), "", "абракадабра", "Uzhasnyi servis, nikomu ne sovetuyu", "great, love it 😍"];
        foreach (var text in texts)
        {
            // Folded (ScoreModel) against the block read as dense features (the member-by-member path).
            var (folded, dense) = (scorer.ScoreModel(text), scorer.ScoreModelMemberByMember(text));
            Assert.Equal(dense.Negative, folded.Negative, 1e-5);
            Assert.Equal(dense.Neutral, folded.Neutral, 1e-5);
            Assert.Equal(dense.Positive, folded.Positive, 1e-5);
            var post = (scorer.ScoreModel(text, "post"), scorer.ScoreModelMemberByMember(text, "post"));
            Assert.Equal(post.Item2.Positive, post.Item1.Positive, 1e-5);
        }
    }

    [Fact]
    public void The_folded_block_is_each_known_words_own_scores_summed_in_token_order_bit_for_bit()
    {
        // The reference: the hashed features as the dense path makes them, plus the mean of each known token's folded scores
        // (WordVectors.Fold over the weights ML.NET reports) summed in double in token order — the arithmetic the folded table
        // must reproduce exactly, whatever its layout (round 15: one table a language, the language decided first).
        var model = Model.Value;
        var scorer = new PooledSentimentScorer(model);
        var featurizer = model.Featurizer;
        var (vectors, options) = (featurizer.Vectors!, featurizer.Options);
        var folds = model.Transformers.ToDictionary(kv => kv.Key, kv => vectors.Fold(DenseWeights(kv.Value, options.Dimension), options.VectorOffset, 3));
        var weights = model.Transformers.ToDictionary(kv => kv.Key, kv => LinearWeights.From(kv.Value, options.Dimension)!);
        var scratch = new FeatureScratch();
        var q = new float[3];
        string[] texts = [.. EnsembleTests.ManyTexts(400), "", "абракадабра", "Uzhasnyi servis, nikomu ne sovetuyu", "не плохо, not bad at all"];
        foreach (var original in texts)
        {
            var text = Transliteration.LooksLikeRussian(original) ? Transliteration.ToCyrillic(original) : original;
            text = NegatedComplaint.Rewrite(AbsentComplaint.Rewrite(HedgedNegation.Rewrite(text)));
            var language = model.LanguageFor(text);
            double negative = 0, neutral = 0, positive = 0;
            var known = 0;
            foreach (var token in featurizer.TokenHashes(text))
            {
                var index = vectors.IndexOf(token);
                if (index < 0) continue;
                known++;
                negative += folds[language][3 * index];
                neutral += folds[language][3 * index + 1];
                positive += folds[language][3 * index + 2];
            }
            featurizer.FeaturizeUnordered(text, scratch);
            var hashed = known > 0 ? scratch.Count - vectors.Dimensions : scratch.Count; // without the dense block it appended
            var extra = known > 0 ? (negative / known, neutral / known, positive / known) : (0d, 0d, 0d);
            weights[language].Predict(scratch.Indices.AsSpan(0, hashed), scratch.Values.AsSpan(0, hashed), extra, q);
            ProbabilityCalibration.Apply(model.Calibration.For(language, text), q);
            var folded = scorer.ScoreModel(original);
            Assert.Equal(q[0], folded.Negative);
            Assert.Equal(q[1], folded.Neutral);
            Assert.Equal(q[2], folded.Positive);
        }
    }

    private static float[] DenseWeights(Microsoft.ML.ITransformer transformer, int dimension)
    {
        var parameters = (MaximumEntropyModelParameters)((ISingleFeaturePredictionTransformer<object>)transformer).Model;
        VBuffer<float>[] perClass = [];
        parameters.GetWeights(ref perClass, out var classes);
        var dense = new float[dimension * classes];
        for (var c = 0; c < classes; c++)
            foreach (var (index, value) in perClass[c].Items()) dense[index * classes + c] = value;
        return dense;
    }

    [Fact]
    public void The_folded_block_moves_the_probabilities_as_the_dense_block_does()
    {
        var model = Model.Value;
        var scorer = new PooledSentimentScorer(model);
        var zeroed = new PooledSentimentScorer(model.WithFeaturizer(model.Featurizer.WithVectors(model.Featurizer.Vectors!.Zeroed())));
        Assert.True(zeroed.ScoresFoldedVectors);
        string[] texts = ["отлично спасибо", "ужасно медленно", "адрес пункта", "great, love it", "rude staff", "what time"];
        Assert.Contains(texts, t => Math.Abs(scorer.ScoreModel(t).Positive - zeroed.ScoreModel(t).Positive) > 1e-3);
        // The ML.NET engine reads the dense block from the vector (these texts need none of the scorer's rewrites).
        foreach (var text in texts) Assert.Equal(scorer.ScoreWithEngine(text).Positive, scorer.ScoreModel(text).Positive, 1e-5);
        foreach (var text in texts) Assert.Equal(zeroed.ScoreModelMemberByMember(text).Positive, zeroed.ScoreModel(text).Positive, 1e-5);
    }

    [Fact]
    public void The_count_mean_setting_is_written_only_when_set_and_a_model_with_it_round_trips()
    {
        Assert.DoesNotContain("VectorCountMean", JsonSerializer.Serialize(new FeaturizerOptions(Vectors: 100)));
        Assert.Contains("\"VectorCountMean\":true", JsonSerializer.Serialize(new FeaturizerOptions(Vectors: 100, VectorCountMean: true)));
        var dir = Directory.CreateTempSubdirectory("listening-folded-").FullName;
        try
        {
            var path = Path.Combine(dir, "m.zip");
            Model.Value.Save(path);
            var loaded = SentimentModel.Load(path);
            Assert.True(loaded.Featurizer.Options.VectorCountMean);
            Assert.True(new PooledSentimentScorer(loaded).ScoresFoldedVectors);
            Assert.Equal(new PooledSentimentScorer(Model.Value).ScoreModel("отлично спасибо"), new PooledSentimentScorer(loaded).ScoreModel("отлично спасибо"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Training_with_a_count_mean_block_twice_writes_identical_model_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("listening-folded-").FullName;
        try
        {
            SentimentTrainer.TrainPerLanguage([TinyRussian(), TinyEnglish()], Options).Save(Path.Combine(dir, "a.zip"));
            SentimentTrainer.TrainPerLanguage([TinyRussian(), TinyEnglish()], Options).Save(Path.Combine(dir, "b.zip"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.zip")), File.ReadAllBytes(Path.Combine(dir, "b.zip")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_model_with_an_l2_normalised_block_keeps_reading_it_as_dense_features()
    {
        var model = SentimentTrainer.TrainPerLanguage([TinyRussian(), TinyEnglish()],
            Options with { Featurizer = Options.Featurizer with { VectorCountMean = false } });
        Assert.False(new PooledSentimentScorer(model).ScoresFoldedVectors);
    }

    internal static Listening.Ml.Data.Dataset TinyEnglish() => TinyDatasets.Build("tiny_en", "en", "e", 40,
        ["great", "love it", "thank you", "excellent", "fast delivery", "nice staff"],
        ["terrible", "awful service", "refund please", "broken again", "so slow", "rude staff"],
        ["opening hours", "address", "where is it", "order number", "which gate", "what time"]);

    internal static Listening.Ml.Data.Dataset TinyRussian() => TinyDatasets.Build("tiny", "ru", "", 40,
        ["отлично", "спасибо", "супер", "быстро и удобно", "вежливый курьер", "всё понравилось"],
        ["ужасно", "медленно", "верните деньги", "опять сломалось", "грубый курьер", "всё плохо"],
        ["адрес пункта", "часы работы", "где находится", "номер заказа", "какой вход", "во сколько"]);
}
