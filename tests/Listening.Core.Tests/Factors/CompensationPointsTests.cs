using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 14b: points given as compensation or instead of the money asked back are the refund's, not the loyalty
/// programme's.</summary>
public class CompensationPointsTests
{
    [Theory]
    [InlineData("Компенсация баллами за закрытый день — издевательство.")]
    [InlineData("Вместо денег — баллы, это позор.")]
    [InlineData("Points as compensation for a closed day is a joke.")]
    [InlineData("Please refund the unused day to my card, not in points.")]
    public void Points_paid_as_compensation_are_the_refund_not_the_programme(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("returns", factors);
        Assert.DoesNotContain("loyalty", factors);
    }

    [Theory]
    [InlineData("Даже мили не компенсируют пять часов в аэропорту.")]
    [InlineData("Cheap, but no loyalty card, no app, no points, nothing.")]
    [InlineData("Баллы начисляются исправно.")]
    public void Points_that_make_up_for_nothing_or_are_missing_stay_the_programme(string text)
    {
        Assert.Contains("loyalty", FactorsIn(text));
    }
}
