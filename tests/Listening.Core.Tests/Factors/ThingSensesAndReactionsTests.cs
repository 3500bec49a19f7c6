using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 17 (fact19q): what is not the thing sold (quality) though a word of it stands there — a thing in another sense (the phone one
/// calls, a meal as the hour), a verdict of value for money, the time a job took, the author's own reaction, when and where, the verb
/// of fitting a space, a thing said to be missing. Sentences are our own.
/// </summary>
public class ThingSensesAndReactionsTests
{
    [Theory]
    [InlineData("По телефону записаться невозможно, ужас.")]
    [InlineData("Телефон вечно занят, ужасно.")]
    [InlineData("Nobody answered the phone, terrible.")]
    [InlineData("Getting through by phone is awful.")]
    [InlineData("Chat, phone and email: terrible.")]
    public void A_phone_called_is_the_line_not_a_thing_sold(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Продали б/у телефон как новый, ужасно.")]
    [InlineData("The phone is great.")]
    public void A_phone_sold_is_still_judged(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("В обед это просто ужасно.")]
    [InlineData("Got terribly bored by lunch.")]
    public void A_meal_after_a_preposition_of_time_is_the_hour(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Fact]
    public void A_meal_served_is_still_judged()
    {
        Assert.Contains("quality", FactorsIn("Обед в вагоне-ресторане вкусный."));
    }

    [Theory]
    [InlineData("Абонемент выгодный.")]
    [InlineData("Программа реально выгодная.")]
    public void A_verdict_of_value_for_money_is_not_the_things_quality(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Fact]
    public void A_verdict_of_how_the_thing_is_stays_the_things()
    {
        Assert.Contains("quality", FactorsIn("Абонемент отличный."));
    }

    [Theory]
    [InlineData("Всё сделали за час, вежливые.")]
    [InlineData("За час сделали маникюр.")]
    public void The_time_a_job_took_is_not_how_well_it_was_done(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Fact]
    public void A_job_praised_for_how_it_was_done_is_still_judged()
    {
        Assert.Contains("quality", FactorsIn("Всё сделали аккуратно."));
    }

    [Theory]
    [InlineData("Приятно удивлена.")]
    [InlineData("Низкий поклон.")]
    [InlineData("Рекорд побит, поздравляю.")]
    [InlineData("Бывало и лучше.")]
    public void The_authors_own_reaction_is_no_thing_sold(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Пусто и спокойно днём.")]
    [InlineData("Внутри хорошо.")]
    [InlineData("Встаю во дворах, удобно.")]
    [InlineData("Wasted trip.")]
    [InlineData("Идеальный поход.")]
    public void When_where_the_customers_own_doing_or_trip_is_no_thing_sold(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Returned a jacket that didn't fit, easy.")]
    [InlineData("The sofa didn't fit through our door.")]
    public void The_verb_of_fitting_a_space_or_a_size_is_no_verdict_on_the_fit(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("The fit is perfect.")]
    [InlineData("Ordered my usual M, it fits like an S.")]
    public void The_fit_of_a_garment_is_still_judged(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Fact]
    public void A_thing_said_only_to_be_missing_in_English_is_no_verdict_on_it()
    {
        Assert.DoesNotContain("quality", FactorsIn("Bag rifled through, a watch missing."));
    }
}
