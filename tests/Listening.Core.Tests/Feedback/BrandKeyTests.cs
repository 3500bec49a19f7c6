using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Loyalty;

namespace Listening.Core.Tests.Feedback;

public class BrandKeyTests
{
    [Fact]
    public void Brand_names_differing_in_case_or_surrounding_spaces_are_one_brand()
    {
        Assert.Equal("lavka", BrandKey.Of(" Lavka "));
        Assert.Equal("лавка плюс", BrandKey.Of("ЛАВКА Плюс"));
        Assert.True(BrandKey.Comparer.Equals("LAVKA", " lavka"));
        Assert.Equal(BrandKey.Comparer.GetHashCode("LAVKA"), BrandKey.Comparer.GetHashCode(" lavka"));
        Assert.False(BrandKey.Comparer.Equals("lavka", "lavka plus"));
    }

    [Fact]
    public void Per_brand_taxonomy_is_found_whatever_the_case_of_the_item_s_brand()
    {
        var taxonomies = new BrandTaxonomies(FactorTaxonomy.Default, [new BrandTaxonomyConfig(" Lavka", FactorTaxonomy.Shipped.Take(1).ToList())]);

        Assert.NotSame(taxonomies.Fallback, taxonomies.For("LAVKA"));
        Assert.Same(taxonomies.For("lavka"), taxonomies.For("LAVKA"));
        Assert.Same(taxonomies.Fallback, taxonomies.For("megamart"));
    }

    [Fact]
    public void Per_brand_loyalty_rules_apply_whatever_the_case_even_in_a_dictionary_bound_without_a_comparer()
    {
        var rules = new LoyaltyRules { Brands = new Dictionary<string, BrandRules> { ["LAVKA"] = new() { Points = 7 } } };

        Assert.Equal(7, rules.PointsFor("Lavka", "site"));
        Assert.Equal(7, rules.PointsFor(" lavka ", "site"));
        Assert.Equal(rules.Points, rules.PointsFor("megamart", "site"));
    }
}
