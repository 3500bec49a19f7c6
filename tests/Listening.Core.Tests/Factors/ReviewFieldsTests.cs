using Listening.Core.Factors;
using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 17: the fields of a structured review («Достоинства: … Недостатки: …», «Плюсы: … Минусы: …», "Pros: … Cons: …") put a
/// bare list under them on their side; a field with nothing listed judges nothing; a part with opinion words of its own keeps
/// them (<see cref="ReviewFields"/>). Sentences are our own.
/// </summary>
public class ReviewFieldsTests
{
    private static SentimentLabel LabelOf(string text, string factor) => Default.Extract(text).Single(m => m.Factor == factor).Label;

    [Theory]
    [InlineData("Достоинства: доставка, цены.")]
    [InlineData("Плюсы: доставка, цены")]
    [InlineData("Pros: delivery, prices.")]
    [InlineData("Advantages: delivery, prices")]
    public void A_factor_listed_under_the_pros_without_an_opinion_word_is_praised(string text)
    {
        Assert.Equal(SentimentLabel.Positive, LabelOf(text, "delivery"));
        Assert.Equal(SentimentLabel.Positive, LabelOf(text, "price"));
    }

    [Theory]
    [InlineData("Недостатки: доставка, цены.")]
    [InlineData("минусы: доставка, цены")]
    [InlineData("Cons: delivery, prices.")]
    [InlineData("Disadvantages: delivery, prices")]
    public void A_factor_listed_under_the_cons_without_an_opinion_word_is_faulted(string text)
    {
        Assert.Equal(SentimentLabel.Negative, LabelOf(text, "delivery"));
        Assert.Equal(SentimentLabel.Negative, LabelOf(text, "price"));
    }

    /// <summary>A model that reads every clause as its fixed score: the field must overrule it where the words say nothing.</summary>
    private sealed class Reads(float score) : ISentimentScorer
    {
        public SentimentScore Score(string text) =>
            new(score > 0 ? SentimentLabel.Positive : SentimentLabel.Negative, score, score < 0 ? 0.8f : 0.1f, 0.1f, score > 0 ? 0.8f : 0.1f);
    }

    [Theory]
    [InlineData("Недостатки: доставка, цены.", "delivery", 0.7f, SentimentLabel.Negative)]
    [InlineData("Cons: delivery, prices", "price", 0.7f, SentimentLabel.Negative)]
    [InlineData("Минусы: машины старые.", "quality", 0.7f, SentimentLabel.Negative)]
    [InlineData("Достоинства: доставка, цены.", "delivery", -0.7f, SentimentLabel.Positive)]
    [InlineData("Pros: delivery, prices", "price", -0.7f, SentimentLabel.Positive)]
    public void The_field_decides_over_the_model_where_the_listed_part_has_no_opinion_word(string text, string factor, float model, SentimentLabel expected)
    {
        var extractor = new FactorExtractor(FactorTaxonomy.Default, new Reads(model));
        Assert.Equal(expected, extractor.Extract(text).Single(m => m.Factor == factor).Label);
    }

    [Theory]
    [InlineData("Недостатки: нет.")]
    [InlineData("Минусы: не обнаружено")]
    [InlineData("Cons: none")]
    [InlineData("Pros: nothing at all. Cons: n/a")]
    public void A_field_that_lists_nothing_names_no_factor(string text)
    {
        Assert.Empty(Default.Extract(text));
    }

    [Theory]
    [InlineData("Плюсы: доставка. Минусы: нет.")]
    [InlineData("Pros: delivery. Cons: none.")]
    public void Cons_of_none_say_nothing_negative_about_the_pros_before_them(string text)
    {
        Assert.Equal(SentimentLabel.Positive, LabelOf(text, "delivery"));
    }

    [Theory]
    [InlineData("Достоинства: нет. Недостатки: доставка.")]
    [InlineData("Pros: none. Cons: delivery")]
    public void Pros_of_none_say_nothing_positive_and_the_cons_after_them_stay_cons(string text)
    {
        var mention = Assert.Single(Default.Extract(text));
        Assert.Equal(("delivery", SentimentLabel.Negative), (mention.Factor, mention.Label));
    }

