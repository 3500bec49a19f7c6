using Listening.Core.Factors;
using Listening.Core.Sentiment;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 14: a thing's level said without praise or complaint — «Велосипеды обычные», "Ordinary desks", «Сервис средненький» — is
/// a verdict on the thing sold, and a neutral one (the labelling guideline's "quality 0"). Sentences are our own.
/// </summary>
public class LevelVerdictTests
{
    [Theory]
    [InlineData("Велосипеды обычные, зато прокат рядом.")]
    [InlineData("Палатки обычные.")]
    [InlineData("Ordinary desks, friendly staff.")]
    [InlineData("Экскурсия средненькая.")]
    public void A_things_ordinary_level_is_a_neutral_verdict_on_the_offering(string text)
    {
        var quality = Default.Extract(text).Single(m => m.Factor == "quality");
        Assert.Equal(SentimentLabel.Neutral, quality.Label);
    }

    [Theory]
    [InlineData("Средняя полка удобная.")]
    [InlineData("Средний класс.")]
    public void A_middle_size_or_place_is_no_level(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }
}
