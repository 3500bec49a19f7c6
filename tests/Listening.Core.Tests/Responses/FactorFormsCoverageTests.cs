using System.Text.RegularExpressions;

namespace Listening.Core.Tests.Responses;

public class FactorFormsCoverageTests
{
    [Fact]
    public void Every_factor_of_the_shipped_taxonomies_has_russian_and_english_forms()
    {
        var catalog = ShippedTemplates.Catalog();
        var taxonomies = Path.Combine(ShippedTemplates.Directory, "..", "..", "..", "Listening.Core", "Factors", "Taxonomies");
        // The taxonomy files come with the factors work; until they are in the tree there is nothing to cover.
        var ids = Directory.Exists(taxonomies)
            ? Directory.GetFiles(taxonomies, "*.json").SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"id\"\\s*:\\s*\"([^\"]+)\"").Select(m => m.Groups[1].Value)).Distinct().ToList()
            : [];

        var missing = ids.Where(id => catalog.FactorFor(id, "ru") is null || catalog.FactorFor(id, "en") is null).ToList();

        Assert.Empty(missing);
    }
}
