using Listening.Core.Factors;
using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;
using static Listening.Core.Tests.Factors.DefaultExtraction;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 8: the people of a service are found by how their names are made, not by a list per domain — the suffix of a
/// trade (-олог, -иатр, -евт, -ист, "-ist", "-ician"), a name with a patronymic, a title before a name — and a person who
/// opens a clause is judged by what they did. Sentences are our own, for services no dev story covers (a dentist, a vet,
/// a notary, a beauty salon, a driving school, an insurer, a speech therapist).
/// </summary>
public class PeopleByMorphologyTests
{
    [Theory]
    [InlineData("Гастроэнтеролог замечательная, всё объяснила.")]
    [InlineData("Дефектолог отличный, сын наконец выговаривает «р».")]
    [InlineData("Трихолог лучший, волосы перестали выпадать.")]
    [InlineData("Фтизиатр ужасный, ничего не объяснил.")]
    [InlineData("Визажистка отличная, макияж продержался весь день.")]
    [InlineData("The orthodontist was fantastic.")]
    [InlineData("Our hygienist is lovely, so gentle.")]
    [InlineData("A brilliant podiatrist, my feet finally stopped hurting.")]
    [InlineData("The dietician was brilliant, the plan actually works.")]
    [InlineData("Awful cosmetician, my brows are uneven.")]
    public void A_trade_named_by_its_suffix_and_judged_is_staff(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Спасибо Марине Олеговне, нотариус от бога!")]
    [InlineData("Инна Юрьевна — чудесный человек, сын её обожает.")]
    [InlineData("Олег Петрович грубил весь урок вождения.")]
    [InlineData("Thank you Dr. Reyes, brilliant as always.")]
    public void A_person_named_with_a_patronymic_or_a_title_and_judged_is_staff(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    [InlineData("Психолог пропала на месяц, сессии отменили без звонка.")]
    [InlineData("Стоматолог весь приём смотрел в телефон.")]
    [InlineData("The specialist left the room twice during the visit.")]
    [InlineData("Our orthodontist moved my slot three times.")]
    public void A_person_who_opens_the_clause_is_judged_by_what_they_did(string text)
    {
        Assert.Contains("staff", FactorsIn(text));
    }

    [Theory]
    // not a trade: a list, a prologue, cleaning, being clean, a verb, the customer on holiday
    [InlineData("Плейлист в салоне отличный.")]
    [InlineData("Great checklist in the app.")]
    [InlineData("Пролог у книги интересный.")]
    [InlineData("Химчистка отличная, пятна вывели.")]
    [InlineData("I insist the price was fair.")]
    [InlineData("Туристы довольны, всё отлично.")]
    [InlineData("Nice for tourists, great views.")]
    // a name with no patronymic, a person mentioned as an object or asked about
    [InlineData("Записались к стоматологу в другом районе.")]
    [InlineData("Кто знает хорошего кардиолога?")]
    public void Words_that_only_look_like_a_trade_or_persons_not_judged_are_not_staff(string text)
    {
        Assert.DoesNotContain("staff", FactorsIn(text));
    }

    [Fact]
    public void A_person_judged_takes_the_polarity_of_what_their_clause_says()
    {
        var mention = Assert.Single(Default.Extract("Дерматолог ужасный, всё время торопился."), m => m.Factor == "staff");
        Assert.Equal(SentimentLabel.Negative, mention.Label);
    }

    [Fact]
    public void The_point_of_a_title_before_a_name_ends_no_sentence()
    {
        var text = "Thank you Dr. Reyes, brilliant.";
        var clauses = ClauseSplitter.Split(text, WordTokenizer.Tokenize(text));
        Assert.Single(clauses);
    }

    [Fact]
    public void A_brand_can_add_a_trade_suffix_of_its_own()
    {
        // A suffix term with its inflections and a letter class before it, as a brand's override writes it.
        var taxonomy = FactorTaxonomy.Default.With("""{"factors":[{"id":"staff","judgedTerms":{"ru":["*режиссер(|а|у|ом|ы|ов)"]}}]}""");
        var extractor = new FactorExtractor(taxonomy);
        Assert.Contains(extractor.Extract("Звукорежиссер отличный, запись сказочная."), m => m.Factor == "staff");
        Assert.DoesNotContain(new FactorExtractor(FactorTaxonomy.Default).Extract("Звукорежиссер отличный, запись сказочная."), m => m.Factor == "staff");
    }
}
