using Listening.Core.Factors;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 10: a part of a building or a place — an entrance, a yard, a stairwell, a foyer, a corridor — judged as clean,
/// dirty, dark or broken, or named as where something else happened, is no location; the location is getting there, finding
/// the place, the distance, parking. The sentences are our own, for places no dev story covers: a cinema, a coworking, a
/// hostel, a mall's car park, a library, a theatre.
/// </summary>
public class PlacePartTests
{
    [Theory]
    // cleanliness or condition judged where the place part is
    [InlineData("В подъезде хостела чисто и пахнет свежестью.")]
    [InlineData("В подъезде бизнес-центра опять грязь и окурки.")]
    [InlineData("Во дворе кинотеатра чисто, урны пустые.")]
    [InlineData("The entrance of the cinema is spotless.")]
    [InlineData("The lift in entrance 2 of the coworking has been broken for a week.")]
    [InlineData("The hostel stairwell smells of damp and the bulbs are out.")]
    [InlineData("The coworking corridor is always clean.")]
    [InlineData("The cinema foyer is cosy and well lit.")]
    // the place part only says where something else happened
    [InlineData("Уборщица библиотеки оставила вёдра в подъезде.")]
    [InlineData("Ремонт освещения во дворе театра обещают третью неделю.")]
    [InlineData("Shout-out to the cleaner in the hostel entrance, she is lovely.")]
    public void A_place_part_judged_or_named_as_where_something_happened_is_no_location(string text)
    {
        Assert.DoesNotContain("location_parking", FactorsIn(text));
    }

    [Theory]
    // getting there, finding the place, its distance: the location, whatever the place part
    [InlineData("Удобный подъезд к кинотеатру, можно подъехать прямо к входу.")]
    [InlineData("Вход в хостел нашли с трудом, подъезд не найти без навигатора.")]
    [InlineData("The coworking entrance is impossible to find, there is no sign.")]
    [InlineData("The hostel entrance is hidden in an alley, hard to find at night.")]
    [InlineData("The mall's underground car park is hard to find, the signs point the wrong way.")]
    [InlineData("Библиотека прямо во дворе, два шага от дома.")]
    [InlineData("Машина каршеринга стояла прямо у подъезда.")]
    public void Getting_to_or_finding_the_place_stays_the_location(string text)
    {
        Assert.Contains("location_parking", FactorsIn(text));
    }

    [Theory]
    [InlineData("Обещали перезвонить в ближайшее время, тишина.")]
    [InlineData("Ближайшая запись в коворкинг через неделю.")]
    [InlineData("Абонемент в кинотеатр средний по району.")]
    public void The_next_slot_or_a_district_as_a_yardstick_is_no_place(string text)
    {
        Assert.DoesNotContain("location_parking", FactorsIn(text));
    }
}
