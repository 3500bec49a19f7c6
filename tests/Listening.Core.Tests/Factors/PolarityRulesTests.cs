using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 9's clause-polarity rules, each in services no labelled story covers (a notary, a vet, a dentist, a courier firm,
/// car sharing, a furniture shop): contrast for clauses without opinion words, a factor's word said to be absent, wishes
/// and requests, a complaint that was fixed, the part a factor is judged in, and denials stressed by "a single".
/// </summary>
public class PolarityRulesTests
{
    private static readonly FactorExtractor WordsOnly = new(FactorTaxonomy.Default);

    /// <summary>A model that reads every clause mildly positive, as the shipped one often reads short factual clauses.</summary>
    private sealed class MildlyPositive : ISentimentScorer
    {
        public SentimentScore Score(string text) => new(SentimentLabel.Positive, 0.3f, 0.2f, 0.3f, 0.5f);
    }

    private static readonly FactorExtractor WithModel = new(FactorTaxonomy.Default, new MildlyPositive());

    private static SentimentLabel Polarity(FactorExtractor extractor, string text, string factor, int? rating = null, int? nps = null)
    {
        var mentions = extractor.Extract(text, rating, nps).Where(m => m.Factor == factor).ToList();
        Assert.True(mentions.Count > 0, $"no {factor} mention in \"{text}\"");
        var sum = mentions.Sum(m => m.Label == SentimentLabel.Positive ? 1 : m.Label == SentimentLabel.Negative ? -1 : 0);
        return sum > 0 ? SentimentLabel.Positive : sum < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral;
    }

    [Fact]
    public void A_factual_clause_before_a_turn_to_praise_is_the_complaint_even_in_a_five_star_review()
    {
        // Without the contrast the model's mild reading plus the five stars made the parking a strength.
        const string text = "Parking at the vet clinic is two streets away, but the vet herself is wonderful.";

        Assert.Equal(SentimentLabel.Negative, Polarity(WithModel, text, "location_parking", rating: 5));
    }

    [Fact]
    public void A_factual_clause_after_a_turn_from_praise_is_the_complaint()
    {
        const string text = "The notary was polite and quick, but the parking is on the other side of the block.";

        Assert.Equal(SentimentLabel.Negative, Polarity(WithModel, text, "location_parking"));
    }

    [Fact]
    public void The_clause_before_zato_is_the_minus_when_neither_side_has_an_opinion_word()
    {
        const string text = "Диван доставили через неделю, зато консультант в салоне всё объяснил.";

        Assert.Equal(SentimentLabel.Negative, Polarity(WithModel, text, "delivery"));
    }

    [Fact]
    public void The_side_after_the_turn_follows_the_items_score_and_the_concession_takes_the_other_side()
    {
        const string text = "Приложение каршеринга иногда ставит точку не там, но машина приезжает за три минуты.";

        Assert.Equal(SentimentLabel.Negative, Polarity(WithModel, text, "website_app", nps: 9));
    }

    [Fact]
    public void But_also_adds_rather_than_opposes()
    {
        const string text = "The dentist was gentle, but also the parking is right by the door.";

        Assert.Equal(SentimentLabel.Positive, Polarity(WithModel, text, "location_parking", rating: 5));
    }

    [Theory]
    [InlineData("No parking at the notary's office.", "location_parking", 5, SentimentLabel.Negative)]
    [InlineData("Парковки у стоматологии нет.", "location_parking", 5, SentimentLabel.Negative)]
    [InlineData("В нотариальной конторе приняли без очереди.", "waiting_time", 2, SentimentLabel.Positive)]
    [InlineData("No queue at the courier's pick-up point.", "waiting_time", 2, SentimentLabel.Positive)]
    public void A_factors_word_said_to_be_absent_is_a_lack_unless_it_is_something_customers_would_rather_be_without(string text, string factor, int rating, SentimentLabel expected)
    {
        // The item's score points the other way: the absence, not the score, decides.
        Assert.Equal(expected, Polarity(WithModel, text, factor, rating));
    }

    [Theory]
    [InlineData("The car-sharing app could be faster.", "website_app")]
    [InlineData("Доставку мебели бы побыстрее.", "delivery")]
    [InlineData("Верните нормальные сроки доставки, курьеры раньше успевали.", "delivery")]
    [InlineData("The vet's front desk could smile more.", "staff")]
    public void A_wish_or_a_request_is_a_mild_complaint_whatever_praise_it_names(string text, string factor)
    {
        Assert.Equal(SentimentLabel.Negative, Polarity(WordsOnly, text, factor));
    }

