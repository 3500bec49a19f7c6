using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors;

public class FactorExtractorTests
{
    private static readonly FactorExtractor Restaurants = new(FactorTaxonomy.WithPacks("restaurants"));
    private static readonly FactorExtractor Default = new(FactorTaxonomy.Default);

    private static FactorMention Single(IReadOnlyList<FactorMention> mentions, string factor) =>
        Assert.Single(mentions, m => m.Factor == factor);

    [Fact]
    public void Each_factor_takes_the_sentiment_of_its_own_clause_in_english()
    {
        const string text = "The food was great but the waiter was rude";
        var mentions = Restaurants.Extract(text);

        var food = Single(mentions, "food");
        var staff = Single(mentions, "staff");
        Assert.Equal(SentimentLabel.Positive, food.Label);
        Assert.Equal(SentimentLabel.Negative, staff.Label);
        Assert.True(food.Score > 0 && staff.Score < 0);
        Assert.Equal("The food was great", text.Substring(food.Start, food.Length));
        Assert.Equal("but the waiter was rude", text.Substring(staff.Start, staff.Length));
    }

    [Fact]
    public void Each_factor_takes_the_sentiment_of_its_own_clause_in_russian()
    {
        var mentions = Restaurants.Extract("Еда была отличная, но официант нахамил.");

        Assert.Equal(SentimentLabel.Positive, Single(mentions, "food").Label);
        Assert.Equal(SentimentLabel.Negative, Single(mentions, "staff").Label);
    }

    [Theory]
    [InlineData("Не понравилась доставка.", "delivery")]
    [InlineData("The staff were not friendly.", "staff")]
    [InlineData("Цены совсем не порадовали", "price")]
    [InlineData("Delivery wasn't good at all", "delivery")]
    public void Negation_turns_an_opinion_word_around(string text, string factor)
    {
        Assert.Equal(SentimentLabel.Negative, Single(Default.Extract(text), factor).Label);
    }

