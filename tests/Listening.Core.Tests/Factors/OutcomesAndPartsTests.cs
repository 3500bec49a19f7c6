using Listening.Core.Factors;
using Listening.Core.Sentiment;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 11: what a service sells judged without naming any thing — the offering working or failing as a whole, or giving its
/// result («всё работает», «всё чинят», "things get fixed", «никакого эффекта», "real progress") —, an English "and" that opens a
/// statement of its own, the damage a bill is for, whose thing it is said with a name («в Дельфине»), and a thing out of order. The sentences are our own, for services no dev story covers: a lift
/// maintainer, a dry cleaner, a swimming school, a physiotherapist, a coworking, a bike hire, a boiler service, a cinema, a bistro.
/// </summary>
public class OutcomesAndPartsTests
{
    private static IReadOnlyList<FactorMention> Mentions(string text) => Default.Extract(text);

    [Theory]
    [InlineData("Обслуживают наш бизнес-центр третий год. Всё работает.")]
    [InlineData("Коворкинг ухоженный, всё работает.")]
    [InlineData("Котёл обслуживают исправно, ни одной поломки за зиму.")]
    [InlineData("Three years with this boiler service and everything just works.")]
    [InlineData("The hall is spotless and everything works.")]
    [InlineData("Физиотерапевт внимательный, результат есть.")]
    [InlineData("Swimming lessons twice a week, real progress after a month.")]
    public void The_offering_said_to_work_or_to_give_its_result_is_quality_praised(string text)
    {
        var quality = Assert.Single(Mentions(text), m => m.Factor == "quality");
        Assert.Equal(SentimentLabel.Positive, quality.Label);
    }

    [Theory]
    [InlineData("Ходим на массаж месяц, никакого эффекта.")]
    [InlineData("Жалуемся полгода, ничего не чинят.")]
    [InlineData("Six sessions of physio and zero progress.")]
    [InlineData("We report it every week and nothing gets fixed.")]
    public void The_offering_said_to_fail_or_to_give_no_result_is_quality_faulted(string text)
    {
        var quality = Assert.Single(Mentions(text), m => m.Factor == "quality");
        Assert.Equal(SentimentLabel.Negative, quality.Label);
    }

    [Theory]
    [InlineData("Забронировала велосипед в приложении, забрала через пять минут. Всё работает.", "website_app")]
    [InlineData("Оплата по QR прошла за секунду. Всё работает.", "payment")]
    [InlineData("Paid by card at the door, no fuss. Everything works.", "payment")]
    public void An_outcome_said_of_a_factor_named_with_it_or_just_before_is_that_factors(string text, string factor)
    {
        var factors = FactorsIn(text);
        Assert.Contains(factor, factors);
        Assert.DoesNotContain("quality", factors);
    }

    [Theory]
    [InlineData("На все жалобы поддержка отвечает «у нас всё работает».")]
    [InlineData("The help desk keeps saying \"everything works on our side\".")]
    public void An_outcome_quoted_back_from_the_brand_is_no_verdict_of_the_authors(string text) =>
        Assert.DoesNotContain("quality", FactorsIn(text));

    [Theory]
    [InlineData("Our waiter was lovely and the soup was perfect.", "staff")]
    [InlineData("The cinema app was quick and the popcorn was stale.", "website_app")]
    [InlineData("The support chat was fast and the connection is great.", "support")]
    public void An_english_and_that_opens_a_statement_of_its_own_lets_the_thing_after_it_be_judged(string text, string other)
    {
        var factors = FactorsIn(text);
        Assert.Contains(other, factors);
        Assert.Contains("quality", factors);
    }

    [Theory]
    [InlineData("A great range of cheeses and fresh bread every day.")]
    public void An_english_and_without_a_statement_after_it_keeps_one_part(string text) =>
        Assert.Contains("assortment", FactorsIn(text));

    [Theory]
    [InlineData("Прокат велосипедов списал 4 000 за царапину на раме, которая была до меня.")]
    [InlineData("Сняли 12 тысяч за скол на самокате.")]
    [InlineData("The bike hire wants 3,000 for a scratch that was there before me.")]
    public void A_sum_for_damage_the_customer_is_blamed_for_is_the_payment_and_no_defect_judged(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("payment", factors);
        Assert.DoesNotContain("quality", factors);
    }

    [Theory]
    [InlineData("Бассейн в Дельфине отличный.")]
    [InlineData("Абонемент у Волны хороший.")]
    [InlineData("Массаж в Релаксе реально хороший.")]
    public void Whose_thing_it_is_said_with_a_name_keeps_a_short_verdict_on_the_thing(string text) =>
        Assert.Contains("quality", FactorsIn(text));

    [Theory]
    [InlineData("The escalator has been out of order for a week.")]
    [InlineData("The coffee machine breaks down every other day.")]
    [InlineData("Our boiler keeps breaking down.")]
    public void A_thing_that_should_run_and_does_not_is_quality(string text) =>
        Assert.Contains("quality", FactorsIn(text));

    [Fact]
    public void Being_locked_out_of_ordering_is_no_thing_out_of_order() =>
        Assert.DoesNotContain("quality", FactorsIn("The app locked me out of ordering for a day."));
}
