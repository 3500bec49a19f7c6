using Listening.Core.Factors;
using Listening.Core.Sentiment;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 7: a word's factor read from what the text says it is about, not from a list per domain — goods brought are the
/// delivery's, a person carried is the ride itself, a car or a master coming is the wait before the service; the people of any
/// service named by role are staff where they are judged; the service itself (a ride, a class, a procedure, a tour) judged is
/// quality; a club is the loyalty programme only as one. Sentences are our own, written for services no dev story covers
/// (a tow truck, a moving firm, a clinic, a driving school, a tour operator, a home repair, a dance studio).
/// </summary>
public class SenseByContextTests
{
    private static FactorMention Mention(string text, string factor) => Assert.Single(Default.Extract(text), m => m.Factor == factor);

    [Theory]
    [InlineData("Эвакуатор приехал за 20 минут, хотя обещали час.")]
    [InlineData("Машина приезжает за 3 минуты даже вечером.")]
    [InlineData("The tow truck showed up in 15 minutes.")]
    [InlineData("Cars arrive in a couple of minutes, every time.")]
    [InlineData("Подача 25 минут в центре города.")]
    public void A_car_or_a_master_coming_to_the_customer_said_with_its_time_is_the_wait(string text)
    {
        var found = FactorsIn(text);
        Assert.Contains("waiting_time", found);
        Assert.DoesNotContain("delivery", found);
    }

    [Theory]
    [InlineData("Машина так и не приехала, пришлось ловить другую.")]
    [InlineData("Pre-booked a cab to the station and no car showed up.")]
    public void A_car_that_never_comes_is_the_wait_judged(string text)
    {
        var found = FactorsIn(text);
        Assert.Contains("waiting_time", found);
        Assert.DoesNotContain("delivery", found);
    }

    [Fact]
    public void A_car_that_never_comes_reads_negative_where_the_clause_says_so()
    {
        Assert.Equal(SentimentLabel.Negative, Mention("Машина так и не приехала, ужас.", "waiting_time").Label);
    }

    [Theory]
    [InlineData("Заказ привезли через два часа после окна.")]
    [InlineData("Диван привезли на день раньше, грузчики аккуратные.")]
    [InlineData("The driver arrived with my sofa two hours late.")]
    [InlineData("My parcel arrived in a day.")]
    [InlineData("Привезли за 12 минут, я даже чайник вскипятить не успела.")]
    public void Goods_brought_or_a_shop_that_brings_them_are_the_delivery(string text)
    {
        var found = FactorsIn(text);
        Assert.Contains("delivery", found);
        Assert.DoesNotContain("waiting_time", found);
    }

    [Theory]
    [InlineData("Водитель довёз меня до дома ночью, спасибо.")]
    [InlineData("Инструктор довёз нас до площадки и обратно.")]
    [InlineData("Привёз меня в аэропорт вовремя, без пробок.")]
    public void A_person_carried_is_the_ride_not_a_delivery(string text)
    {
        Assert.DoesNotContain("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Rude driver, and the cab smelled of smoke.")]
    [InlineData("Отличные водители, вежливые и аккуратные.")]
    [InlineData("The doctor was kind and explained everything.")]
    [InlineData("Инструктор по вождению отличный, терпеливый.")]
    [InlineData("Our tour guide was brilliant.")]
    [InlineData("Преподаватель хороший, объясняет понятно.")]
    public void The_people_of_any_service_named_by_role_and_judged_are_staff(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Водитель был в пути 40 минут, сказали в приложении.")]
    [InlineData("Записалась к врачу на пятницу.")]
    [InlineData("Цены на сантехнику ниже, чем у соседей.")]
    public void A_role_named_in_passing_or_a_product_that_shares_its_stem_is_no_staff_verdict(string text)
    {
        Assert.DoesNotContain("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Занятия отличные, после каждого живого места нет.")]
    [InlineData("The classes are great and the equipment is new.")]
    [InlineData("Процедура прошла идеально, ничего не болело.")]
    [InlineData("The ride was smooth and the car spotless.")]
    [InlineData("Экскурсия скучная, гид читал с листа.")]
    public void The_service_itself_judged_is_quality(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Getting there by car is a pain.")]
    [InlineData("Худший отель в поездке.")]
    [InlineData("Записалась на процедуру на вторник.")]
    public void The_customers_own_car_or_trip_or_a_booking_is_no_service_judged(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Клуб в шаговой доступности, это удобно.")]
    [InlineData("Лучший клуб в районе.")]
    [InlineData("The club is spotless.")]
    [InlineData("They sell way too many memberships.")]
    public void A_club_or_membership_as_the_venue_or_the_subscription_is_no_loyalty_programme(string text)
    {
        Assert.DoesNotContain("loyalty", FactorsIn(text));
    }

    [Theory]
    [InlineData("При новых уровнях клуба скидка всего 3%.")]
    [InlineData("The club points add up fast.")]
    [InlineData("Клубная карта даёт скидку 10%.")]
    public void A_club_that_gives_points_levels_or_discounts_is_the_loyalty_programme(string text)
    {
        Assert.Contains("loyalty", FactorsIn(text));
    }

    [Fact]
    public void A_brand_configures_what_it_brings_and_who_it_carries()
    {
        // A florist's courier brings bouquets: a brand adds its goods, and "the driver" in its texts is its delivery again.
        const string text = "The driver was 20 minutes late with the roses.";
        Assert.DoesNotContain("delivery", FactorsIn("The driver was 20 minutes late with the car."));
        var florist = new FactorExtractor(FactorTaxonomy.Default.With("""{ "conveyance": { "goods": { "en": ["roses"] } } }"""));
        Assert.Contains("delivery", florist.Extract(text).Select(m => m.Factor));
        Assert.DoesNotContain("delivery", FactorsIn(text));
    }
}