    [Theory]
    [InlineData("Доставка без проблем, курьер приехал вовремя", "delivery")]
    [InlineData("No problems with the delivery", "delivery")]
    [InlineData("The delivery was not bad", "delivery")]
    public void A_negated_complaint_reads_as_positive(string text, string factor)
    {
        var mentions = Default.Extract(text).Where(m => m.Factor == factor).ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.Equal(SentimentLabel.Positive, m.Label));
    }

    [Theory]
    [InlineData("Доставкой довольны", "delivery")]
    [InlineData("Сроки доставки затянули", "delivery")]
    [InlineData("Курьеры опоздали на час", "delivery")]
    [InlineData("The prices went up", "price")]
    [InlineData("Our deliveries were late", "delivery")]
    public void Word_forms_match_through_stems(string text, string factor)
    {
        Assert.Contains(Default.Extract(text), m => m.Factor == factor);
    }

    [Theory]
    [InlineData("A priceless evening.")]
    [InlineData("Случайно зашли сюда.")]
    [InlineData("An unsupported claim by a cheapskate.")]
    public void Terms_never_match_inside_other_words(string text)
    {
        var mentions = Restaurants.Extract(text);
        Assert.DoesNotContain(mentions, m => m.Factor is "price" or "food" or "support");
    }

    [Fact]
    public void Russian_commas_separate_opinions_english_lists_do_not()
    {
        var russian = Restaurants.Extract("Еда вкусная, официант грубый");
        Assert.Equal(SentimentLabel.Positive, Single(russian, "food").Label);
        Assert.Equal(SentimentLabel.Negative, Single(russian, "staff").Label);

        var english = Restaurants.Extract("The food, the drinks and the waiters were great");
        Assert.Equal(SentimentLabel.Positive, Single(english, "staff").Label);
    }

    [Theory]
    [InlineData("Меня всё устроило", "food")] // "меню" and "меня" share the stem "мен"
    [InlineData("Мои друзья и мои friends пришли", "staff")] // "friendly" and "friends" share "friend"
    [InlineData("She works at the hospital", "staff")] // "hospitality" / "hospital"
    [InlineData("Долг по кредиту закрыт", "waiting_time")] // "долго" / "долг"
    [InlineData("Поехали по дороге", "price")] // "дорогой" / "дорога"
    [InlineData("Ценят своих клиентов", "price")] // "цены" / "ценят"
    public void Stem_collisions_are_pinned_to_exact_forms(string text, string factor)
    {
        Assert.DoesNotContain(Restaurants.Extract(text), m => m.Factor == factor);
    }

    [Fact]
    public void A_phrase_wins_over_the_single_word_inside_it()
    {
        var mentions = Restaurants.Extract("Customer service never answered my emails.");

        Assert.Contains(mentions, m => m.Factor == "support");
        Assert.DoesNotContain(mentions, m => m.Factor == "staff"); // "service" alone means the waiters in a restaurant
    }

    [Fact]
    public void Multi_word_phrases_match_across_word_forms()
    {
        var mentions = Default.Extract("Отличное соотношение цены и качества");
        Assert.Equal(SentimentLabel.Positive, Single(mentions, "price").Label);
    }

    [Fact]
    public void A_factor_defined_only_in_configuration_is_found_with_its_sentiment()
    {
        var taxonomy = FactorTaxonomy.Default.With("""
            { "factors": [ { "id": "kids_corner",
                             "names": { "en": "Kids' corner", "ru": "Детская комната" },
                             "terms": { "en": ["kids corner", "play area", "animator"], "ru": ["детская комната", "аниматор"] } } ] }
            """);
        var extractor = new FactorExtractor(taxonomy);

        Assert.Equal(SentimentLabel.Negative, Single(extractor.Extract("The play area was dirty and boring."), "kids_corner").Label);
        Assert.Equal(SentimentLabel.Positive, Single(extractor.Extract("Аниматоры просто замечательные!"), "kids_corner").Label);
        Assert.Equal(SentimentLabel.Negative, Single(extractor.Extract("В детской комнате было грязно"), "kids_corner").Label);
    }

    [Fact]
    public void One_factor_twice_in_a_clause_is_one_mention_and_in_two_clauses_two()
    {
        var mentions = Default.Extract("Prices and pricing are great. But the price of delivery is awful.");

        var price = mentions.Where(m => m.Factor == "price").ToList();
        Assert.Equal(2, price.Count);
        Assert.Equal([SentimentLabel.Positive, SentimentLabel.Negative], price.Select(m => m.Label));
    }

    [Fact]
    public void A_clause_without_opinion_words_borrows_them_from_its_sentence_and_is_otherwise_neutral()
    {
        Assert.Equal(SentimentLabel.Neutral, Single(Default.Extract("We ordered delivery on Monday."), "delivery").Label);
    }

    [Fact]
    public void A_sentence_without_opinion_words_takes_the_texts_tone_at_half_weight()
    {
        var delivery = Single(Default.Extract("Ужасный вечер. Доставка была в понедельник."), "delivery");
        Assert.Equal(SentimentLabel.Negative, delivery.Label);
        Assert.Equal(-0.5f, delivery.Score);
    }

    [Fact]
    public void The_injected_model_scores_the_clause_text_of_clauses_without_opinion_words()
    {
        // A stand-in for the ML.NET model: it records what it was asked to score.
        var model = new RecordingScorer(0.9f);
        var extractor = new FactorExtractor(FactorTaxonomy.WithPacks("restaurants"), model);

        var mentions = extractor.Extract("The food arrived. However the waiter was rude.");

        Assert.Equal(["The food arrived"], model.Seen);
        Assert.Equal(SentimentLabel.Positive, Single(mentions, "food").Label); // the model's +0.9: no opinion word
        Assert.Equal(SentimentLabel.Negative, Single(mentions, "staff").Label); // "rude" decides; the model is not asked
    }

    [Fact]
    public void Extraction_is_thread_safe_and_deterministic()
    {
        string[] texts =
        [
            "Еда была отличная, но официант нахамил, а доставку ждали два часа.",
            "The food was great but the waiter was rude and the prices are too high.",
            "Не понравилась доставка, зато приложение удобное и оплата прошла быстро.",
            "Customer service never answered; the refund took a month.",
        ];
        var expected = texts.Select(t => Restaurants.Extract(t)).ToList();

        var results = new IReadOnlyList<FactorMention>[400];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = Restaurants.Extract(texts[i % texts.Length]));

        for (var i = 0; i < results.Length; i++) Assert.Equal(expected[i % texts.Length], results[i]);
    }

    [Fact]
    public void Empty_and_punctuation_only_texts_have_no_mentions()
    {
        Assert.Empty(Default.Extract(""));
        Assert.Empty(Default.Extract("?!… --- ;"));
    }

    internal sealed class RecordingScorer(float score) : ISentimentScorer
    {
        public List<string> Seen { get; } = [];

        public SentimentScore Score(string text)
        {
            lock (Seen) Seen.Add(text);
            return new SentimentScore(score > 0 ? SentimentLabel.Positive : SentimentLabel.Negative, score, 0, 0, 0);
        }
    }
}
