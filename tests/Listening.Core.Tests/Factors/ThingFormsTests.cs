using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 16: what a word's form says it is not — the thing sold (quality). A verb, a word after a negator, an English adjective by its
/// ending or a word of a person's manner is no thing judged; a thing lost or said only to be missing is not judged for how it is; and
/// an English thing set apart with "itself" is. Sentences are our own.
/// </summary>
public class ThingFormsTests
{
    [Theory]
    [InlineData("Мастер опоздал, никто не предупредил.")]
    [InlineData("Хозяин квартиры не берёт трубку.")]
    [InlineData("Приняли без вопросов.")]
    [InlineData("Войти невозможно.")]
    [InlineData("Лучше не бывает.")]
    public void A_verb_or_a_word_after_a_negator_is_no_thing_judged(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Потеряли мою сумку.")]
    [InlineData("Пальто потеряли при чистке.")]
    [InlineData("The airline lost my suitcase.")]
    public void A_thing_lost_is_not_judged_for_how_it_is(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Куртка потеряла вид после чистки.")]
    [InlineData("The tyre lost pressure overnight.")]
    public void A_thing_that_loses_something_of_its_own_is_still_judged(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Fact]
    public void A_thing_said_only_to_be_missing_is_no_verdict_on_it_but_a_result_counted_as_nothing_is()
    {
        Assert.DoesNotContain("quality", FactorsIn("Курьер позвонил. Письма нет."));
        Assert.Contains("quality", FactorsIn("Лечения ноль."));
    }

    [Theory]
    [InlineData("Punctual and pleasant.")]
    [InlineData("Calm and kind.")]
    [InlineData("Super easy.")]
    [InlineData("Great teacher, clunky platform.")]
    [InlineData("Отличный вариант на вечер.")]
    public void An_adjective_an_intensifier_or_a_word_of_the_whole_deal_is_no_thing_sold(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("The lesson itself was useless.")]
    [InlineData("Support is quick, but the course itself is a waste of money.")]
    public void An_english_thing_set_apart_with_itself_and_judged_is_the_thing_sold(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Fact]
    public void Training_is_not_a_train_and_a_trip_is_the_customers_own()
    {
        Assert.DoesNotContain("quality", FactorsIn("I missed my train."));
        Assert.DoesNotContain("quality", FactorsIn("Saved me a wasted trip."));
        Assert.Contains("quality", FactorsIn("Personal training is excellent."));
    }
}
