namespace Listening.Core.Factors;

/// <summary>
/// One brand's taxonomy configuration: shipped packs on top of the default, then the brand's own JSON, then the offering words
/// learned from its feedback (<see cref="OfferingLexicon"/>).
/// </summary>
public sealed record BrandTaxonomyConfig(string Brand, IReadOnlyList<string> Packs, string? OverrideJson = null, IReadOnlyList<string>? Offering = null);

/// <summary>
/// The taxonomy each brand is analysed with; brands without their own configuration get the fallback.
/// Competitor mentions are read with the taxonomy of the brand whose analysis they feed
/// (<see cref="Feedback.FeedbackItem.CompetitorOf"/>), so both sides are measured on the same factors.
/// The app reads the override files; this type only sees their text.
/// </summary>
public sealed class BrandTaxonomies
{
    private readonly Dictionary<string, FactorTaxonomy> brands;

    public BrandTaxonomies(FactorTaxonomy fallback, IEnumerable<BrandTaxonomyConfig>? configs = null)
    {
        Fallback = fallback;
        brands = new Dictionary<string, FactorTaxonomy>(Feedback.BrandKey.Comparer);
        foreach (var config in configs ?? [])
        {
            var taxonomy = FactorTaxonomy.WithPacks(config.Packs);
            try
            {
                if (!string.IsNullOrWhiteSpace(config.OverrideJson)) taxonomy = taxonomy.With(config.OverrideJson);
                taxonomy = OfferingLexicon.Apply(taxonomy, config.Offering);
            }
            catch (FormatException e)
            {
                throw new FormatException($"taxonomy of brand '{config.Brand}': {e.Message}", e);
            }
            brands[config.Brand] = taxonomy;
        }
    }

    public FactorTaxonomy Fallback { get; }

    public FactorTaxonomy For(string brand) => brands.GetValueOrDefault(brand) ?? Fallback;
}
