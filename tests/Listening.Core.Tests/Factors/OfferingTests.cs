using Listening.Core.Factors;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 10: the thing a brand sells, in a domain no list has seen — its condition said of it (new, old, worn out, «старенький»),
/// a defect or failure of any thing (squeaks, sagged, «расшатался», "wouldn't start"), and the words of the offering learned
/// from the brand's own feedback (<see cref="OfferingLexicon"/>). Sentences are our own, for offerings no dev story covers:
/// airline seats, a cinema's screens, a marketplace's goods, a streaming service's films, a coworking's desks, a bike rental.
/// </summary>
public class OfferingTests
{
    private static IReadOnlyList<string> FactorsWith(FactorTaxonomy taxonomy, string text) =>
        new FactorExtractor(taxonomy).Extract(text).Select(m => m.Factor).Distinct().ToList();

    [Theory]
    [InlineData("Велосипеды старые, зато прокат рядом с домом.")]
    [InlineData("Кресла новые, экран огромный.")]
    [InlineData("Шезлонги старенькие, но пляж тихий.")]
    [InlineData("Old bikes, friendly staff.")]
    [InlineData("New desks, comfy chairs.")]
    public void A_short_clause_of_a_thing_and_its_condition_judges_the_offering(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Вебинар полезный, запись прислали сразу.")]
    [InlineData("Подкаст сильный.")]
    [InlineData("Useful masterclass.")]
    [InlineData("Brand new bikes, friendly staff.")]
    public void A_short_clause_of_a_thing_and_what_it_is_worth_judges_the_offering(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("Сильный ветер, паром задержали.")]
    [InlineData("Сильный дождь, такси не найти.")]
    public void The_weather_is_no_thing_sold(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Theory]
    // Round 19: not a seat of the place («Кресло в зале скрипит», "The seat in front of me squeaks"): its fittings are its comfort
    // (LABELLING.md, "Fittings of the place are its comfort"; PlaceFittingsTests)
    [InlineData("Велотренажёр скрипит на каждом движении.")]
    [InlineData("Стол в коворкинге шатается, работать невозможно.")]
    [InlineData("The rowing machine squeaks every time I pull.")]
    [InlineData("The desk sagged in the middle within a week.")]
    [InlineData("The projector in room two wouldn't start again.")]
    [InlineData("Самокат заглох посреди моста.")]
    public void A_defect_or_failure_of_any_thing_is_the_offerings_quality(string text)
    {
        Assert.Contains("quality", FactorsIn(text));
    }

    [Theory]
    [InlineData("The new app is awful.")]
    [InlineData("Новые правила оплаты неудобные.")]
    [InlineData("Старый курьер был вежливее.")]
    public void A_condition_word_said_of_another_factors_thing_stays_that_factors(string text)
    {
        Assert.DoesNotContain("quality", FactorsIn(text));
    }

    [Fact]
    public void Words_judged_again_and_again_in_a_brands_feedback_are_learned_as_its_offering()
    {
        string[] texts =
        [
            "Шезлонги новые, всё отлично.", "Шезлонг отличный.", "Шезлонги старые.", "Ужасный шезлонг.", "Шезлонги новые, цены нормальные.",
            "Приложение удобное.", "Приложение отличное.", "Приложение ужасное.", "Приложение удобное, шезлонг новый.",
            "Погода отличная.",
        ];
        var words = OfferingLexicon.Learn(FactorTaxonomy.Default, texts);
        Assert.Contains(words, w => w.StartsWith("шезлонг", StringComparison.Ordinal));
        // The app is a factor's word, the weather no thing sold (and judged once): neither is learned.
        Assert.DoesNotContain(words, w => w.StartsWith("приложени", StringComparison.Ordinal) || w.StartsWith("погод", StringComparison.Ordinal));
    }

    [Fact]
    public void A_learned_offering_word_is_quality_where_it_is_judged_and_nowhere_else()
    {
        var taxonomy = OfferingLexicon.Apply(FactorTaxonomy.Default, ["seats"]);
        Assert.Contains("quality", FactorsWith(taxonomy, "The seats on this airline are cramped, honestly."));
        Assert.DoesNotContain("quality", FactorsWith(taxonomy, "We booked two seats together for the flight to Rome."));
        Assert.DoesNotContain("quality", FactorsWith(FactorTaxonomy.Default, "The seats on this airline are cramped, honestly."));
    }

    [Fact]
    public void The_learned_lexicon_does_not_depend_on_the_order_of_the_items()
    {
        string[] texts = ["Films are great.", "Great films.", "The films are awful.", "Awful films, great price.", "Films great.", "Shows are boring.", "Boring shows.", "The shows are boring.", "Shows boring."];
        Assert.Equal(OfferingLexicon.Learn(FactorTaxonomy.Default, texts), OfferingLexicon.Learn(FactorTaxonomy.Default, texts.Reverse()));
        Assert.Equal(
            OfferingLexicon.Learn(FactorTaxonomy.Default, texts),
            OfferingLexicon.Learn(FactorTaxonomy.Default, texts).Order(StringComparer.Ordinal));
    }
}
