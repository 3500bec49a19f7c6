using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 19 (matrix19): readings that put factors the matrix missed back in their cells — a thing held against how it
/// was sold is the thing bought (a tour's hotel, whoever runs it), the wait to reach a person on the line is a wait, a thing
/// ordered and in hand (or still not here) was delivered, a transfer that carries people is no money moved, and the seat a
/// customer sits in while served is the place's comfort; what is credited and piles up per purchase is the loyalty
/// programme's currency, whatever the brand calls it.</summary>
public class BoughtThingsHoldWaitsAndRidesTests
{
    [Theory]
    [InlineData("Отель соответствовал описанию, ни лучше, ни хуже.")]
    [InlineData("Отель не соответствовал описанию: «песчаный пляж» оказался галечным.")]
    [InlineData("Купили «пятёрку», а приехали в общагу. Описание не соответствует.")]
    [InlineData("Тайланд — сказка, отель даже лучше описания.")]
    [InlineData("Отдых удался, отель даже лучше, чем на фото.")]
    [InlineData("Отель на фото и в реальности — два разных отеля.")]
    [InlineData("Hotel was even better than the pictures.")]
    [InlineData("The hotel we got matched its description.")]
    [InlineData("Hotel wasn't what we paid for.")]
    [InlineData("Cold air again, no weird smell. Exactly what I paid for")]
    public void A_thing_held_against_how_it_was_sold_is_the_thing_bought(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Ждать оператора пришлось минут 15, ответ получил толковый")]
    [InlineData("На горячей линии 40 минут ожидания и сброс.")]
    [InlineData("Ждал на линии 35 минут, чтобы узнать, что возврат «на рассмотрении».")]
    [InlineData("Дозвонилась с пятой попытки, 40 минут слушала музыку, потом связь оборвалась")]
    [InlineData("Каталог огромный, но до оператора дозвониться долго")]
    [InlineData("Оператор помог, но минут 20 ушло на ожидание в чате")]
    [InlineData("Had to wait about 15 minutes for an agent, but the answer was helpful")]
    [InlineData("Love the catalogue, hate the hotline. 25 minutes before a human picks up")]
    [InlineData("Called the helpline and a real person answered straight away.")]
    public void The_wait_to_reach_a_person_on_the_line_is_a_wait(string text)
    {
        Assert.Contains("waiting_time", FactorsIn(text));
    }

    [Theory]
    [InlineData("Оператор сказал ждать эвакуатор два часа.")]
    [InlineData("bytexpress support takes a full day to answer anything.")]
    public void A_wait_for_something_else_or_a_slow_answer_is_no_wait_on_the_line(string text)
    {
        Assert.DoesNotContain("waiting_time", FactorsIn(text));
    }

    [Theory]
    [InlineData("ordered the plenka box at lunch, had it by dinner. impressive")]
    [InlineData("Ordered at 9am, had it by 11. Excellent.")]
    [InlineData("Paid for the box on 3 October, still not here and no one picks up the phone")]
    [InlineData("Sofa's still not here after 9 weeks.")]
    public void A_thing_ordered_and_in_hand_by_a_time_or_still_not_here_is_its_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Kompas app has a live map of the transfer bus.")]
    [InlineData("Delays both ways and a two-hour wait for the transfer.")]
    [InlineData("Lovely hotel, but the transfer from the airport took forever to show up.")]
    [InlineData("Flights on time both ways, transfer waiting for us.")]
    [InlineData("Transfer was 2 hours late and nobody called.")]
    public void A_transfer_that_carries_people_is_no_payment(string text)
    {
        Assert.DoesNotContain("payment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Third frozen transfer this month.")]
    [InlineData("App crashed during a transfer and the payment got stuck.")]
    [InlineData("In store only cash or transfer. Annoying.")]
    public void A_transfer_of_money_is_still_payment(string text)
    {
        Assert.Contains("payment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Стюардессы хорошие, кресла тесные.")]
    [InlineData("Good miles, bad legroom.")]
    [InlineData("Кресла тесные, колени в спинке.")]
    public void The_seat_a_customer_sits_in_while_served_is_the_places_comfort(string text)
    {
        Assert.Contains("cleanliness_atmosphere", FactorsIn(text));
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Дешево, быстро, искры начисляются.")]
    [InlineData("Быстрая подача, искры за каждую поездку.")]
    [InlineData("Накопила искр на три бесплатные поездки.")]
    [InlineData("Мили за прошлый перелёт так и не начислились.")]
    public void What_is_credited_and_piles_up_per_purchase_is_the_programmes_currency(string text)
    {
        Assert.Contains("loyalty", FactorsIn(text));
    }

    [Theory]
    [InlineData("В квитанции начислили за горячую воду, которой не было 10 дней.")]
    public void A_charge_credited_to_a_bill_is_no_programme(string text)
    {
        Assert.DoesNotContain("loyalty", FactorsIn(text));
    }
}
