using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 14: a short verdict on a thing said before what it costs — «Отличные машины за нормальные деньги», "Great cars for sensible
/// money" — judges the thing as well as its price, whatever the thing is called. Sentences are our own (a coworking's desks, a
/// glamping's tents, a rental's scooters).
/// </summary>
public class PricedThingTests
{
    [Theory]
    [InlineData("Nice desks at fair prices, friendly staff.")]
    [InlineData("Great scooters for sensible money.")]
    [InlineData("Отличные палатки за разумные деньги.")]
    [InlineData("Хорошие лодки за нормальные деньги.")]
    public void A_thing_judged_before_its_price_is_the_offering_and_the_price(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("quality", factors);
        Assert.Contains("price", factors);
    }

    [Theory]
    [InlineData("Сервис нормальный по цене, если без багажа.")]
    [InlineData("Лучший прокат по соотношению цена/качество.")]
    [InlineData("Спасибо за низкие цены.")]
    [InlineData("Terrific value for the money.")]
    public void A_verdict_in_respect_of_price_or_thanks_for_it_judges_no_thing(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }
}
