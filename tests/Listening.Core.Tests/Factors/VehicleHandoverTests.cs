using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 17b: a vehicle handed over (bought, ordered, repaired) is the goods, so its handover or readiness timed or
/// denied is the delivery; a vehicle that carries the customer, or a handover with no vehicle or no time, names none.</summary>
public class VehicleHandoverTests
{
    [Theory]
    [InlineData("Машину отдали на неделю позже обещанного.")]
    [InlineData("Машину не отдали в срок, никто не мог ничего сказать.")]
    [InlineData("Выдали машину раньше срока.")]
    [InlineData("Машину из ремонта отдали на день раньше, чем обещали.")]
    [InlineData("They handed over the car two weeks late.")]
    [InlineData("My car came back from the body shop a day early.")]
    public void A_vehicle_handed_over_with_its_time_or_not_at_all_is_the_delivery(string text)
    {
        Assert.Contains("delivery", FactorsIn(text));
    }

    [Theory]
    [InlineData("Delayed here for two days because the plane was not ready.")]
    [InlineData("Водитель отдал нас не туда, пришлось идти пешком два дня.")]
    [InlineData("Отдали деньги через месяц.")]
    [InlineData("Забрал машину, всё чисто.")]
    [InlineData("They kept us on the plane for two days.")]
    public void A_vehicle_that_carries_the_customer_or_an_untimed_handover_is_no_delivery(string text)
    {
        Assert.DoesNotContain("delivery", FactorsIn(text));
    }
}
