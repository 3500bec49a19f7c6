using System.Text.Json;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;
using Listening.Ml.Tests.Training;

namespace Listening.Ml.Tests.Prediction;

public sealed class NegationScopedVectorsTests
{
    private static readonly TrainingOptions Options =
        new(new FeaturizerOptions(HashBits: 14, CueFeatures: true, Vectors: 8, VectorCountMean: true, VectorSkipNegated: true), MaxIterations: 50);

    private static readonly Lazy<SentimentModel> Model = new(() =>
        SentimentTrainer.TrainPerLanguage([FoldedWordVectorsTests.TinyRussian(), FoldedWordVectorsTests.TinyEnglish()], Options));

    private static float[] Block(TextFeaturizer featurizer, string text)
    {
        var scratch = new FeatureScratch();
        featurizer.Featurize(text, scratch);
        var offset = featurizer.Options.VectorOffset;
        return Enumerable.Range(0, scratch.Count).Where(k => scratch.Indices[k] >= offset).Select(k => scratch.Values[k]).ToArray();
    }

    [Fact]
    public void The_words_a_negator_governs_are_left_out_of_the_mean_and_the_words_said_outright_stay()
    {
        var featurizer = Model.Value.Featurizer;
        var said = Block(featurizer, "отлично");
        Assert.Equal(8, said.Length);
        // «ужасно» and «медленно» are the two words «не» governs: the block is «отлично»'s alone.
        Assert.Equal(said, Block(featurizer, "отлично не ужасно медленно"));
        Assert.Equal(said, Block(featurizer, "Отлично, не ужасно."));
        // The third word after the negator is said outright again.
        Assert.NotEqual(said, Block(featurizer, "отлично не быстро удобно ужасно"));
        // Every known word governed: no block at all, as for a text with no known word.
        Assert.Empty(Block(featurizer, "not terrible"));
        Assert.Empty(Block(featurizer, "don't love"));
    }

    [Fact]
    public void A_negators_scope_ends_at_another_negator_or_a_token_that_is_not_a_word()
    {
        var featurizer = Model.Value.Featurizer;
        var plain = new TextFeaturizer(featurizer.Options with { VectorSkipNegated = false }, featurizer.Idf, featurizer.Vectors);
        // «!» ends the phrase: «ужасно» after it counts, as it does without the setting.
        Assert.Equal(Block(plain, "не ! ужасно"), Block(featurizer, "не ! ужасно"));
        Assert.NotEmpty(Block(featurizer, "не ! ужасно"));
        // Without the setting every known token counts.
        Assert.NotEqual(Block(plain, "отлично не ужасно"), Block(featurizer, "отлично не ужасно"));
    }

    [Fact]
    public void The_vectors_are_still_learnt_from_every_token()
    {
        var featurizer = Model.Value.Featurizer;
        Assert.Equal(4, featurizer.TokenHashes("не ужасно not great").Length);
    }

    [Fact]
    public void The_folded_table_gives_the_dense_blocks_probabilities_to_1e_5_with_negated_words_left_out()
    {
        var scorer = new PooledSentimentScorer(Model.Value);
        Assert.True(scorer.ScoresFoldedVectors);
        string[] texts = [.. EnsembleTests.ManyTexts(400), "", "не ужасно", "отлично, не ужасно медленно", "совсем не отлично ! ужасно",
            "not terrible at all", "I don't love it, rude staff", "Ne mogu skazat, chto uzhasno", "Не могу сказать, что плохо."];
        foreach (var text in texts)
        {
            var (folded, dense) = (scorer.ScoreModel(text), scorer.ScoreModelMemberByMember(text));
            Assert.Equal(dense.Negative, folded.Negative, 1e-5);
            Assert.Equal(dense.Neutral, folded.Neutral, 1e-5);
            Assert.Equal(dense.Positive, folded.Positive, 1e-5);
        }
        // The ML.NET engine reads the same dense block.
        // Texts NegatedComplaint leaves as they are: ScoreWithEngine reads its text unchanged, ScoreModel after the rewrites.
        foreach (var text in new[] { "отлично не грубо", "not noisy, great", "rude staff" })
            Assert.Equal(scorer.ScoreWithEngine(text).Positive, scorer.ScoreModel(text).Positive, 1e-5);
    }

    [Fact]
    public void A_joint_model_of_one_language_key_folds_its_block_as_well()
    {
        // Train (not per language): one model for every language, so the folded table holds one language's scores.
        var joint = SentimentTrainer.Train([FoldedWordVectorsTests.TinyRussian(), FoldedWordVectorsTests.TinyEnglish()], Options);
        var scorer = new PooledSentimentScorer(joint);
        Assert.True(scorer.ScoresFoldedVectors);
        foreach (var text in new[] { "отлично не ужасно", "not terrible, great", "rude staff", "во сколько", "" })
            Assert.Equal(scorer.ScoreModelMemberByMember(text).Positive, scorer.ScoreModel(text).Positive, 1e-5);
    }

    [Fact]
    public void The_setting_is_written_only_when_set_and_a_model_with_it_round_trips_and_trains_to_the_same_bytes()
    {
        Assert.DoesNotContain("VectorSkipNegated", JsonSerializer.Serialize(new FeaturizerOptions(Vectors: 100, VectorCountMean: true)));
        Assert.Contains("\"VectorSkipNegated\":true", JsonSerializer.Serialize(Options.Featurizer));
        var dir = Directory.CreateTempSubdirectory("listening-negscope-").FullName;
        try
        {
            Model.Value.Save(Path.Combine(dir, "a.zip"));
            SentimentTrainer.TrainPerLanguage([FoldedWordVectorsTests.TinyRussian(), FoldedWordVectorsTests.TinyEnglish()], Options).Save(Path.Combine(dir, "b.zip"));
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.zip")), File.ReadAllBytes(Path.Combine(dir, "b.zip")));
            var loaded = SentimentModel.Load(Path.Combine(dir, "a.zip"));
            Assert.True(loaded.Featurizer.Options.VectorSkipNegated);
            Assert.Equal(new PooledSentimentScorer(Model.Value).ScoreModel("отлично не ужасно"), new PooledSentimentScorer(loaded).ScoreModel("отлично не ужасно"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