    [Theory]
    [InlineData("The courier firm's support resolved my issue in five minutes.", SentimentLabel.Positive)]
    [InlineData("Поддержка каршеринга быстро решила проблему.", SentimentLabel.Positive)]
    [InlineData("The car-sharing support never fixed the bug.", SentimentLabel.Negative)]
    [InlineData("Поддержка каршеринга так и не решила проблему.", SentimentLabel.Negative)]
    public void A_complaint_word_that_was_fixed_is_praise_and_a_fix_denied_is_the_complaint(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(WordsOnly, text, "support"));
    }

    [Fact]
    public void A_factor_found_first_by_a_speed_word_is_judged_where_its_own_word_stands()
    {
        const string text = "Fast courier delivery, awful support.";

        Assert.Equal(SentimentLabel.Negative, Polarity(WordsOnly, text, "support"));
        Assert.Equal(SentimentLabel.Positive, Polarity(WordsOnly, text, "delivery"));
    }

    [Fact]
    public void A_denial_stressed_by_a_single_still_reaches_its_complaint()
    {
        Assert.Equal(SentimentLabel.Positive, Polarity(WordsOnly, "Never had a single problem with the courier.", "delivery"));
        // A denial does not reach across a whole noun phrase to a verdict on something else.
        Assert.Equal(SentimentLabel.Negative, Polarity(WordsOnly, "Booking the car-sharing without the app is a pain.", "website_app"));
    }

    [Fact]
    public void Please_in_quoted_staff_speech_is_no_praise()
    {
        Assert.NotEqual(SentimentLabel.Positive, Polarity(WordsOnly, "The vet clinic's support keeps saying \"please wait\".", "support"));
    }

    [Fact]
    public void A_sarcasm_marker_after_a_turn_is_said_of_that_side_only()
    {
        const string text = "Стоматолог отличный, но ждали приёма полтора часа 🙄";

        Assert.Equal(SentimentLabel.Positive, Polarity(WordsOnly, text, "staff"));
        // Without a turn the marker still turns the whole sentence's praise round.
        Assert.Equal(SentimentLabel.Negative, Polarity(WordsOnly, "Стоматолог отличный, ждали приёма полтора часа 🙄", "staff"));
    }

    [Theory]
    [InlineData("С доставкой мебели проблем нет", "delivery")]
    [InlineData("Нареканий к курьеру нет", "delivery")]
    [InlineData("Замечаний по качеству нет", "quality")]
    public void A_complaint_noun_denied_after_it_is_praise_and_its_denial_is_no_lack_of_its_own(string text, string factor) =>
        Assert.Equal(SentimentLabel.Positive, Polarity(WithModel, text, factor, rating: 2));

    [Theory]
    [InlineData("Нужного лекарства в ветаптеке вечно нет", "assortment")]
    [InlineData("Ответа от нотариуса нет", "staff")]
    public void A_denial_after_an_adverb_or_a_plain_noun_is_still_a_lack(string text, string factor) =>
        Assert.Equal(SentimentLabel.Negative, Polarity(WithModel, text, factor, rating: 5));

    /// <summary>A model that reads every clause negative, as the shipped one often reads plain questions.</summary>
    private sealed class Gloomy : ISentimentScorer
    {
        public SentimentScore Score(string text) => new(SentimentLabel.Negative, -0.7f, 0.8f, 0.1f, 0.1f);
    }

    [Theory]
    [InlineData("Подскажите, как изменить адрес доставки мебели?")]
    [InlineData("Where do I find the notary's fees for a power of attorney?")]
    [InlineData("Посоветуйте, как оплатить приём ветеринара картой.")] // a polite request asks without a question mark
    [InlineData("Кто-нибудь знает, есть ли у нотариуса доставка документов курьером?")] // «кто-нибудь» is two words to the tokenizer
    public void A_plain_question_judges_nothing_even_when_the_model_reads_it_as_a_complaint(string text) =>
        Assert.Empty(new FactorExtractor(FactorTaxonomy.Default, new Gloomy()).Extract(text));

    [Fact]
    public void A_complaint_put_as_a_question_keeps_its_mention() =>
        Assert.Equal(SentimentLabel.Negative, Polarity(new FactorExtractor(FactorTaxonomy.Default, new Gloomy()), "Почему курьер опять опоздал на два часа?", "delivery"));

    [Theory]
    [InlineData("Fantastic, the courier left my sofa in the rain again.", "delivery")]
    [InlineData("Отличный сервис, третий день жду мастера по сборке.", "staff")]
    public void Praise_that_opens_a_complaint_is_turned_round_when_the_rest_reads_as_the_complaint(string text, string factor) =>
        Assert.Equal(SentimentLabel.Negative, Polarity(new FactorExtractor(FactorTaxonomy.Default, new Gloomy()), text, factor));

    [Fact]
    public void An_ironic_opener_is_taken_at_its_word_when_the_rest_does_not_read_as_a_complaint() =>
        Assert.Equal(SentimentLabel.Positive, Polarity(WithModel, "Fantastic, the courier brought my sofa early again.", "delivery"));

    [Fact]
    public void Praise_of_the_thing_it_names_before_a_complaint_is_a_mixed_review_not_irony() =>
        Assert.Equal(SentimentLabel.Positive, Polarity(new FactorExtractor(FactorTaxonomy.Default, new Gloomy()),
            "Great sofa, terrible delivery: three days late and nobody called.", "quality"));
}
