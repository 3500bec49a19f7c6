using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 17: an order made to order is delivered when it is ready, so its readiness timed or denied is the delivery; a
/// thing of the offering closed is a lack in the range; a pass priced against single visits is a scheme for regulars (loyalty).</summary>
public class ReadinessClosuresAndPassesTests
{
    [Theory]
    [InlineData("Glasses ready a day earlier than promised.")]
    [InlineData("Очки не готовы в назначенный день, продавец пожала плечами.")]
    [InlineData("My lenses still weren't ready.")]
    [InlineData("Очки были готовы позже срока.")]
    [InlineData("Заказ не был готов к назначенному дню.")]
    [InlineData("Results ready in a day.")]
    [InlineData("Сроки изготовления сейчас больше недели.")]
    [InlineData("Срок готовности сорвали, перенесли, потом сорвали снова.")]
    public void An_order_ready_with_its_time_or_not_ready_is_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Half an hour to pick up glasses that were already ready.")]
    [InlineData("Вельвет красивый, но я не готов отдавать полторы тысячи за билет.")]
    [InlineData("Клуб рядом с домом, но 35 900 я платить не готова.")]
    [InlineData("После видео отменила запись. Не готова рисковать.")]
    [InlineData("Booked on the website in two minutes, room was ready when I arrived.")]
    [InlineData("Ближайший к дому центр, запись точно по времени, полчаса — и готово.")]
    [InlineData("Walked in at 8 am, no queue, bouquets ready.")]
    [InlineData("Delayed here for two days because the plane was not ready.")]
    public void Readiness_found_on_coming_untimed_or_a_persons_willingness_is_no_delivery(string text)
    {
        Assert.DoesNotContain("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("The best rides were closed.")]
    [InlineData("Тренажёры закрыты на ремонт, а цена та же.")]
    [InlineData("Half the classes closed for the holidays.")]
    public void A_thing_of_the_offering_said_to_be_closed_is_a_lack_in_the_range(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Закрыли посадку у меня перед носом.")]
    [InlineData("Две кассы из четырёх закрыты.")]
    [InlineData("Туалет закрыт «на ремонт» уже месяц.")]
    [InlineData("Support closed my ticket without answering.")]
    public void A_till_a_toilet_a_boarding_or_a_ticket_closed_is_no_lack_in_the_range(string text)
    {
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Family season pass pays for itself after three visits.")]
    [InlineData("Абонемент на 10 посещений — лучший вариант для семьи.")]
    [InlineData("Взяли годовой абонемент, выходит в три раза дешевле разовых.")]
    public void A_pass_priced_against_single_visits_or_repaying_itself_is_the_loyalty_scheme(string text)
    {
        Assert.Contains("loyalty", FactorsIn(text));
    }

    [Theory]
    [InlineData("Ритм поднял цену абонемента на 20%.")]
    [InlineData("5,200 a day for a lift pass is absurd for five runs.")]
    [InlineData("Semafor season ticket to Podolsk is now 6,900 a month.")]
    [InlineData("Абонемент на сезонное хранение + две переобувки — выгодно.")]
    public void A_pass_or_its_price_on_its_own_is_no_loyalty(string text)
    {
        Assert.DoesNotContain("loyalty", FactorsIn(text));
    }
}
