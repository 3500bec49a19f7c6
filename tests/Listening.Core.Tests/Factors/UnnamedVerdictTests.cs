using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors;

/// <summary>
/// Round 8: what a brand sells is judged in words no list holds (a notary's paperwork, a salon's manicure, an insurer's
/// policy, a driving school's theory). A short clause that is one thing and a verdict and names no factor is the quality of
/// that offering; a thing is told by its form. Sentences are our own, for services no dev story covers.
/// </summary>
public class UnnamedVerdictTests
{
    private static readonly FactorExtractor Default = new(FactorTaxonomy.Default);

    private static IReadOnlyList<FactorMention> Mentions(string text) => Default.Extract(text);

    [Theory]
    [InlineData("Маникюр отличный.", SentimentLabel.Positive)]
    [InlineData("Теория скучная, зато инструктор терпеливый.", SentimentLabel.Negative)]
    [InlineData("Полис бесполезный.", SentimentLabel.Negative)]
    [InlineData("Пломба ужасная.", SentimentLabel.Negative)]
    [InlineData("Terrible paperwork.", SentimentLabel.Negative)]
    [InlineData("Excellent vaccination.", SentimentLabel.Positive)]
    public void A_thing_and_a_verdict_naming_no_factor_is_the_offering_judged(string text, SentimentLabel label)
    {
        var mention = Assert.Single(Mentions(text), m => m.Factor == "quality");
        Assert.Equal(label, mention.Label);
    }

    [Fact]
    public void A_verdict_on_a_thing_after_a_clause_of_another_factor_is_its_own_not_a_remark_on_the_first()
    {
        var mentions = Mentions("Скидка приятная, стрижка кривая.");
        Assert.Equal(SentimentLabel.Positive, Assert.Single(mentions, m => m.Factor == "loyalty").Label);
        Assert.Equal(SentimentLabel.Negative, Assert.Single(mentions, m => m.Factor == "quality").Label);
    }

    [Fact]
    public void A_part_of_an_english_clause_between_commas_is_read_on_its_own()
    {
        var mentions = Mentions("Lovely manicure, steep price.");
        Assert.Contains(mentions, m => m.Factor == "quality" && m.Label == SentimentLabel.Positive);
        Assert.Contains(mentions, m => m.Factor == "price");
    }

    [Theory]
    // a verdict on everything, the business, the visit or a person; a name; a longer clause that tells more; no verdict; a question
    [InlineData("Всё отлично.")]
    [InlineData("Салон отличный, рекомендую.")]
    [InlineData("Great experience overall.")]
    [InlineData("Впечатления прекрасные.")]
    [InlineData("Спасибо, Гладь лучшая.")]
    [InlineData("Ребёнок доволен.")]
    [InlineData("Маникюр делала в пятницу вечером.")]
    [InlineData("Маникюр как маникюр.")]
    [InlineData("Хороший полис?")]
    public void Clauses_that_judge_no_thing_sold_are_not_quality(string text)
    {
        Assert.DoesNotContain(Mentions(text), m => m.Factor == "quality");
    }

    [Fact]
    public void A_brand_can_turn_the_rule_off_or_name_its_own_non_things()
    {
        var off = new FactorExtractor(FactorTaxonomy.Default.With("""{"unnamed":{"factor":"none"}}"""));
        Assert.DoesNotContain(off.Extract("Маникюр отличный."), m => m.Factor == "quality");
        var own = new FactorExtractor(FactorTaxonomy.Default.With("""{"unnamed":{"notThings":{"ru":["маникюр"]}}}"""));
        Assert.DoesNotContain(own.Extract("Маникюр отличный."), m => m.Factor == "quality");
    }
}
