using static Listening.Core.Tests.Factors.DefaultExtraction;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 15: what makes a word the thing sold that is judged (quality) — a brand named with an ordinary word is a name, a thing listed with another factor's word by "and" is judged with it, and a verdict on a thing's
/// substance said without naming it («Дёшево, но поверхностно») is a verdict on what the brand sells. Sentences are our own.
/// </summary>
public class ThingJudgedTests
{
    [Theory]
    [InlineData("Заказала в химчистке Свежо, курьер опоздал.")]
    [InlineData("Сдала пальто в Свежо на Ленина, забрать в пятницу.")]
    [InlineData("#свежо #химчистка")]
    public void A_word_of_the_thing_sold_written_as_a_name_judges_nothing(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Fact]
    public void An_opinion_word_written_as_a_name_gives_no_opinion_but_a_tag_keeps_it()
    {
        Assert.Equal(SentimentLabel.Negative, Default.Extract("Курьер из Свежо опоздал на час.").Single(m => m.Factor == "delivery").Label);
        Assert.Equal(SentimentLabel.Positive, Default.Extract("Доставка сегодня #отлично").Single(m => m.Factor == "delivery").Label);
        // A full stop left out: the capital opens what is said next, no name.
        Assert.Equal(SentimentLabel.Positive, Default.Extract("Заказ привезли Отлично").Single(m => m.Factor == "delivery").Label);
    }

    [Theory]
    [InlineData("Fresh bread every morning.")]
    [InlineData("Pros: Fresh bread, polite staff.")]
    public void The_same_word_opening_a_sentence_or_a_list_item_is_still_the_thing(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Завтрак и персонал — на высоте.", "staff")]
    [InlineData("Loved the food and the staff.", "staff")]
    public void A_thing_listed_with_another_factor_by_and_is_judged_with_it(string text, string other)
    {
        var factors = FactorsIn(text);
        Assert.Contains("quality", factors);
        Assert.Contains(other, factors);
    }

    [Theory]
    [InlineData("Дёшево, но поверхностно.")]
    [InlineData("Дорого и бесполезно.")]
    [InlineData("Cheap, but shallow.")]
    [InlineData("Convenient and useful.")]
    public void A_verdict_on_the_substance_without_a_thing_judges_what_is_sold(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Fact]
    public void A_condition_word_beside_another_factor_stays_that_factor()
    {
        var factors = FactorsIn("Приложение новое, удобное.");
        Assert.Contains("website_app", factors);
        Assert.DoesNotContain("quality", factors);
    }

    [Theory]
    [InlineData("Old-fashioned, but cheap.")]
    [InlineData("Nothing new.")]
    public void A_word_of_age_or_an_idiom_with_no_thing_judges_nothing_sold(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Вчера сеанс отменили прямо перед началом.")]
    [InlineData("My yoga session got cancelled again.")]
    public void A_thing_sold_called_off_is_not_judged_for_how_it_was(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Fact]
    public void A_thing_sold_judged_beside_its_cancelling_is_still_judged()
    {
        Assert.Contains("quality", FactorsIn("Сеансы отличные, но вчерашний отменили."));
    }

    [Theory]
    [InlineData("После мойки двигателя машина глохнет на холостых.")]
    [InlineData("Since the alignment the steering pulls to the right.")]
    [InlineData("Engine trouble since the last service.")]
    public void A_machine_running_wrong_after_the_work_is_the_result(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }
}