    [Fact]
    public void A_part_with_its_own_opinion_keeps_it_under_either_heading()
    {
        Assert.Equal(SentimentLabel.Positive, LabelOf("Недостатки: персонал вежливый, но медленный.", "staff"));
        Assert.Equal(SentimentLabel.Positive, LabelOf("Недостатки: цены низкие, доставка.", "price"));
        Assert.Equal(SentimentLabel.Negative, LabelOf("Недостатки: цены низкие, доставка.", "delivery"));
        Assert.Equal(SentimentLabel.Negative, LabelOf("Pros: rude staff, delivery.", "staff"));
    }

    [Fact]
    public void An_acceptable_level_listed_under_the_pros_is_the_explicit_plus()
    {
        Assert.Equal(SentimentLabel.Positive, LabelOf("Плюсы: цены нормальные.", "price"));
        Assert.Equal(SentimentLabel.Neutral, LabelOf("Цены нормальные.", "price"));
    }

    [Theory]
    [InlineData("Единственный минус — доставка.")]
    [InlineData("The only downside: delivery.")]
    [InlineData("Заказывала много раз, из минусов: доставка.")]
    public void A_single_con_named_with_a_modifier_or_after_a_comma_opens_a_field(string text)
    {
        Assert.Equal(SentimentLabel.Negative, LabelOf(text, "delivery"));
    }

    [Fact]
    public void A_list_on_the_lines_under_its_heading_runs_to_the_blank_line()
    {
        const string text = "Плюсы:\nдоставка\nцены\n\nМинусы:\nперсонал";
        Assert.Equal(SentimentLabel.Positive, LabelOf(text, "delivery"));
        Assert.Equal(SentimentLabel.Positive, LabelOf(text, "price"));
        Assert.Equal(SentimentLabel.Negative, LabelOf(text, "staff"));
    }

    [Fact]
    public void A_comment_field_ends_the_cons_and_leaves_its_text_to_its_words()
    {
        Assert.NotEqual(SentimentLabel.Negative, LabelOf("Недостатки: цены Комментарий: доставка пришла во вторник.", "delivery"));
    }

    [Fact]
    public void A_field_ends_where_a_dropped_line_break_starts_the_review_text()
    {
        const string text = "Достоинства: нет Недостатки: обман, служба поддержки Я клиент банка десять лет";
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        var fields = ReviewFields.Find(text, tokens);
        Assert.Equal(2, fields.Count);
        Assert.True(fields[0].SaysNothing);
        Assert.Equal((-1, "поддержки"), (fields[1].Side, tokens[fields[1].BodyEnd - 1].Lower));
    }

    [Fact]
    public void A_capitalised_one_word_list_ends_at_the_capitalised_heading_after_it()
    {
        Assert.Equal(SentimentLabel.Negative, LabelOf("Достоинства: Реклама Недостатки: Доставка", "delivery"));
    }

    [Theory]
    [InlineData("Время: 12:30, доставка вовремя.")]
    [InlineData("Акция в Лавке Плюс — лучшее, что случилось со мной, доставка вовремя.")]
    [InlineData("Доставка — плюс, цены — минус.")]
    [InlineData("Цены — как везде, плюс-минус.")]
    [InlineData("The courier said: delivery is late.")]
    public void Text_without_a_field_heading_has_no_fields_and_splits_as_before(string text)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        Assert.Empty(ReviewFields.Find(text, tokens));
        Assert.Equal(ClauseSplitter.Split(text, tokens, commas: true), ClauseSplitter.Split(text, tokens, commas: true, fields: ReviewFields.Find(text, tokens)));
    }

    [Fact]
    public void A_heading_and_its_field_are_sentences_of_their_own()
    {
        const string text = "Pros: location, breakfast Cons: parking";
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        var clauses = ClauseSplitter.Split(text, tokens, fields: ReviewFields.Find(text, tokens));
        Assert.Equal(["Pros", "location, breakfast", "Cons", "parking"], clauses.Select(c => text.Substring(c.Start, c.Length)));
        Assert.Equal([0, 1, 2, 3], clauses.Select(c => c.Sentence));
    }
}
