using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 18: a thing set apart from the rest and judged is the thing sold, in Russian as in English; the condition goods arrive in is
/// the delivery's, not the thing's quality; a place or whose phrase after a thing called the best, and «у них», are no thing of their
/// own; a stretch of the customer's time is no thing sold. Sentences are our own.
/// </summary>
public class ThingsApartArrivalsAndPlacesTests
{
    [Theory]
    [InlineData("Доставили быстро. Но сам маникюр слабый.")]
    [InlineData("Поддержка отвечает быстро. А вот сам курс — никакой.")]
    [InlineData("Support is quick. The course itself is great.")]
    [InlineData("Paid parking, annoying. The gym itself is very decent.")]
    public void A_thing_set_apart_from_the_rest_and_judged_is_the_thing_sold(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Бортпроводник сам нашёл меня и всё отдал, молодец.")]
    [InlineData("Ну спасибо, сама исправлю.")]
    [InlineData("Ремонто: сам товар дешёвый.")]
    [InlineData("Shipping cost more than the paint itself, awful.")]
    public void A_person_who_did_it_himself_a_price_or_a_thing_compared_with_is_not_a_thing_set_apart(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Книги пришли разбитые.")]
    [InlineData("Книга пришла с мятым корешком.")]
    [InlineData("One book came with a dented corner.")]
    [InlineData("Then the books turned up in a torn bag.")]
    public void Goods_that_arrive_damaged_are_the_deliverys_not_a_verdict_on_how_they_were_made(string text)
    {
        var factors = FactorsIn(text);
        Assert.DoesNotContain("quality", factors);
        Assert.Contains("delivery", factors);
    }

    [Fact]
    public void A_defect_said_apart_from_the_arrival_and_a_car_that_came_damaged_stay_quality()
    {
        Assert.Contains("quality", FactorsIn("Коробку привезли мятую, одна полка треснула."));
        Assert.Contains("quality", FactorsIn("Приехала машина с треснутым лобовым и лысой резиной."));
    }

    [Theory]
    [InlineData("Лучший звук в городе.")]
    [InlineData("Best slides in the city.")]
    [InlineData("Best balayage of my life.")]
    [InlineData("Бензин у них хороший.")]
    public void A_place_phrase_after_a_thing_called_the_best_and_whose_it_is_are_no_thing_of_their_own(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Прораб в будни — пустой.")]
    [InlineData("Перенесли на завтра, отлично.")]
    [InlineData("Great weekend in Sochi.")]
    [InlineData("Поддержка — лучшая из всех служб.")]
    public void A_phrase_of_when_a_stretch_of_time_and_a_business_weighed_against_others_are_no_thing_sold(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }
}
