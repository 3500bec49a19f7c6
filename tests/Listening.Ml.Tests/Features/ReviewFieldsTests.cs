using System.Text.Json;
using Listening.Core.Sentiment;
using Listening.Ml.Features;
using Listening.Ml.Prediction;
using Listening.Ml.Training;
using Listening.Ml.Tests.Training;

namespace Listening.Ml.Tests.Features;

/// <summary>Round 17: a structured review's fields read as what they are (<see cref="FeaturizerOptions.ReviewFields"/>).</summary>
public class ReviewFieldsTests
{
    private static (ReviewFieldKind Kind, string Text)[] Fields(string text) =>
        ReviewFields.Find(text).Select(f => (f.Kind, text[f.Start..f.End].Trim())).ToArray();

    [Fact]
    public void A_russian_review_sites_headings_split_the_title_the_lists_and_the_body_a_lost_line_break_ran_into()
    {
        var fields = Fields("ДЕНЬГИ ИЗ ВОЗДУХА. Достоинства: нет Недостатки: неделю без денег В пятницу банк заблокировал карту.");
        Assert.Equal(
            [(ReviewFieldKind.Lead, "ДЕНЬГИ ИЗ ВОЗДУХА."), (ReviewFieldKind.Pros, "нет"), (ReviewFieldKind.Cons, "неделю без денег"),
             (ReviewFieldKind.Body, "В пятницу банк заблокировал карту.")], fields);
    }

    [Fact]
    public void The_last_list_ends_at_its_first_sentence_end_and_an_acronym_does_not_end_it()
    {
        var fields = Fields("Плюсы: удобное приложение Минусы: смс от ВТБ платные. Пользуюсь банком с 2021 года.");
        Assert.Equal((ReviewFieldKind.Cons, "смс от ВТБ платные."), fields[1]);
        Assert.Equal((ReviewFieldKind.Body, "Пользуюсь банком с 2021 года."), fields[2]);
    }

    [Fact]
    public void English_headings_in_any_case_with_a_colon_or_a_line_end_are_found_and_a_comment_field_runs_to_the_end()
    {
        var fields = Fields("PROS : fast delivery, fair price\nCons\nnone\nSummary: Would buy again. Great seller.");
        Assert.Equal(
            [(ReviewFieldKind.Pros, "fast delivery, fair price"), (ReviewFieldKind.Cons, "none"),
             (ReviewFieldKind.Comment, "Would buy again. Great seller.")], fields);
    }

    [Theory]
    [InlineData("Курьер опоздал на час, суп остыл")]
    [InlineData("Итог: ужасный сервис, больше не закажу")] // a comment heading alone is an ordinary phrase
    [InlineData("Плюсы книги в том, что она короткая")] // no colon: not a heading
    [InlineData("The cons outweigh the pros, sadly")]
    [InlineData("Отзывчивые сотрудники: всё объяснили")] // a heading word only as a whole word
    public void A_text_without_a_pros_or_cons_heading_has_no_fields(string text) => Assert.Empty(ReviewFields.Find(text));

    private static readonly FeaturizerOptions Shipped = new(HashBits: 20, CueFeatures: true, Vectors: 100, VectorCountMean: true, VectorSkipNegated: true, VectorSkipNegators: true, VectorVocabulary: 20000);

    [Theory]
    [InlineData("Курьер опоздал на час, суп остыл")]
    [InlineData("Итог: ужасный сервис, больше не закажу :(")]
    [InlineData("The cons outweigh the pros, sadly. Not bad at all though!!!")]
    [InlineData("")]
    public void A_text_without_headings_featurises_exactly_as_without_the_option(string text)
    {
        var off = new TextFeaturizer(Shipped);
        var on = new TextFeaturizer(Shipped with { ReviewFields = true });
        var a = off.Featurize(text);
        var b = on.Featurize(text);
        Assert.Equal(a.GetIndices().ToArray(), b.GetIndices().ToArray());
        Assert.Equal(a.GetValues().ToArray(), b.GetValues().ToArray());
        Assert.Equal(off.TokenHashes(text), on.TokenHashes(text));
    }

    [Fact]
    public void The_word_vectors_are_learnt_from_a_structured_review_as_written()
    {
        const string text = "Достоинства: нет Недостатки: неделю без денег В пятницу банк заблокировал карту.";
        Assert.Equal(new TextFeaturizer(Shipped).TokenHashes(text), new TextFeaturizer(Shipped with { ReviewFields = true }).TokenHashes(text));
    }

