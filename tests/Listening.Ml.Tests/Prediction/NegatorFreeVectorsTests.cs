using System.Text.Json;
using Listening.Ml.Data;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;
using Listening.Ml.Tests.Training;

namespace Listening.Ml.Tests.Prediction;

/// <summary>Round 14: the negators left out of the count-mean block (<see cref="FeaturizerOptions.VectorSkipNegators"/>) and a smaller vector table (<see cref="FeaturizerOptions.VectorVocabulary"/>).</summary>
public sealed class NegatorFreeVectorsTests
{
    private static readonly TrainingOptions Options =
        new(new FeaturizerOptions(HashBits: 14, CueFeatures: true, Vectors: 8, VectorCountMean: true, VectorSkipNegated: true, VectorSkipNegators: true, VectorVocabulary: 60), MaxIterations: 50);

    // The negators occur often enough here (≥ 5 times) to get a vector of their own, so leaving them out is visible.
    private static Dataset Russian() => TinyDatasets.Build("tiny_neg", "ru", "", 40,
        ["отлично", "спасибо", "нет проблем", "быстро и удобно", "не подвели", "всё понравилось"],
        ["ужасно", "медленно", "не работает", "нет ответа", "грубый курьер", "всё плохо"],
        ["адрес пункта", "часы работы", "где находится", "номер заказа", "какой вход", "во сколько"]);

    private static Dataset English() => TinyDatasets.Build("tiny_neg_en", "en", "e", 40,
        ["great", "love it", "no problems", "excellent", "not bad", "nice staff"],
        ["terrible", "awful service", "not working", "no reply", "so slow", "rude staff"],
        ["opening hours", "address", "where is it", "order number", "which gate", "what time"]);

    private static readonly Lazy<SentimentModel> Model = new(() => SentimentTrainer.TrainPerLanguage([Russian(), English()], Options));

    private static float[] Block(TextFeaturizer featurizer, string text)
    {
        var scratch = new FeatureScratch();
        featurizer.Featurize(text, scratch);
        var offset = featurizer.Options.VectorOffset;
        return Enumerable.Range(0, scratch.Count).Where(k => scratch.Indices[k] >= offset).Select(k => scratch.Values[k]).ToArray();
    }

    private static TextFeaturizer With(Func<FeaturizerOptions, FeaturizerOptions> change)
    {
        var featurizer = Model.Value.Featurizer;
        return new TextFeaturizer(change(featurizer.Options), featurizer.Idf, featurizer.Vectors);
    }

    private static bool Known(string word)
    {
        var featurizer = Model.Value.Featurizer;
        return featurizer.Vectors!.IndexOf(featurizer.TokenHashes(word)[0]) >= 0;
    }

    [Fact]
    public void A_negator_and_the_words_it_governs_add_nothing_to_the_mean()
    {
        Assert.True(Known("не") && Known("нет") && Known("not") && Known("no"));
        var featurizer = Model.Value.Featurizer;
        Assert.Empty(Block(featurizer, "не работает"));
        Assert.Empty(Block(featurizer, "Нет ответа."));
        Assert.Empty(Block(featurizer, "not working"));
        Assert.Empty(Block(featurizer, "нет"));
        // What is said outright keeps its block, negated phrase or not.
        var said = Block(featurizer, "отлично");
        Assert.Equal(8, said.Length);
        Assert.Equal(said, Block(featurizer, "отлично не работает"));
        Assert.Equal(said, Block(featurizer, "Отлично, нет проблем."));
    }

    [Fact]
    public void Without_the_setting_the_negator_counts_as_round_13_read_it()
    {
        var round13 = With(o => o with { VectorSkipNegators = false });
        Assert.NotEmpty(Block(round13, "не работает"));
        Assert.Equal(Block(round13, "не"), Block(round13, "не работает"));
    }

    [Fact]
    public void The_negators_can_be_left_out_alone_and_the_words_they_govern_then_count()
    {
        var negatorsOnly = With(o => o with { VectorSkipNegated = false });
        Assert.Equal(Block(negatorsOnly, "работает"), Block(negatorsOnly, "не работает"));
        Assert.Equal(Block(negatorsOnly, "working"), Block(negatorsOnly, "don't working"));
        Assert.NotEmpty(Block(negatorsOnly, "не работает"));
    }

