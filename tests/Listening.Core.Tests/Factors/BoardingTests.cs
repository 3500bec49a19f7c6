using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 14: «посадка» said bare is boarding (a plane, a train, a taxi), not a thing sold; a garment's or a seat's fit is
/// quality only where judged.</summary>
public class BoardingTests
{
    [Theory]
    [InlineData("Посадка через автобус с дальнего выхода.")]
    [InlineData("Посадка в 13:20, вылет в 14:00.")]
    public void Boarding_said_bare_is_no_thing_sold(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Посадка у джинсов идеальная.")]
    [InlineData("Посадка отличная, ткань плотная.")]
    public void A_fit_judged_is_the_things_quality(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }
}