    [Fact]
    public void The_word_нет_under_the_cons_is_not_the_word_нет_nor_the_same_word_under_the_pros()
    {
        var featurizer = new TextFeaturizer(Shipped with { ReviewFields = true });
        var plain = Ngrams(featurizer, "нет");
        var cons = Ngrams(featurizer, "Недостатки: нет");
        var pros = Ngrams(featurizer, "Достоинства: нет");
        Assert.NotEmpty(plain);
        Assert.Equal(plain.Length, cons.Length); // the unigram and its character n-grams, the heading not among them
        Assert.Empty(plain.Intersect(cons));
        Assert.Empty(plain.Intersect(pros));
        Assert.Empty(cons.Intersect(pros));
        // The heading is read as the field, not as a word: the same text without the option has the unigram «недостатки».
        var withoutOption = Ngrams(new TextFeaturizer(Shipped), "Недостатки: нет");
        Assert.NotEqual(withoutOption, cons);
    }

    [Fact]
    public void A_list_that_says_nothing_reads_apart_from_a_list_that_says_something()
    {
        var featurizer = new TextFeaturizer(Shipped with { ReviewFields = true });
        // "Cons: none" and "Cons: -" share the "says nothing" feature; "Cons: slow" does not have it.
        var none = Indices(featurizer, "Pros: fast. Cons: none");
        var dash = Indices(featurizer, "Pros: fast. Cons: -");
        var slow = Indices(featurizer, "Pros: fast. Cons: slow");
        var shared = none.Intersect(dash).Except(slow).ToArray();
        Assert.NotEmpty(shared);
    }

    [Fact]
    public void A_structured_review_featurises_the_same_sorted_and_unordered()
    {
        var featurizer = new TextFeaturizer(Shipped with { ReviewFields = true });
        const string text = "Банк \"ВТБ\" - Неплохой банк. Достоинства: Удобное приложение. Помощь в тех поддержке. Недостатки: Платное оповещение по смс Пользовалась услугами данного банка не долго. Хотелось бы лучше.";
        var sorted = new FeatureScratch();
        var unordered = new FeatureScratch();
        featurizer.Featurize(text, sorted);
        featurizer.FeaturizeUnordered(text, unordered);
        var a = sorted.Indices[..sorted.Count].Zip(sorted.Values[..sorted.Count]).ToArray();
        var b = unordered.Indices[..unordered.Count].Zip(unordered.Values[..unordered.Count]).OrderBy(p => p.First).ToArray();
        Assert.Equal(a.Select(p => p.First), b.Select(p => p.First));
        Assert.Equal(a.Select(p => p.Second), b.Select(p => p.Second));
    }

    [Fact]
    public void The_setting_is_written_only_when_set_and_a_model_trained_with_it_reads_it_back_from_its_featurizer_json()
    {
        // An older model's settings have no such field: they read as off, and write back the same.
        var older = JsonSerializer.Serialize(Shipped);
        Assert.DoesNotContain("ReviewFields", older);
        Assert.False(JsonSerializer.Deserialize<FeaturizerOptions>(older)!.ReviewFields);
        var options = new TrainingOptions(new FeaturizerOptions(HashBits: 14, CueFeatures: true, ReviewFields: true), MaxIterations: 50);
        Assert.Contains("\"ReviewFields\":true", JsonSerializer.Serialize(options.Featurizer));
        var data = TinyDatasets.Build("tiny_reviews_ru", "ru", "tr_", 20,
            ["Достоинства: быстро, удобно Недостатки: нет", "Плюсы: отлично Минусы: нет"],
            ["Достоинства: нет Недостатки: ужасно, медленно", "Плюсы: нет Минусы: обман"],
            ["адрес пункта", "режим работы офиса"]);
        var dir = Directory.CreateTempSubdirectory("listening-fields-").FullName;
        try
        {
            var path = Path.Combine(dir, "m.zip");
            var model = SentimentTrainer.Train([data], options);
            model.Save(path);
            var loaded = SentimentModel.Load(path);
            Assert.True(loaded.Featurizer.Options.ReviewFields);
            Assert.Equal(options.Featurizer with { CharNgramLengths = null }, loaded.Featurizer.Options with { CharNgramLengths = null });
            var text = "Достоинства: нет Недостатки: обман";
            Assert.Equal(new PooledSentimentScorer(model).Score(text), new PooledSentimentScorer(loaded).Score(text));
            Assert.Equal(SentimentLabel.Negative, new PooledSentimentScorer(loaded).Score(text).Label);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int[] Indices(TextFeaturizer featurizer, string text) => featurizer.Featurize(text).GetIndices().ToArray();

    private static uint[] Ngrams(TextFeaturizer featurizer, string text)
    {
        featurizer.CollectRaw(text, new FeatureScratch(), out var ngrams, out _);
        return ngrams.ToArray().Distinct().ToArray();
    }
}
