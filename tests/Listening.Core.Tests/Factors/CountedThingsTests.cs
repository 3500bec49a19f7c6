using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>Round 18 (fact21r): things counted or closed are the range's size whatever a domain calls them — a film, a slide, a
/// course — where no factor's word names them; an offering that suits every age or taste, and a venue's repertoire, are the range.</summary>
public class CountedThingsTests
{
    [Theory]
    [InlineData("Дёшево, но развлечений мало.")]
    [InlineData("Дорого и мало фильмов.")]
    [InlineData("Expensive and very few films.")]
    [InlineData("Мало интересных фильмов.")]
    [InlineData("Only three slides at Laguna. Done in an hour.")]
    [InlineData("Only a couple of blockbusters and nothing in English.")]
    [InlineData("В Лагуне всего три горки.")]
    [InlineData("Не так много курсов, как обещали.")]
    public void A_thing_said_to_be_few_is_a_lack_in_the_range(string text)
    {
        var mention = Assert.Single(Default.Extract(text), m => m.Factor == "assortment");
        Assert.Equal(Listening.Core.Sentiment.SentimentLabel.Negative, mention.Label);
    }

    [Theory]
    [InlineData("Много горок и для малышей, и для взрослых.")]
    [InlineData("So many showtimes, and the sound is top.")]
    [InlineData("Lots of toys for kids.")]
    [InlineData("Фильмов много, копятся баллы.")]
    public void Many_things_counted_are_the_ranges_size(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Half the slides closed and the water was chilly.")]
    [InlineData("Горки закрыты, в кафе меню из трёх блюд.")]
    public void Things_of_any_name_said_to_be_closed_are_a_lack_in_the_range(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Горки на любой вкус, малышу и подростку есть где покататься.")]
    [InlineData("Slides for every age, wave pool, a kids' town.")]
    [InlineData("Something for everyone, from toddlers to adrenaline junkies.")]
    [InlineData("Секции для всех возрастов.")]
    public void An_offering_for_every_age_or_taste_is_the_ranges_breadth(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Репертуар богатый, есть и артхаус, и блокбастеры.")]
    [InlineData("The repertoire is thin on weekdays.")]
    public void A_venues_repertoire_is_its_range(string text)
    {
        Assert.Contains("assortment", FactorsIn(text));
    }

    [Fact]
    public void True_to_form_in_ones_own_repertoire_is_no_range()
    {
        Assert.DoesNotContain("assortment", FactorsIn("«Локон» в своём репертуаре: записываешься на 10, садишься в кресло в 10:45."));
    }

    [Theory]
    [InlineData("Слишком много рекламы в приложении.")]
    [InlineData("Lots of fun and a good time.")]
    [InlineData("Было много вопросов, на все ответили.")]
    [InlineData("Not great for the many expats in this complex.")]
    [InlineData("Платим мало — получаем мало.")]
    [InlineData("Waited about 15 minutes because only one counter was open.")]
    [InlineData("Gorodcar is the only one that lets you finish at the airport for free.")]
    [InlineData("Many thanks to the team.")]
    [InlineData("Много людей, очередь на кассу.")]
    public void Too_much_a_mass_a_trouble_people_or_open_counters_are_no_count_of_the_range(string text)
    {
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }

    [Theory]
    [InlineData("Аптеку на нашей улице закрыли.")]
    [InlineData("Две кассы из четырёх закрыты.")]
    [InlineData("Вход закрыт, пришлось обходить.")]
    [InlineData("Окна закрыты, душно.")]
    public void One_place_a_window_or_a_part_of_a_number_closed_is_no_lack_in_the_range(string text)
    {
        Assert.DoesNotContain("assortment", FactorsIn(text));
    }
}
