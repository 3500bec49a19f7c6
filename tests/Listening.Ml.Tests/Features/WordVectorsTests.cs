using System.Security.Cryptography;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;
using Listening.Ml.Tests.Training;

namespace Listening.Ml.Tests.Features;

public sealed class WordVectorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-vectors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly TextFeaturizer Plain = new(new FeaturizerOptions(HashBits: 14));

    // "шикарный" and "отличный" are used in the same contexts, "сломанный" in others.
    private static IEnumerable<string> Corpus()
    {
        string[] good = ["отличный", "шикарный"], bad = ["сломанный", "грязный"];
        string[] goodContext = ["сервис и быстрая доставка", "магазин вежливый персонал", "выбор цены радуют"];
        string[] badContext = ["телефон верните деньги", "пакет курьер опоздал", "экран поддержка молчит"];
        for (var i = 0; i < 60; i++)
        {
            yield return $"очень {good[i % 2]} {goodContext[i % 3]}";
            yield return $"совсем {bad[i % 2]} {badContext[i % 3]}";
        }
    }

    private static float Cosine(WordVectors vectors, string a, string b)
    {
        var x = vectors.Vector(vectors.IndexOf(Plain.TokenHashes(a)[0]));
        var y = vectors.Vector(vectors.IndexOf(Plain.TokenHashes(b)[0]));
        float dot = 0, nx = 0, ny = 0;
        for (var d = 0; d < x.Length; d++) { dot += x[d] * y[d]; nx += x[d] * x[d]; ny += y[d] * y[d]; }
        return dot / MathF.Sqrt(nx * ny);
    }

    [Fact]
    public void Words_used_in_the_same_contexts_get_nearer_vectors_than_words_used_in_others()
    {
        var vectors = WordVectors.Fit(Corpus().Select(Plain.TokenHashes), 8);
        Assert.True(Cosine(vectors, "шикарный", "отличный") > Cosine(vectors, "шикарный", "сломанный") + 0.3f);
        Assert.True(Cosine(vectors, "сломанный", "грязный") > Cosine(vectors, "сломанный", "отличный") + 0.3f);
        Assert.Equal(-1, vectors.IndexOf(Plain.TokenHashes("никогданевстречалось")[0]));
    }

    [Fact]
    public void The_table_round_trips_through_its_bytes_and_is_the_same_when_learnt_twice()
    {
        var first = WordVectors.Fit(Corpus().Select(Plain.TokenHashes), 8).ToBytes();
        var second = WordVectors.Fit(Corpus().Select(Plain.TokenHashes), 8).ToBytes();
        Assert.Equal(first, second);
        Assert.Equal(first, WordVectors.FromBytes(first, 8).ToBytes());
        Assert.Throws<InvalidDataException>(() => WordVectors.FromBytes(first, 16));
    }

    [Fact]
    public void A_text_gets_its_mean_word_vector_as_a_dense_block_after_the_hashed_features()
    {
        var options = new FeaturizerOptions(HashBits: 14, Vectors: 8);
        var featurizer = new TextFeaturizer(options).WithVectors(WordVectors.Fit(Corpus().Select(Plain.TokenHashes), 8));
        var scratch = new FeatureScratch();
        featurizer.Featurize("очень шикарный сервис", scratch);
        var dense = Enumerable.Range(0, scratch.Count).Where(k => scratch.Indices[k] >= options.VectorOffset).ToList();
        Assert.Equal(8, dense.Count);
        Assert.Equal(Enumerable.Range(options.VectorOffset, 8), dense.Select(k => scratch.Indices[k]));
        Assert.Equal(1.0, Math.Sqrt(dense.Sum(k => scratch.Values[k] * (double)scratch.Values[k])), 4);
        Assert.Equal(1 << 14, options.VectorOffset);
        Assert.Equal((1 << 14) + 8, options.Dimension);
        // No known word: no dense block.
        featurizer.Featurize("абракадабра", scratch);
        Assert.DoesNotContain(Enumerable.Range(0, scratch.Count), k => scratch.Indices[k] >= options.VectorOffset);
    }

    [Fact]
    public void Clustered_words_add_their_cluster_as_a_feature_and_the_clusters_round_trip()
    {
        var vectors = WordVectors.Fit(Corpus().Select(Plain.TokenHashes), 8).WithClusters(4);
        Assert.Equal(4, vectors.ClusterCount);
        int ClusterOf(string word) => vectors.Cluster(vectors.IndexOf(Plain.TokenHashes(word)[0]));
        Assert.Equal(ClusterOf("шикарный"), ClusterOf("отличный"));
        Assert.NotEqual(ClusterOf("шикарный"), ClusterOf("сломанный"));
        var bytes = vectors.ToBytes();
        Assert.Equal(bytes, WordVectors.FromBytes(bytes, 8).ToBytes());
        Assert.Equal(bytes, WordVectors.Fit(Corpus().Select(Plain.TokenHashes), 8).WithClusters(4).ToBytes());

        var options = new FeaturizerOptions(HashBits: 14, Vectors: 8, VectorClusters: 4);
        var clustered = new TextFeaturizer(options).WithVectors(vectors);
        var scratch = new FeatureScratch();
        clustered.CollectRaw("шикарный абракадабра", scratch, out var withClusters, out _);
        var count = withClusters.Length;
        Plain.CollectRaw("шикарный абракадабра", scratch, out var without, out _);
        Assert.Equal(without.Length + 1, count); // one known word, one cluster feature
        // Clusters only: no dense block.
        var clustersOnly = options with { ClustersOnly = true };
        Assert.Equal(clustersOnly.VectorOffset, clustersOnly.Dimension);
        new TextFeaturizer(clustersOnly).WithVectors(vectors).Featurize("шикарный", scratch);
        Assert.DoesNotContain(Enumerable.Range(0, scratch.Count), k => scratch.Indices[k] >= clustersOnly.VectorOffset);
    }

    private static readonly TrainingOptions Options = new(new FeaturizerOptions(HashBits: 14, CueFeatures: true, Vectors: 8), MaxIterations: 50);

    [Fact]
    public void Training_with_word_vectors_twice_writes_identical_model_bytes()
    {
        var first = Path.Combine(_dir, "a.zip");
        var second = Path.Combine(_dir, "b.zip");
        SentimentTrainer.TrainPerLanguage([TinyRussian(), TinyEnglish()], Options).Save(first);
        SentimentTrainer.TrainPerLanguage([TinyRussian(), TinyEnglish()], Options).Save(second);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(first)), SHA256.HashData(File.ReadAllBytes(second)));
    }

    [Fact]
    public void A_model_with_word_vectors_round_trips_byte_for_byte_and_its_predictions_use_them()
    {
        var path = Path.Combine(_dir, "v.zip");
        var again = Path.Combine(_dir, "v-again.zip");
        SentimentTrainer.TrainPerLanguage([TinyRussian(), TinyEnglish()], Options).Save(path);
        var model = SentimentModel.Load(path);
        Assert.NotNull(model.Featurizer.Vectors);
        Assert.True(model.Featurizer.Vectors!.Count > 0);
        model.Save(again);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));

        var scorer = new PooledSentimentScorer(model);
        Assert.True(scorer.ScoresFromWeights);
        var zeroed = new PooledSentimentScorer(model.WithFeaturizer(model.Featurizer.WithVectors(model.Featurizer.Vectors.Zeroed())));
        string[] texts = ["отлично спасибо", "ужасно медленно", "адрес пункта", "great, love it", "rude staff", "what time"];
        // The direct path and the engine agree with the dense block in the vector …
        foreach (var text in texts)
            Assert.Equal(scorer.ScoreWithEngine(text).Positive, scorer.ScoreModel(text).Positive, 4);
        // … and the block moves the probabilities.
        Assert.Contains(texts, t => Math.Abs(scorer.ScoreModel(t).Positive - zeroed.ScoreModel(t).Positive) > 1e-3);
    }

    private static Listening.Ml.Data.Dataset TinyEnglish() => TinyDatasets.Build("tiny_en", "en", "e", 40,
        ["great", "love it", "thank you", "excellent", "fast delivery", "nice staff"],
        ["terrible", "awful service", "refund please", "broken again", "so slow", "rude staff"],
        ["opening hours", "address", "where is it", "order number", "which gate", "what time"]);

    private static Listening.Ml.Data.Dataset TinyRussian() => TinyDatasets.Build("tiny", "ru", "", 40,
        ["отлично", "спасибо", "супер", "быстро и удобно", "вежливый курьер", "всё понравилось"],
        ["ужасно", "медленно", "верните деньги", "опять сломалось", "грубый курьер", "всё плохо"],
        ["адрес пункта", "часы работы", "где находится", "номер заказа", "какой вход", "во сколько"]);
}
