using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 14b: a sports venue sells its ground and the ride up it — a ski resort's slopes, runs and snow, its lifts, the skis it
/// hires out — so, judged, they are the thing sold (quality), as a gym's machines are; a highway passed by («с трассы») is no
/// run, and a yard whose snow is not cleared is the place's. Sentences are our own (a cross-country centre, a snow park).
/// </summary>
public class SportsVenueTests
{
    [Theory]
    [InlineData("Склоны отлично подготовлены, снег мягкий.")]
    [InlineData("Лыжи в прокате ужасные.")]
    [InlineData("Perfect slopes and fresh snow every morning.")]
    [InlineData("The gondola is great, fast and quiet.")]
    public void A_venues_ground_and_lifts_judged_are_the_thing_sold(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Очередь на подъёмник ужасная.")]
    [InlineData("Huge queue for the chairlift.")]
    public void A_queue_for_the_lift_is_still_the_wait(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("waiting_time", factors);
        Assert.DoesNotContain("quality", factors);
    }

    [Fact]
    public void A_highway_passed_by_is_no_run_judged()
    {
        Assert.DoesNotContain("quality", FactorsIn("Удобный съезд прямо с трассы."));
    }

    [Fact]
    public void A_yard_whose_snow_is_not_cleared_is_the_places()
    {
        var factors = FactorsIn("Снег во дворе не чистят, скользко.");
        Assert.Contains("cleanliness_atmosphere", factors);
        Assert.DoesNotContain("quality", factors);
    }

    // A machine that halts while it runs is a condition word on it, said of a judged thing only (not of a bus stopping at a door).
    [Theory]
    [InlineData("Подъёмник постоянно останавливается.")]
    [InlineData("The chairlift stops every half hour.")]
    public void A_lift_that_keeps_stopping_is_the_thing_sold(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Fact]
    public void A_bus_stopping_at_the_door_judges_no_thing_sold()
    {
        Assert.DoesNotContain("quality", FactorsIn("Автобус останавливается прямо у входа."));
    }
}
