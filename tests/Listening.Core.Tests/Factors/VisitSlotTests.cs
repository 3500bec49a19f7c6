using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 19 (lead, after the look at `moving`): a person who comes to the customer — a crew, movers, installers — said to be late
/// or on time has kept or missed a booked visit slot, which the labelling guideline makes the delivery's ("A job left with the
/// brand is delivered"); a salon's «мастер» late for the chair the customer waits in, and a flight's crew, stay the wait.
/// Sentences are our own.
/// </summary>
public class VisitSlotTests
{
    [Theory]
    [InlineData("Бригада опоздала на три часа.")]
    [InlineData("Монтажники опоздали на два часа.")]
    [InlineData("The installers were two hours late.")]
    public void A_visiting_crew_late_for_its_slot_is_the_delivery_not_the_wait(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("delivery", factors);
        Assert.DoesNotContain("waiting_time", factors);
    }

    [Theory]
    [InlineData("Мастер опоздала на 30 минут.")]
    [InlineData("Forty minutes late out of Sochi, but the crew handed out water.")]
    [InlineData("Инженер пришёл через 40 минут после звонка.")]
    public void A_salons_master_a_flights_crew_and_a_visit_timed_without_lateness_stay_the_wait(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("waiting_time", factors);
        Assert.DoesNotContain("delivery", factors);
    }
}
