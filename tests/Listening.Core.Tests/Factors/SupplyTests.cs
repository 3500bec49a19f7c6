using Listening.Core.Factors;
using Listening.Core.Sentiment;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 14: a supply cut off — power, gas, water, heat, a network — is the service itself failing, whatever the utility, so
/// it is the thing sold (quality); its absence is praise. Sentences are our own, for suppliers no dev story covers (gas, a
/// district-heating company, a water company, an internet provider).
/// </summary>
public class SupplyTests
{
    private static FactorMention Quality(string text) => Default.Extract(text).Single(m => m.Factor == "quality");

    [Theory]
    [InlineData("Опять вырубили свет на полдня.")]
    [InlineData("Отключили воду без предупреждения.")]
    [InlineData("Сидели без света всю ночь.")]
    public void A_supply_cut_off_is_the_offering(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    // The cut itself is a complaint word, so even without a model the mention is negative.
    [Theory]
    [InlineData("Третье отключение газа за месяц.")]
    [InlineData("Интернет работает с перебоями.")]
    [InlineData("Two power cuts this week in our street.")]
    [InlineData("The outage lasted all evening.")]
    public void A_supply_cut_off_is_the_offering_failing(string text)
    {
        Assert.Equal(SentimentLabel.Negative, Quality(text).Label);
    }

    [Theory]
    [InlineData("Ни одного отключения за зиму.")]
    [InlineData("Газ без перебоев, счета понятные.")]
    [InlineData("Not a single outage all winter.")]
    public void A_supply_never_cut_off_is_praise(string text)
    {
        Assert.Equal(SentimentLabel.Positive, Quality(text).Label);
    }

    [Theory]
    [InlineData("Плановое отключение завтра с 10 до 12.")]
    [InlineData("Пришло уведомление об отключении за долг.")]
    [InlineData("Wrote to them about the outage, no answer for a week.")]
    [InlineData("Planned outage on Tuesday morning.")]
    public void An_outage_announced_threatened_or_only_written_about_judges_no_supply(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("В туалете нет света.")]
    public void A_room_without_light_is_the_places_not_the_supplys(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }
}
