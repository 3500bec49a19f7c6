using Listening.Core.Factors;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 10: money taken from the customer where it should not be — twice, off a card, as a fine, a damage bill, a deposit
/// held — is the payment, and the sum in that clause is what was taken rather than what the service costs (price); a sum merely
/// charged is a payment too and keeps the price; where a shared vehicle, a scooter or a locker
/// may be taken and left is the location; the customer's own address and route, where a ride or a courier comes, is not. The
/// sentences are our own, for services no dev story covers: a scooter hire, an airline, a marketplace, a cinema, a utility,
/// a streaming service, a courier firm, a coworking, a parcel locker network.
/// </summary>
public class MoneyTakenAndServiceAreaTests
{
    [Theory]
    [InlineData("Самокатный сервис списал 3 500 за «повреждение колеса», которого не было.")]
    [InlineData("Авиакомпания сняла с карты 12 000 за багаж, который я не сдавал.")]
    [InlineData("Стриминг снимает деньги дважды каждый месяц.")]
    [InlineData("The scooter app billed me 2,000 for parking outside the zone.")]
    [InlineData("The airline charged my card 90 for a bag I never checked.")]
    [InlineData("The cinema took 1,200 off my card for tickets that never came.")]
    public void Money_taken_where_it_should_not_be_is_the_payment_and_not_a_price(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("payment", factors);
        Assert.DoesNotContain("price", factors);
    }

    [Theory]
    [InlineData("Коворкинг выставил счёт на 4000 за уборку переговорки.")]
    [InlineData("Коммунальщики списали 8 200 за отопление.")]
    [InlineData("The airline charged 4,000 for an extra bag.")]
    public void A_sum_merely_charged_is_a_payment_and_keeps_the_price(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("payment", factors);
        Assert.Contains("price", factors);
    }

    [Theory]
    [InlineData("Прокат велосипедов заблокировал депозит 5000 и держит его месяц.")]
    [InlineData("Холд 2 000 на карте после отменённой брони так и висит.")]
    [InlineData("Got a parking fine from the scooter app for nothing.")]
    [InlineData("The coworking got fined and passed it on to us.")]
    [InlineData("They put a hold on my card for the whole stay and released it a week later.")]
    public void A_deposit_held_or_a_fine_imposed_is_the_payment(string text)
    {
        Assert.Contains("payment", FactorsIn(text));
    }

    [Theory]
    // what the thing costs, with no money said to be taken
    [InlineData("Билеты в кино 900 за сеанс, дороговато.")]
    [InlineData("The streaming plan costs 799 a month, too expensive.")]
    // a fee for cancelling is the price of an act of the service: a longer phrase covers the taking word in it
    [InlineData("Штраф за отмену брони 30%, это грабёж.")]
    [InlineData("A 50% cancellation fee on a hotel room is robbery.")]
    public void What_a_service_costs_stays_the_price(string text)
    {
        Assert.Contains("price", FactorsIn(text));
    }

    [Theory]
    [InlineData("The food was fine and the staff friendly.")]
    [InlineData("Read the fine print before you sign up.")]
    [InlineData("Took 10 mins to get through to 111.")]
    public void Fine_as_a_word_of_approval_or_small_print_is_no_fine_imposed(string text)
    {
        Assert.DoesNotContain("payment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Зона у самокатов огромная, можно оставить где угодно.")]
    [InlineData("Зона завершения аренды крохотная, пришлось ехать лишние 2 км.")]
    [InlineData("Самокаты по всему городу, очень удобно.")]
    [InlineData("The bike hire zone is tiny, only the centre.")]
    [InlineData("Scooters all over the city, I always find one outside my building.")]
    [InlineData("You can leave it anywhere inside the ring, brilliant.")]
    public void Where_a_shared_vehicle_may_be_taken_and_left_is_the_location(string text)
    {
        Assert.Contains("location_parking", FactorsIn(text));
    }

    [Theory]
    [InlineData("Курьер не нашёл мой подъезд и уехал.")]
    [InlineData("Водитель ехал по навигатору и всё равно заблудился.")]
    [InlineData("Поддержка — робот, до живого человека не добраться.")]
    public void The_customers_own_address_and_route_are_no_place_of_the_brand(string text)
    {
        Assert.DoesNotContain("location_parking", FactorsIn(text));
    }

    [Theory]
    [InlineData("The cashback they promised never showed up.", "loyalty")]
    [InlineData("The refund never arrived, two weeks now.", "returns")]
    public void What_does_not_come_is_the_thing_named_before_it_and_no_delivery(string text, string factor)
    {
        var factors = FactorsIn(text);
        Assert.Contains(factor, factors);
        Assert.DoesNotContain("delivery", factors);
    }

    [Theory]
    [InlineData("Our tutor never showed up for the lesson.")]
    [InlineData("The ambulance crew arrived within minutes.")]
    public void A_person_coming_or_never_coming_brings_no_goods(string text)
    {
        Assert.DoesNotContain("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("The parcel never arrived.")]
    [InlineData("The sofa arrived a week late.")]
    public void Goods_that_do_not_come_stay_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Brand new scooters, smooth ride.", "assortment")]
    [InlineData("This streaming service is miles ahead of the rest.", "loyalty")]
    [InlineData("Free waiting is included, nice touch.", "waiting_time")]
    [InlineData("Эти отмены всё портят.", "staff")]
    public void A_word_of_a_factor_inside_an_idiom_names_nothing(string text, string factor)
    {
        Assert.DoesNotContain(factor, FactorsIn(text));
    }

    [Theory]
    [InlineData("Airport shuttle: the pickup took 40 minutes.")]
    [InlineData("Pickups for the hotel transfer are fast.")]
    [InlineData("Трансфер из аэропорта: искали машину 40 минут.")]
    [InlineData("Эвакуатор вызвал ночью — машина через 15 минут, спасибо.")]
    [InlineData("Прокат лодок: катер подали моментально.")]
    public void A_pickup_or_a_car_searched_for_said_with_its_time_is_the_wait(string text)
    {
        Assert.Contains("waiting_time", FactorsIn(text));
    }

    [Theory]
    [InlineData("The pickup point is in the mall basement.")]
    [InlineData("Pickups are in the terminal.")]
    [InlineData("The streaming service's cashback shows up instantly.")]
    [InlineData("The utility's hotline picked up in 2 minutes.")]
    public void A_pickup_said_without_its_time_or_another_factors_thing_arriving_is_no_wait(string text)
    {
        Assert.DoesNotContain("waiting_time", FactorsIn(text));
    }
}
