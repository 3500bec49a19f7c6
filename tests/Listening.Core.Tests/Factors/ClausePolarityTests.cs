using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors;

/// <summary>A mention's polarity is that of what is said about that factor: each clause-polarity rule.</summary>
public class ClausePolarityTests
{
    private static readonly FactorExtractor Default = new(FactorTaxonomy.Default);

    private static SentimentLabel Polarity(string text, string factor, int? rating = null)
    {
        var mentions = Default.Extract(text, rating).Where(m => m.Factor == factor).ToList();
        Assert.True(mentions.Count > 0, $"no {factor} mention in \"{text}\"");
        var sum = mentions.Sum(m => m.Label == SentimentLabel.Positive ? 1 : m.Label == SentimentLabel.Negative ? -1 : 0);
        return sum > 0 ? SentimentLabel.Positive : sum < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral;
    }

    [Theory]
    [InlineData("Prices are fine, I have no issue there", "price", SentimentLabel.Neutral)]
    [InlineData("Не сказал бы, что дорого", "price", SentimentLabel.Neutral)]
    [InlineData("Цены нормальные", "price", SentimentLabel.Neutral)]
    [InlineData("Доставка без проблем", "delivery", SentimentLabel.Positive)]
    [InlineData("The courier wasn't rude at all", "staff", SentimentLabel.Positive)]
    [InlineData("No complaints about the support team", "support", SentimentLabel.Positive)]
    [InlineData("Не понравилась доставка", "delivery", SentimentLabel.Negative)]
    [InlineData("The app is not good", "website_app", SentimentLabel.Negative)]
    public void Negation_is_read_with_its_scope(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Theory]
    [InlineData("I wouldn't say the food was bad", "quality", SentimentLabel.Positive)]
    [InlineData("I can't say the staff were rude", "staff", SentimentLabel.Positive)]
    [InlineData("Wouldn't call the delivery slow", "delivery", SentimentLabel.Positive)]
    [InlineData("I would not say the courier was late", "delivery", SentimentLabel.Positive)]
    [InlineData("Не могу сказать, что персонал грубый", "staff", SentimentLabel.Positive)]
    [InlineData("Не скажу, что мне понравилась доставка", "delivery", SentimentLabel.Negative)]
    [InlineData("I wouldn't say the prices are high", "price", SentimentLabel.Neutral)]
    public void A_denied_statement_negates_its_whole_clause(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Theory]
    [InlineData("The prices are high", SentimentLabel.Negative)]
    [InlineData("Цены высокие", SentimentLabel.Negative)]
    [InlineData("Цены высоковаты, зато всё свежее", SentimentLabel.Negative)]
    [InlineData("Low prices every day", SentimentLabel.Positive)]
    [InlineData("Большая комиссия за перевод", SentimentLabel.Negative)]
    [InlineData("Huge fees for transfers", SentimentLabel.Negative)]
    [InlineData("The fees are huge", SentimentLabel.Negative)]
    [InlineData("Комиссия огромная", SentimentLabel.Negative)]
    public void High_prices_are_a_complaint_and_low_ones_praise(string text, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, "price"));
    }

    [Theory]
    [InlineData("Могли бы хоть снег вовремя убирать.", "waiting_time")]
    [InlineData("They could at least have told us about the delay.", "waiting_time")]
    [InlineData("Могли бы и предупредить, что доставка задерживается.", "delivery")]
    public void What_they_could_at_least_have_done_is_a_complaint(string text, string factor)
    {
        Assert.Equal(SentimentLabel.Negative, Polarity(text, factor));
    }

    [Theory]
    [InlineData("Who said the app was bad?", "website_app", SentimentLabel.Positive)]
    [InlineData("Кто сказал, что доставка медленная?", "delivery", SentimentLabel.Positive)]
    [InlineData("Who says summer flights are expensive?", "price", SentimentLabel.Neutral)]
    public void A_rhetorical_who_says_question_states_the_opposite_of_what_it_asks(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Fact]
    public void Who_said_inside_a_clause_is_no_denial()
    {
        Assert.Equal(SentimentLabel.Positive, Polarity("I took a friend who said it was the best sushi in town.", "quality"));
    }

    [Theory]
    [InlineData("Большой выбор сыров", "assortment", SentimentLabel.Positive)] // «сыров» is no «сырой»
    [InlineData("Курица была сырая внутри", "quality", SentimentLabel.Negative)]
    [InlineData("Huge selection of goods", "assortment", SentimentLabel.Positive)]
    public void An_opinion_word_is_not_read_into_a_noun_that_shares_its_stem(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Theory]
    [InlineData("Не дорого и вкусно", "quality", SentimentLabel.Positive)]
    [InlineData("Не дорого и вкусно", "price", SentimentLabel.Positive)]
    [InlineData("Not expensive and tasty", "quality", SentimentLabel.Positive)]
    [InlineData("Not bad and cheap", "price", SentimentLabel.Positive)]
    [InlineData("Не грязно и уютно", "cleanliness_atmosphere", SentimentLabel.Positive)]
    [InlineData("The seats were not comfortable or clean", "cleanliness_atmosphere", SentimentLabel.Negative)]
    [InlineData("Обслужили без очередей и грубости", "waiting_time", SentimentLabel.Positive)]
    [InlineData("Не вкусно и дорого", "price", SentimentLabel.Negative)]
    public void A_negator_that_has_judged_its_word_stops_at_the_and_after_it(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Theory]
    [InlineData("Prices are average", "price", SentimentLabel.Neutral)]
    [InlineData("Цены средние, качество обычное", "price", SentimentLabel.Neutral)]
    [InlineData("Недорого и вкусно", "price", SentimentLabel.Positive)]
    [InlineData("Great value for money", "price", SentimentLabel.Positive)]
    public void A_level_judged_as_ordinary_is_neutral(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Fact]
    public void Each_side_of_a_contrast_keeps_its_own_polarity()
    {
        const string text = "Доставка опоздала на час, но продукты свежие";
        Assert.Equal(SentimentLabel.Negative, Polarity(text, "delivery"));
        Assert.Equal(SentimentLabel.Positive, Polarity(text, "quality"));
        Assert.Equal(SentimentLabel.Positive, Polarity("Дороговато, зато вкусно", "quality"));
        Assert.Equal(SentimentLabel.Negative, Polarity("Дороговато, зато вкусно", "price"));
    }

    [Fact]
    public void Each_factor_in_a_list_takes_its_own_part_of_the_clause()
    {
        const string text = "Great prices, good quality, but the app is slow and buggy.";
        Assert.Equal(SentimentLabel.Positive, Polarity(text, "price"));
        Assert.Equal(SentimentLabel.Positive, Polarity(text, "quality"));
        Assert.Equal(SentimentLabel.Negative, Polarity(text, "website_app"));
    }

    [Theory]
    [InlineData("The app is great, though it crashed twice this week.", "website_app", SentimentLabel.Negative)]
    [InlineData("Место удобное, у метро, но припарковаться нереально.", "location_parking", SentimentLabel.Negative)]
    public void The_verdict_after_the_turn_wins_for_one_factor(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
        Assert.DoesNotContain(Default.Extract(text), m => m.Factor == factor && m.Label != expected);
    }

    [Theory]
    [InlineData("Oh great, another 40 minutes in the queue 🙃", "waiting_time")]
    [InlineData("Ну-ну, отличная доставка, всего два часа.", "delivery")]
    [InlineData("Очень «быстрая» доставка.", "delivery")]
    public void Sarcasm_and_scare_quotes_turn_praise_round(string text, string factor)
    {
        Assert.Equal(SentimentLabel.Negative, Polarity(text, factor));
    }

    [Theory]
    [InlineData(1, SentimentLabel.Negative)]
    [InlineData(2, SentimentLabel.Negative)]
    [InlineData(3, SentimentLabel.Neutral)]
    [InlineData(4, SentimentLabel.Positive)]
    [InlineData(5, SentimentLabel.Positive)]
    public void The_rating_breaks_the_tie_where_a_clause_says_nothing_either_way(int rating, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity("We ordered delivery on Monday.", "delivery", rating));
    }

    [Fact]
    public void The_rating_never_overrides_a_clause_that_takes_a_side_or_calls_it_average()
    {
        Assert.Equal(SentimentLabel.Negative, Polarity("The courier was rude.", "staff", 5));
        Assert.Equal(SentimentLabel.Neutral, Polarity("Prices are average.", "price", 5));
    }

    [Theory]
    [InlineData("доставка 🔥", "delivery", SentimentLabel.Positive)]
    [InlineData("app 🤮", "website_app", SentimentLabel.Negative)]
    [InlineData("Курьер поднял пакеты на 5 этаж без лифта 🙏", "delivery", SentimentLabel.Positive)]
    public void Emoji_are_verdicts_and_are_never_negated(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Theory]
    [InlineData("В магазине нет никакой карты лояльности.", "loyalty", SentimentLabel.Negative)]
    [InlineData("Не было никаких проблем с доставкой.", "delivery", SentimentLabel.Positive)]
    [InlineData("Никаких проблем с оплатой.", "payment", SentimentLabel.Positive)]
    [InlineData("Обслуживание никакое.", "staff", SentimentLabel.Negative)] // round 19: «сервис» alone names no staff (ServiceWordTests)
    public void Russian_negative_concord_is_one_negation_and_its_pronoun_is_a_verdict_only_alone(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Theory]
    [InlineData("Getting the TV delivered was not: two missed slots.", "delivery", SentimentLabel.Negative)]
    [InlineData("Час в очереди, а на кассе выяснилось, что карты не принимают — «терминал сломался ещё на прошлой неделе».", "payment", SentimentLabel.Negative)]
    public void A_negator_does_not_reach_across_a_dash_colon_comma_or_quote(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor, rating: 1));
    }

    [Fact]
    public void An_emoji_before_a_capital_ends_the_sentence_its_sarcasm_belongs_to()
    {
        const string text = "Новое приложение ужасное, старое было лучше 😒 Но сами вещи отличные, а вернуть можно в любом магазине.";
        Assert.Equal(SentimentLabel.Negative, Polarity(text, "website_app"));
        Assert.Equal(SentimentLabel.Positive, Polarity(text, "quality"));
    }

    [Theory]
    [InlineData("The assistant swore the vacuum was the best. It died in a month. Thanks for nothing.", "staff", null)]
    [InlineData("Only one till open and the card machine declined my card twice. Great evening.", "payment", 1)]
    public void A_short_sarcastic_or_ironic_remark_turns_the_praise_before_it_round(string text, string factor, int? rating)
    {
        Assert.NotEqual(SentimentLabel.Positive, Polarity(text, factor, rating));
    }

    [Theory]
    [InlineData("Prices are a bit higher than on the marketplaces.", "price")]
    [InlineData("Доставка быстрая, но цены в последнее время выросли.", "price")]
    [InlineData("Бонусы сгорают через три месяца.", "loyalty")]
    [InlineData("Store great, app not so much.", "website_app")]
    [InlineData("The zip broke the first time I wore it. Cheap hardware on a 9k jacket.", "quality")]
    [InlineData("Никаких доплат, но качество подвело.", "quality")]
    public void Rising_prices_expiring_points_and_not_so_much_are_complaints(string text, string factor)
    {
        Assert.Equal(SentimentLabel.Negative, Polarity(text, factor, rating: 4));
    }

    [Fact]
    public void A_remark_in_the_next_sentence_is_about_the_clause_after_the_turn()
    {
        const string text = "Long queue at the till, but they take every card. Small thing, but it helps.";
        Assert.Equal(SentimentLabel.Negative, Polarity(text, "waiting_time", rating: 4));
    }

    [Fact]
    public void A_short_comparison_after_a_judged_clause_does_not_overrule_it()
    {
        Assert.Equal(SentimentLabel.Negative, Polarity("Новое приложение ужасное, старое было лучше.", "website_app"));
        Assert.Equal(SentimentLabel.Positive, Polarity("Еда вкусная, спору нет, но горячее несли 55 минут.", "quality"));
    }

    [Fact]
    public void A_short_sentence_that_says_nothing_keeps_the_verdict_after_it_on_the_sentence_before()
    {
        // "Quick" praised the refund; "Still nothing", two sentences on, takes that back.
        Assert.NotEqual(SentimentLabel.Positive, Polarity("They promised a quick refund. Day 16. Still nothing.", "returns"));
        // A decimal point ends no sentence: "1.5 hours" stays in its clause.
        var mention = Default.Extract("Привезли еду через 1.5 часа.").Single(m => m.Factor == "delivery");
        Assert.Equal("Привезли еду через 1.5 часа", "Привезли еду через 1.5 часа.".Substring(mention.Start, mention.Length));
    }

    [Theory]
    [InlineData("Never had an order take more than 15 minutes. Impressive.", "delivery", SentimentLabel.Positive)]
    [InlineData("Цены такие же, как в магазине, это плюс.", "price", SentimentLabel.Positive)]
    public void A_short_verdict_without_a_factor_judges_what_came_just_before(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Theory]
    [InlineData("The courier lost my parcel again. Just brilliant.", "delivery")]
    [InlineData("Опять привезли не то. Просто супер.", "delivery")]
    [InlineData("Курьер нахамил. Отлично.", "staff")]
    public void Praise_said_right_after_a_clear_complaint_is_ironic(string text, string factor)
    {
        Assert.Equal(SentimentLabel.Negative, Polarity(text, factor));
    }

    [Theory]
    [InlineData("У конкурентов доставка быстрее.", "delivery", SentimentLabel.Negative)]
    [InlineData("Доставка быстрее, чем у конкурентов.", "delivery", SentimentLabel.Positive)]
    [InlineData("Раньше доставка была быстрее.", "delivery", SentimentLabel.Negative)]
    [InlineData("Доставка стала быстрее, чем раньше.", "delivery", SentimentLabel.Positive)]
    [InlineData("The app used to be better.", "website_app", SentimentLabel.Negative)]
    [InlineData("The app is better than it used to be.", "website_app", SentimentLabel.Positive)]
    [InlineData("Курьер приехал на час раньше и был очень вежлив.", "staff", SentimentLabel.Positive)]
    [InlineData("Переводы в другие банки часто висят.", "payment", SentimentLabel.Negative)]
    public void A_verdict_placed_at_a_competitor_or_in_the_past_judges_the_brand_now_the_other_way(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }

    [Theory]
    [InlineData("У конкурентов дешевле.", "price", SentimentLabel.Negative)]
    [InlineData("Cheaper elsewhere, to be honest.", "price", SentimentLabel.Negative)]
    [InlineData("Prices are better than at any other shop nearby.", "price", SentimentLabel.Positive)]
    [InlineData("Ассортимент шире, чем у конкурентов.", "assortment", SentimentLabel.Positive)]
    public void A_comparison_with_competitors_is_read_for_the_items_brand(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }
    [Theory]
    [InlineData("The connection never drops, even on the train.", "quality", SentimentLabel.Positive)]
    [InlineData("The network keeps dropping every evening.", "quality", SentimentLabel.Negative)]
    [InlineData("Сигнал на даче не ловит вообще.", "quality", SentimentLabel.Negative)]
    [InlineData("Связь без обрывов уже полгода.", "quality", SentimentLabel.Positive)]
    [InlineData("The wifi has never let me down.", "quality", SentimentLabel.Positive)]
    [InlineData("Кровать мягкая, подушки отличные.", "quality", SentimentLabel.Positive)]
    public void How_a_service_works_is_read_with_its_negation(string text, string factor, SentimentLabel expected)
    {
        Assert.Equal(expected, Polarity(text, factor));
    }
}
