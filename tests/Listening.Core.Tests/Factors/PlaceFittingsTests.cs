using Listening.Core.Factors;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 19 (qual19): the fittings of the place where the customer stays while served — showers, lockers, changing rooms, towels,
/// hairdryers — are the place's comfort (cleanliness_atmosphere), not the thing sold, whether dirty, broken or fine (the labelling
/// guideline, "Fittings of the place are its comfort"); where the text names a stay that is sold (a room, a bed, a night), the
/// shower is the product's. Sentences are our own: a swimming pool, a climbing wall, a bathhouse, a guest house.
/// </summary>
public class PlaceFittingsTests
{
    [Theory]
    [InlineData("Шкафчики в бассейне сломаны.")]
    [InlineData("На скалодроме в душе опять нет горячей воды.")]
    [InlineData("Полотенца в бане серые и жёсткие.")]
    [InlineData("Фены в бассейне сломаны.")]
    [InlineData("Broken lockers and cold showers at the pool.")]
    [InlineData("The climbing gym's towels are grey and the hair dryers are dead.")]
    public void A_fitting_of_the_place_judged_is_its_comfort_not_the_thing_sold(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("cleanliness_atmosphere", factors);
        Assert.DoesNotContain("quality", factors);
    }

    [Theory]
    [InlineData("Air con broken in the office.")]
    [InlineData("Кресла тесные и неудобные.")]
    [InlineData("The seats are sagging.")]
    [InlineData("Кресло в зале скрипит на каждом движении.")]
    [InlineData("The seat in front of me squeaks every time he moves.")]
    public void The_air_and_the_seats_of_the_place_are_its_comfort(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("cleanliness_atmosphere", factors);
        Assert.DoesNotContain("quality", factors);
    }

    [Fact]
    public void A_rented_car_keeps_its_air_conditioning_as_the_ride()
    {
        Assert.Contains("quality", FactorsIn("В машине кондиционер не работает."));
    }

    [Theory]
    [InlineData("Номер тесный, душ сломан.")]
    [InlineData("Two nights at the guest house, the shower was broken.")]
    public void A_shower_where_the_stay_is_sold_is_the_product(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Новые тренажёры, фены работают, душ чистый.")]
    [InlineData("New rowing machines, clean showers.")]
    public void The_thing_sold_beside_a_fitting_is_still_judged(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("quality", factors);
        Assert.Contains("cleanliness_atmosphere", factors);
    }

    [Theory]
    [InlineData("Вкусно и душевно.")]
    [InlineData("Корм такой, что пёс продаст за него душу.")]
    public void The_soul_is_no_shower(string text)
    {
        Assert.DoesNotContain("cleanliness_atmosphere", FactorsIn(text));
    }

    [Fact]
    public void A_brand_whose_offering_is_the_fitting_has_it_judged_as_its_product()
    {
        // A seat maker, a textile shop: the brand's own offering words (learned or configured) come before the default
        // reading of a place's fittings.
        var seats = OfferingLexicon.Apply(FactorTaxonomy.Default, ["seats", "полотенца"]);
        foreach (var text in new[] { "The seats are sagging.", "Полотенца серые и жёсткие." })
        {
            Assert.Contains("quality", new FactorExtractor(seats).Extract(text).Select(m => m.Factor));
            Assert.DoesNotContain("quality", FactorsIn(text));
        }
    }
}
