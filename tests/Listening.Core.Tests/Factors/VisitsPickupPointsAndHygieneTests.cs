using Listening.Core.Factors;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 11: what a word of bringing names, read by what is brought and by whom — a pick-up point is a place, an installer
/// judged is a person, a courier who takes a return away brings nothing, a technician coming to a home with no goods is the
/// wait for the service — and the cleanliness of shared spaces and of hygiene. The sentences are our own, for services no dev
/// story covers: a parcel locker network, a kitchen-appliance shop, a boiler service, a lift company, an alarm installer, a
/// tattoo studio, a dentist, a dormitory, a co-living, a yacht club.
/// </summary>
public class VisitsPickupPointsAndHygieneTests
{
    [Theory]
    [InlineData("В пункте выдачи очередь на сорок минут.", "waiting_time")]
    [InlineData("The queue at the pick-up point went out the door.", "waiting_time")]
    [InlineData("Friendly staff at the pick-up point, always helpful.", "staff")]
    [InlineData("Вернула чайник через пункт выдачи, деньги пришли на следующий день.", "returns")]
    [InlineData("В библиотеке одна стойка выдачи и очередь до двери.", "waiting_time")]
    public void A_pick_up_point_is_the_place_of_what_is_said_there(string text, string factor)
    {
        var found = FactorsIn(text);
        Assert.Contains(factor, found);
        Assert.DoesNotContain("delivery", found);
    }

    [Theory]
    [InlineData("Пункт выдачи рядом с домом, удобно.")]
    [InlineData("Постамат у дома — это всё, что мне нужно.")]
    public void Where_a_pick_up_point_or_a_locker_stands_is_the_location(string text)
    {
        Assert.Contains("location_parking", FactorsIn(text));
    }

    [Theory]
    [InlineData("Постамат не открылся, посылка застряла.")]
    [InlineData("Заказала блендер вечером, утром он уже в пункте выдачи.")]
    [InlineData("Next day delivery to the pick-up point, as promised.")]
    [InlineData("Через час коробка с кофемашиной уже у двери.")]
    public void A_pick_up_point_with_nothing_else_said_of_it_stays_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Монтажники сигнализации — профи, всё аккуратно.")]
    [InlineData("The boiler installer was lovely and explained everything.")]
    [InlineData("Сборщик кухни поцарапал пол и сделал вид, что так и было.")]
    public void An_installer_judged_without_a_word_of_the_visit_is_staff(string text)
    {
        var found = FactorsIn(text);
        Assert.Contains("staff", found);
        Assert.DoesNotContain("delivery", found);
    }

    [Theory]
    [InlineData("Монтажник сигнализации опоздал на три часа.")]
    [InlineData("The boiler installer came a day late.")]
    [InlineData("Установщик кондиционера не пришёл, хотя договаривались на утро.")]
    public void An_installer_whose_visit_is_spoken_of_stays_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Вернула кофеварку через приложение, курьер забрал её на следующий день.")]
    [InlineData("Returned the toaster online, the courier picked it up the next morning.")]
    public void A_courier_who_takes_a_return_away_brings_nothing(string text)
    {
        var found = FactorsIn(text);
        Assert.Contains("returns", found);
        Assert.DoesNotContain("delivery", found);
    }

    [Fact]
    public void A_courier_who_brings_a_replacement_and_takes_the_return_is_still_the_delivery()
    {
        Assert.Contains("delivery", FactorsIn("Обмен по возврату: курьер привёз новый тостер и забрал старый."));
    }

    [Theory]
    [InlineData("Мастер по лифтам пришёл через два часа после звонка.")]
    [InlineData("Слесарь газовой службы пришёл на третий день.")]
    [InlineData("Called about the boiler at 9, the engineer came at 4 pm.")]
    [InlineData("The locksmith turned up 40 minutes after I called.")]
    public void A_technician_coming_to_a_home_with_its_time_is_the_wait(string text)
    {
        var found = FactorsIn(text);
        Assert.Contains("waiting_time", found);
        Assert.DoesNotContain("delivery", found);
    }

    [Theory]
    [InlineData("Подключение кабельного ТВ: мастер пришёл вовремя и всё настроил.")]
    [InlineData("Ordered fibre broadband, the technician came the next day.")]
    public void A_technician_coming_to_connect_something_is_the_installation_visit(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Lifts break, dispatch doesn't answer.")]
    [InlineData("Диспетчер аварийной службы вежливая, всё записала.")]
    [InlineData("The dispatcher at the towing company hung up on me.")]
    public void A_dispatch_office_is_the_support_line(string text)
    {
        var found = FactorsIn(text);
        Assert.Contains("support", found);
        Assert.DoesNotContain("delivery", found);
    }

    [Fact]
    public void Goods_dispatched_stay_the_delivery()
    {
        Assert.Contains("delivery", FactorsIn("Fast dispatch, the parcel came in two days."));
    }

    [Theory]
    [InlineData("SMS codes don't arrive so I can't log in to the app.")]
    [InlineData("Код не приходит, войти в приложение невозможно.")]
    public void A_login_code_that_does_not_come_is_no_delivery(string text)
    {
        Assert.DoesNotContain("delivery", FactorsIn(text));
    }

    [Theory]
    // hygiene of any service that touches the customer
    [InlineData("В тату-студии инструменты нестерильные, мастер без перчаток.")]
    [InlineData("The dentist's tools were sterilised in front of me.")]
    [InlineData("The nurse worked without gloves.")]
    // mould and rubbish where they are
    [InlineData("В общежитии плесень в душе.")]
    [InlineData("Mould on the walls of the co-living kitchen.")]
    [InlineData("В подъезде общежития опять мусор и окурки.")]
    [InlineData("Rubbish all over the yacht club's stairwell.")]
    // shared spaces and the people who clean them
    [InlineData("Лестничные клетки в общежитии моют через день.")]
    [InlineData("The co-living stairwells are a disgrace.")]
    [InlineData("Уборщицы в общежитии — золото.")]
    [InlineData("The cleaners at the dorm are wonderful.")]
    public void Hygiene_mould_rubbish_and_shared_spaces_are_cleanliness(string text)
    {
        Assert.Contains("cleanliness_atmosphere", FactorsIn(text));
    }

    [Theory]
    [InlineData("The receipt lands in my inbox straight away.")]
    [InlineData("Хлеб свежий, сыр с плесенью — как и заказывала, вкусный.")]
    public void A_landing_receipt_or_a_blue_cheese_is_no_dirt(string text)
    {
        Assert.DoesNotContain("cleanliness_atmosphere", FactorsIn(text));
    }
}
