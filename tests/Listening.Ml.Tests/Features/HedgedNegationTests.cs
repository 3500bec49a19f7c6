using Listening.Ml.Features;

namespace Listening.Ml.Tests.Features;

public class HedgedNegationTests
{
    [Theory]
    [InlineData("Не могу сказать, что плохо.", "не плохо.")]
    [InlineData("Нельзя сказать что дорого", "не дорого")]
    [InlineData("Не сказал бы, что было вкусно", "не вкусно")]
    [InlineData("I can't say it was bad at all.", "not bad at all.")]
    [InlineData("I wouldn't say the food is great", "not great")]
    public void A_negated_hedge_becomes_a_negator_next_to_the_judgement(string text, string expected) =>
        Assert.Equal(expected, HedgedNegation.Rewrite(text));

    [Theory]
    [InlineData("Могу сказать, что всё отлично")]
    [InlineData("Не понравилось совсем")]
    [InlineData("I can say it was great")]
    public void Other_texts_are_left_alone(string text) => Assert.Equal(text, HedgedNegation.Rewrite(text));
}
