using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 19 (qual19): a short verdict whose "thing" is the customer's own luck, a decision to pass, a secret, the advice of whoever
/// served, or a screen that "says" something judges no thing sold, so it is not quality. Sentences are our own.
/// </summary>
public class NoThingSoldTests
{
    [Theory]
    [InlineData("Good luck.")]
    [InlineData("Hard pass.")]
    [InlineData("Best kept secret.")]
    [InlineData("Advice: nonexistent.")]
    [InlineData("Пишет «ошибка».")]
    public void A_verdict_on_luck_a_pass_advice_or_a_screen_message_is_not_quality(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Fact]
    public void The_app_that_shows_an_error_keeps_its_own_factor()
    {
        var factors = FactorsIn("Приложение не открывается, пишет «ошибка».");
        Assert.Contains("website_app", factors);
        Assert.DoesNotContain("quality", factors);
    }
}
