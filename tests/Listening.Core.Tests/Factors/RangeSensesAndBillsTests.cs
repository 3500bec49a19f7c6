using Listening.Core.Factors;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 14: words of finding, choosing and missing name the range only in the range's sense, and a bill put wrong is the
/// payment, not the price — the forms read off the false range and price mentions of every dev story.
/// </summary>
public class RangeSensesAndBillsTests
{
    [Theory]
    [InlineData("Дешевле банка не найти.")]
    [InlineData("Лучше условий пока не нашёл.")]
    [InlineData("Симка — 290 в месяц. Дешевле не найти.")]
    public void A_comparative_with_not_found_is_a_superlative_and_not_the_range(string text)
    {
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Krylo is my first choice now.")]
    [InlineData("Same TV, 5,000 rubles cheaper. Easy choice.")]
    [InlineData("The route is the driver's choice.")]
    [InlineData("Итог: хороший выбор для тех, кто всё делает онлайн.")]
    [InlineData("Беломед — чекап за 9 900. Выбор очевиден.")]
    [InlineData("Очень удобный выбор мест, видно, где проход.")]
    [InlineData("Новое приложение виснет на выборе мест.")]
    public void A_choice_made_or_a_seat_chosen_is_not_the_range(string text)
    {
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Огромный выбор сыров.")]
    [InlineData("Great choice of cheeses.")]
    [InlineData("Не могу найти нормальный хлеб.")]
    [InlineData("Только покупать нечего, противовирусных нет.")]
    [InlineData("Лекарства нет вторую неделю.")]
    public void The_range_in_its_own_sense_is_still_found(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Для меня это хорошо.")]
    [InlineData("Меня устраивает, идеально.")]
    [InlineData("Больше нечего сказать.")]
    [InlineData("Пенсионерам тут делать нечего.")]
    [InlineData("Calling is no option, the line is always busy.")]
    public void A_word_that_only_looks_like_a_range_word_names_nothing_of_it(string text)
    {
        // «меня» shared the Snowball stem of «меню»; «нечего» and "option" are the range's only with a verb of buying, in the plural.
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Промо в Докторово закончилось, второй приём стоил дороже.")]
    [InlineData("На этом хорошее закончилось: доставку сорвали.")]
    [InlineData("Ни одной подделки за три года.")]
    public void An_ending_of_no_product_or_none_over_time_is_not_the_range(string text)
    {
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Товар закончился.")]
    [InlineData("Хотела купить корм — закончился.")]
    public void A_product_that_ran_out_is_still_the_range(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Горячей воды нет с утра.")]
    [InlineData("No hot water since the morning.")]
    [InlineData("Пятый день нет отопления во всём доме.")]
    public void A_supply_said_to_be_missing_is_the_offering_failing_and_not_the_range(string text)
    {
        var mentions = Default.Extract(text);
        Assert.DoesNotContain(mentions, m => m.Factor == "assortment");
        Assert.Contains(mentions, m => m.Factor == "quality" && m.Label == Listening.Core.Sentiment.SentimentLabel.Negative);
    }

    [Theory]
    [InlineData("Three wrong bills since March, one right one.")]
    [InlineData("The app shows a 4,300 rub debt that doesn't exist.")]
    [InlineData("В квитанции за январь начислена плата по нормативу, прошу пересчитать.")]
    [InlineData("Пени начислили за платёж, который я внесла вовремя.")]
    public void A_bill_put_wrong_is_the_payment_and_not_the_price(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("payment", factors);
        Assert.DoesNotContain("price", factors);
    }

    [Theory]
    [InlineData("Платить удобно, автоплатёж ни разу не подвёл.")]
    [InlineData("Paying is easy, getting help is impossible.")]
    public void The_ease_of_paying_is_the_payment_and_not_the_price(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("payment", factors);
        Assert.DoesNotContain("price", factors);
    }

    [Theory]
    [InlineData("Платить удобно, только слишком дорого.")]
    [InlineData("Prices went up again, the bill is huge.")]
    public void What_paying_costs_stays_the_price(string text)
    {
        Assert.Contains("price", FactorsIn(text));
    }
}
