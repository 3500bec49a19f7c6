using Listening.Core.Factors;
using Listening.Core.Factors.Evaluation;

namespace Listening.Core.Tests.Factors;

/// <summary>The mapping files in ml-models/factors/mappings must only point at factors the taxonomy (with the named packs) defines.</summary>
public class MappingFilesTests
{
    private static string MappingsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ml-models", "factors", "mappings");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("ml-models/factors/mappings not found above the test binaries");
    }

    public static TheoryData<string> Files() => new(Directory.EnumerateFiles(MappingsDirectory(), "*.json").Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_mapped_factor_exists_in_the_taxonomy_with_its_packs(string file)
    {
        var mapping = AspectMapping.Parse(File.ReadAllText(Path.Combine(MappingsDirectory(), file)));
        var taxonomy = FactorTaxonomy.WithPacks(mapping.Packs);

        foreach (var factor in mapping.EvaluatedFactors.Concat(mapping.Fold.Keys).Concat(mapping.Fold.Values))
            Assert.True(taxonomy.Find(factor) is not null, $"{file}: factor '{factor}' is not in the taxonomy");
    }

    [Fact]
    public void Every_aspect_labelled_dataset_has_a_mapping()
    {
        var datasets = Directory.EnumerateFiles(MappingsDirectory(), "*.json")
            .Select(f => AspectMapping.Parse(File.ReadAllText(f)).Dataset).ToHashSet();
        Assert.Superset(datasets, new HashSet<string>
        {
            "semeval_absa_en", "sentirueval2015_absa_ru", "banki_aste_ru", "airline_tweets_en", "nhs_patient_feedback_en",
        });
    }
}
