using Listening.Core.Factors;

namespace Listening.Core.Tests.Factors;

/// <summary>A factor is a thing judged, not a word nearby: each detection rule of the default taxonomy.</summary>
public class DetectionRulesTests
{
    private static readonly FactorExtractor Default = new(FactorTaxonomy.Default);

    private static IReadOnlyList<string> Factors(string text) => Default.Extract(text).Select(m => m.Factor).Distinct().ToList();

    [Theory]
    [InlineData("I've been a customer for 5 years and ordered at 7 pm.")]
    [InlineData("Уже 5 лет покупаю здесь, заказала в 19:00.")]
    [InlineData("Быстро, и всё свежее.")]
    [InlineData("11 minutes. You guys are unreal")]
    public void Time_and_speed_words_alone_are_not_waiting_time(string text)
    {
        Assert.DoesNotContain("waiting_time", Factors(text));
    }

    [Theory]
    [InlineData("The courier was 40 minutes late.")]
    [InlineData("Доставка опоздала на час.")]
    [InlineData("Курьер приехал на сорок минут позже обещанного")]
    [InlineData("Waited 2 hours for my delivery")]
    public void A_late_delivery_is_delivery_not_waiting_time(string text)
    {
        var factors = Factors(text);
        Assert.Contains("delivery", factors);
        Assert.DoesNotContain("waiting_time", factors);
    }

    [Theory]
    [InlineData("Waited 25 minutes in the queue at the till.")]
    [InlineData("Вечером работает одна касса, очередь человек десять.")]
    [InlineData("The food came out after 50 minutes, service was glacial.")]
    [InlineData("Горячее несли 55 минут.")]
    public void Queues_and_slow_service_in_person_are_waiting_time(string text)
    {
        Assert.Contains("waiting_time", Factors(text));
    }

    [Theory]
    [InlineData("The app keeps crashing at checkout.", "website_app", "support")]
    [InlineData("Приложение вылетает после обновления.", "website_app", "support")]
    [InlineData("Support never answered my chat.", "support", "website_app")]
    [InlineData("В чате поддержки отвечает бот.", "support", "website_app")]
    public void The_app_and_support_are_told_apart(string text, string present, string absent)
    {
        var factors = Factors(text);
        Assert.Contains(present, factors);
        Assert.DoesNotContain(absent, factors);
    }

    [Theory]
    [InlineData("Can anyone recommend a good grocery delivery in Moscow?")]
    [InlineData("Кто-нибудь пробовал их новую доставку?")]
    [InlineData("Is the parking free on weekends?")]
    public void A_question_judges_nothing(string text)
    {
        Assert.Empty(Default.Extract(text));
    }

    [Fact]
    public void A_complaint_put_as_a_question_still_judges()
    {
        var delivery = Assert.Single(Default.Extract("Why is my delivery always late?"), m => m.Factor == "delivery");
        Assert.Equal(Listening.Core.Sentiment.SentimentLabel.Negative, delivery.Label);
    }

    [Theory]
    [InlineData("Bought milk and bread on the way home.", false)]
    [InlineData("Купила молоко и хлеб по дороге домой.", false)]
    [InlineData("The bread was stale and the milk sour.", true)]
    [InlineData("Молоко скисло на следующий день.", true)]
    public void A_product_named_in_passing_is_not_judged_for_quality(string text, bool judged)
    {
        Assert.Equal(judged, Factors(text).Contains("quality"));
    }

    [Theory]
    [InlineData("Best app of all the delivery services.", "delivery")]
    [InlineData("Промокоды на первый заказ щедрые.", "delivery")]
    [InlineData("Просторная парковка у магазина.", "cleanliness_atmosphere")]
    [InlineData("Clean app, fast search.", "cleanliness_atmosphere")]
    public void A_word_that_describes_something_else_names_no_factor_of_its_own(string text, string absent)
    {
        Assert.DoesNotContain(absent, Factors(text));
    }

    [Theory]
    [InlineData("Доставку привезли с опозданием", "delivery")]
    [InlineData("Официантки разговаривали по телефону", "staff")]
    [InlineData("Парковаться негде", "location_parking")]
    [InlineData("Вернули деньги через неделю", "returns")]
    public void Russian_word_forms_match(string text, string factor)
    {
        Assert.Contains(factor, Factors(text));
    }

    [Fact]
    public void Stretched_words_and_emoji_do_not_hide_a_mention()
    {
        var mentions = Default.Extract("доставка 🔥🔥 курьер супер");
        Assert.Contains(mentions, m => m.Factor == "delivery");
    }

    [Fact]
    public void A_brand_override_can_add_qualifiers_ignore_phrases_and_weak_terms()
    {
        var taxonomy = FactorTaxonomy.Default.With("""
            {
              "ignore": { "en": ["delivery window"] },
              "factors": [ { "id": "delivery", "weakTerms": { "en": ["drop-off"] }, "weakYieldsTo": ["returns"] } ]
            }
            """);
        var extractor = new FactorExtractor(taxonomy);
        Assert.DoesNotContain(extractor.Extract("Great delivery window choice."), m => m.Factor == "delivery");
        Assert.Contains(extractor.Extract("The drop-off was perfect."), m => m.Factor == "delivery");
        Assert.DoesNotContain(extractor.Extract("The drop-off for my refund was perfect."), m => m.Factor == "delivery");
    }
}
