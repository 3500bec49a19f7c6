using Listening.Core.Factors;

namespace Listening.Reports;

/// <summary>
/// Display names of factor ids for the report, from the shipped taxonomies (default + every pack);
/// an id defined only in a brand's own file is shown humanised ("waiting_time" → "Waiting time").
/// </summary>
public static class FactorNames
{
    private static readonly FactorTaxonomy Shipped =
        FactorTaxonomy.WithPacks(FactorTaxonomy.Shipped.Where(n => n != FactorTaxonomy.DefaultName));

    /// <summary>Whether a shipped taxonomy defines the factor.</summary>
    public static bool IsKnown(string factor) => Shipped.Find(factor) is not null;

    public static string Name(string factor, string lang)
    {
        // The default first: a pack may remove a default factor (restaurants' "food" replaces "quality").
        if ((FactorTaxonomy.Default.Find(factor) ?? Shipped.Find(factor)) is { } known) return known.Name(lang);
        var words = factor.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? factor : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