    [Fact]
    public void The_vectors_are_still_learnt_from_every_token_the_negators_included()
    {
        Assert.Equal(4, Model.Value.Featurizer.TokenHashes("не работает not bad").Length);
    }

    [Fact]
    public void The_folded_table_gives_the_dense_blocks_probabilities_to_1e_5_with_negated_phrases_left_out()
    {
        var scorer = new PooledSentimentScorer(Model.Value);
        Assert.True(scorer.ScoresFoldedVectors);
        string[] texts = [.. EnsembleTests.ManyTexts(300), "", "не", "нет", "не работает", "отлично, не работает", "нет ответа ! ужасно",
            "not bad at all", "I don't love it, rude staff", "no problems", "Не могу сказать, что плохо.", "Нареканий к мастеру нет."];
        foreach (var text in texts)
        {
            var (folded, dense) = (scorer.ScoreModel(text), scorer.ScoreModelMemberByMember(text));
            Assert.Equal(dense.Negative, folded.Negative, 1e-5);
            Assert.Equal(dense.Neutral, folded.Neutral, 1e-5);
            Assert.Equal(dense.Positive, folded.Positive, 1e-5);
        }
        // Texts NegatedComplaint leaves as they are: ScoreWithEngine reads its text unchanged, ScoreModel after the rewrites.
        foreach (var text in new[] { "отлично не работает", "not noisy, great", "no reply" })
            Assert.Equal(scorer.ScoreWithEngine(text).Positive, scorer.ScoreModel(text).Positive, 1e-5);
    }

    [Fact]
    public void A_smaller_vocabulary_keeps_the_most_frequent_words()
    {
        var featurizer = Model.Value.Featurizer;
        var texts = new[] { Russian(), English() }.SelectMany(d => d.Rows).Select(r => featurizer.TokenHashes(r.Text)).ToArray();
        var full = WordVectors.Fit(texts, 8);
        var small = WordVectors.Fit(texts, 8, maxVocabulary: 10);
        Assert.True(full.Count > 10);
        Assert.Equal(10, small.Count);
        for (var w = 0; w < small.Count; w++) Assert.Equal(full.Key(w), small.Key(w));
        // The model's own table holds at most its VectorVocabulary words.
        Assert.True(featurizer.Vectors!.Count <= 60);
        Assert.Equal(60, featurizer.Options.VectorWords);
        Assert.Equal(WordVectors.MaxVocabulary, new FeaturizerOptions(Vectors: 100).VectorWords);
    }

    [Fact]
    public void The_settings_are_written_only_when_set_so_older_settings_keep_their_bytes()
    {
        var round13 = JsonSerializer.Serialize(new FeaturizerOptions(Vectors: 100, VectorCountMean: true, VectorSkipNegated: true));
        Assert.DoesNotContain("VectorSkipNegators", round13);
        Assert.DoesNotContain("VectorVocabulary", round13);
        var written = JsonSerializer.Serialize(Options.Featurizer);
        Assert.Contains("\"VectorSkipNegators\":true", written);
        Assert.Contains("\"VectorVocabulary\":60", written);
        Assert.Equal(Options.Featurizer.VectorVocabulary, JsonSerializer.Deserialize<FeaturizerOptions>(written)!.VectorVocabulary);
    }

    [Fact]
    public void A_model_with_the_settings_round_trips_and_trains_to_the_same_bytes()
    {
        var dir = Directory.CreateTempSubdirectory("listening-negators-").FullName;
        try
        {
            Model.Value.Save(Path.Combine(dir, "a.zip"));
            SentimentTrainer.TrainPerLanguage([Russian(), English()], Options).Save(Path.Combine(dir, "b.zip"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.zip")), File.ReadAllBytes(Path.Combine(dir, "b.zip")));
            var loaded = SentimentModel.Load(Path.Combine(dir, "a.zip"));
            Assert.True(loaded.Featurizer.Options.VectorSkipNegators);
            Assert.Equal(60, loaded.Featurizer.Options.VectorVocabulary);
            Assert.Equal(new PooledSentimentScorer(Model.Value).ScoreModel("отлично не работает"), new PooledSentimentScorer(loaded).ScoreModel("отлично не работает"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
