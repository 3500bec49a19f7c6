using Listening.Core.Sentiment;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 16 (branch fact18d), read by form from the waiting and cleanliness misses of all dev sets: punctuality is timeliness said in
/// one word, so where it describes no factor it is the service's own wait, as "on time" is; a weak word of the place that is a
/// verdict of its own ("clean", «чисто») judges what stands in its own part of the clause, and a factor named in another part
/// (after a comma, a colon, a dash) takes nothing from it. Sentences are our own, for services no dev story covers.
/// </summary>
public class PunctualityAndPlaceVerdictsTests
{
    [Theory]
    [InlineData("Punctual and friendly ferry crossings.")]
    [InlineData("Punctual, as ever. Pity about the coffee on board.")]
    [InlineData("Паромы пунктуальные, каюты тесные.")]
    [InlineData("Пунктуальность — главное, за что я выбираю эту автобусную компанию.")]
    public void Punctuality_that_describes_nothing_is_the_services_own_wait(string text)
    {
        Assert.Contains("waiting_time", FactorsIn(text));
    }

    [Fact]
    public void Punctuality_is_praise()
    {
        var mention = Default.Extract("Punctual.").Single(m => m.Factor == "waiting_time");
        Assert.Equal(SentimentLabel.Positive, mention.Label);
    }

    [Fact]
    public void A_punctual_courier_is_the_deliverys()
    {
        var factors = FactorsIn("The courier was punctual, the parcel intact.");
        Assert.Contains("delivery", factors);
        Assert.DoesNotContain("waiting_time", factors);
    }

    [Theory]
    [InlineData("Nice clean studio, friendly staff.")]
    [InlineData("Clean, and the instructors are patient.")]
    [InlineData("Bowling alley: clean, lanes fixed fast, that's all I ask.")]
    [InlineData("Spotless, quiet, attentive instructors.")]
    public void A_place_verdict_judges_its_own_part_not_the_factor_beside_it(string text)
    {
        Assert.Contains("cleanliness_atmosphere", FactorsIn(text));
    }

    [Theory]
    [InlineData("The courier was clean and polite.")]
    [InlineData("Просторная парковка у входа.")]
    [InlineData("Clean, friendly staff at the desk.")] // round 19: "service" alone names no staff (ServiceWordTests)
    public void A_place_verdict_in_the_part_of_another_factor_is_that_factors(string text)
    {
        Assert.DoesNotContain("cleanliness_atmosphere", FactorsIn(text));
    }
}
