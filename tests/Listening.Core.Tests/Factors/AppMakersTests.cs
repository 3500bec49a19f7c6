using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 14: the people who build a service's app are the app's — thanks to them is praise of the app, not of a thing sold.</summary>
public class AppMakersTests
{
    [Theory]
    [InlineData("Спасибо разработчикам!")]
    [InlineData("Разработчикам — респект.")]
    [InlineData("Thanks devs!")]
    public void Thanks_to_the_apps_makers_is_the_apps(string text)
    {
        var factors = FactorsIn(text);
        Assert.Contains("website_app", factors);
        Assert.DoesNotContain("quality", factors);
    }
}
