using Listening.Core.Responses;

namespace Listening.Core.Tests.Responses;

public class RussianGrammarTests
{
    [Theory]
    [InlineData(0, "баллов")]
    [InlineData(1, "балл")]
    [InlineData(2, "балла")]
    [InlineData(4, "балла")]
    [InlineData(5, "баллов")]
    [InlineData(11, "баллов")]
    [InlineData(12, "баллов")]
    [InlineData(14, "баллов")]
    [InlineData(21, "балл")]
    [InlineData(22, "балла")]
    [InlineData(101, "балл")]
    [InlineData(111, "баллов")]
    [InlineData(1000, "баллов")]
    public void Plural_agrees_with_the_number(int n, string expected)
    {
        Assert.Equal(expected, RussianGrammar.Plural(n, "балл", "балла", "баллов"));
    }

    [Theory]
    [InlineData(new[] { "о доставке" }, "о доставке")]
    [InlineData(new[] { "о доставке", "о цене" }, "о доставке и цене")]
    [InlineData(new[] { "о доставке", "о цене", "о качестве" }, "о доставке, цене и качестве")]
    [InlineData(new[] { "о цене", "об оплате" }, "о цене и об оплате")]
    [InlineData(new[] { "с доставкой", "со службой поддержки" }, "с доставкой и со службой поддержки")]
    public void Phrases_share_a_common_preposition_and_keep_differing_ones(string[] phrases, string expected)
    {
        Assert.Equal(expected, ThankYouComposer.JoinPhrases(phrases, "и"));
    }
}
