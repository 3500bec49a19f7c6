using Listening.Core.Factors;

namespace Listening.Core.Tests.Factors;

public class FactorTaxonomyTests
{
    [Fact]
    public void The_default_taxonomy_covers_the_consumer_brand_factors_in_both_languages()
    {
        string[] expected =
        [
            "price", "quality", "delivery", "staff", "waiting_time", "support", "website_app", "payment",
            "assortment", "cleanliness_atmosphere", "location_parking", "returns", "loyalty",
        ];
        Assert.Equal(expected, FactorTaxonomy.Default.Factors.Select(f => f.Id));
        foreach (var factor in FactorTaxonomy.Default.Factors)
        {
            Assert.False(string.IsNullOrWhiteSpace(factor.Name("ru")), factor.Id);
            Assert.NotEqual(factor.Name("ru"), factor.Name("en"));
            Assert.True(factor.Terms["ru"].Count >= 5, factor.Id);
            Assert.True(factor.Terms["en"].Count >= 5, factor.Id);
        }
    }

    [Fact]
    public void Packs_for_restaurants_banks_and_telecom_ship_and_add_their_factors()
    {
        Assert.Superset(new HashSet<string> { "default", "restaurants", "banks", "telecom" }, FactorTaxonomy.Shipped.ToHashSet());
        Assert.NotNull(FactorTaxonomy.WithPacks("restaurants").Find("food"));
        Assert.NotNull(FactorTaxonomy.WithPacks("banks").Find("cards"));
        Assert.NotNull(FactorTaxonomy.WithPacks("telecom").Find("coverage"));
        // A pack extends a default factor rather than replacing it.
        var staff = FactorTaxonomy.WithPacks("restaurants").Find("staff")!;
        Assert.Contains("waiter", staff.Terms["en"]);
        Assert.Contains("cashier", staff.Terms["en"]);
    }

    [Fact]
    public void A_brand_override_renames_extends_removes_and_adds_factors()
    {
        var taxonomy = FactorTaxonomy.Default.With("""
            {
              "remove": ["loyalty"],
              "factors": [
                { "id": "price", "names": { "ru": "Стоимость" }, "terms": { "ru": ["прайс-лист"] } },
                { "id": "kids_corner", "names": { "en": "Kids' corner" }, "terms": { "en": ["play area"] } }
              ]
            }
            """);

        Assert.Null(taxonomy.Find("loyalty"));
        Assert.Equal("Стоимость", taxonomy.Find("price")!.Name("ru"));
        Assert.Contains("прайс-лист", taxonomy.Find("price")!.Terms["ru"]);
        Assert.Contains("=цена", taxonomy.Find("price")!.Terms["ru"]);
        Assert.Equal("kids_corner", taxonomy.Factors[^1].Id);
        Assert.Equal("Kids' corner", taxonomy.Find("kids_corner")!.Name("ru")); // falls back to English
    }

    [Fact]
    public void A_brand_override_adds_taking_terms_that_name_their_factor_and_take_another_factors_words_over()
    {
        // A toll road operator: a toll debited by a transponder is money taken, and the sum with it no price.
        var taxonomy = FactorTaxonomy.Default.With("""
            { "factors": [ { "id": "payment", "takingTerms": { "en": ["transponder debited"] }, "takes": ["price"] } ] }
            """);
        var payment = taxonomy.Find("payment")!;
        Assert.Contains("transponder debited", payment.TakingTerms["en"]);
        Assert.Contains("transponder debited", payment.Terms["en"]);
        Assert.Contains("price", payment.Takes);
        var found = new FactorExtractor(taxonomy).Extract("The transponder debited 900 for a trip I never made.").Select(m => m.Factor).ToList();
        Assert.Contains("payment", found);
        Assert.DoesNotContain("price", found);
    }

    [Fact]
    public void Replace_starts_from_an_empty_taxonomy()
    {
        var taxonomy = FactorTaxonomy.Default.With("""{ "replace": true, "factors": [ { "id": "only", "terms": { "en": ["x"] } } ] }""");
        Assert.Equal(["only"], taxonomy.Factors.Select(f => f.Id));
    }

    [Theory]
    [InlineData("{ \"factors\": [ { \"id\": \"a\", ")]
    [InlineData("{ \"factors\": [ { \"terms\": {} } ] }")]
    public void Broken_configuration_is_a_clear_format_error(string json)
    {
        var error = Assert.Throws<FormatException>(() => FactorTaxonomy.Default.With(json));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Unknown_pack_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => FactorTaxonomy.WithPacks("casinos"));
        Assert.Contains("restaurants", error.Message);
    }

    [Fact]
    public void A_brands_override_can_send_the_services_own_lateness_to_another_factor()
    {
        var text = "Three hours late though.";
        Assert.Contains(new FactorExtractor(FactorTaxonomy.Default).Extract(text), m => m.Factor == "waiting_time");
        var courierBrand = FactorTaxonomy.Default.With("""{ "qualifiers": { "latenessFactor": "delivery" } }""");
        var mentions = new FactorExtractor(courierBrand).Extract(text);
        Assert.Contains(mentions, m => m.Factor == "delivery");
        Assert.DoesNotContain(mentions, m => m.Factor == "waiting_time");
    }
}

