using Listening.Core.Feedback;
using Listening.Core.Responses;
using Microsoft.Extensions.Options;

namespace Listening.Reports;

/// <summary>
/// The names customers and marketing know brands by («Лавка Плюс», not <c>lavka</c>), per language, for the report and its
/// letters: <c>Listening:Reports:DisplayNames:{brand}:{ru|en}</c> first, else the <c>brands</c> table of the responses'
/// catalog.json (the same names the thank-you messages use), else the brand as it arrives. Decorative quotes around a
/// catalog name («…», “…”) are dropped: the report adds its own where a sentence needs them.
/// </summary>
public sealed class BrandNames
{
    private readonly Dictionary<string, Dictionary<string, string>> configured;
    private readonly Dictionary<string, Dictionary<string, string>> catalog;

    public BrandNames(IReadOnlyDictionary<string, Dictionary<string, string>>? configured, IReadOnlyDictionary<string, Dictionary<string, string>>? catalog)
    {
        this.configured = Normalise(configured);
        this.catalog = Normalise(catalog);
    }

    public static readonly BrandNames None = new(null, null);

    /// <summary>From configuration and the catalog next to the executable (or <c>Responses:TemplatesDir</c>).</summary>
    public static BrandNames From(ReportOptions options, string? templatesDir) => new(options.DisplayNames, CatalogNames(templatesDir));

    public string Of(string brand, string lang)
    {
        var key = BrandKey.Of(brand);
        foreach (var table in new[] { configured, catalog })
            if (table.TryGetValue(key, out var names))
                return names.GetValueOrDefault(lang) ?? names.GetValueOrDefault("*") ?? names.Values.First();
        return brand;
    }

    /// <summary>Every brand of a report mapped to its name in <paramref name="lang"/>.</summary>
    public IReadOnlyDictionary<string, string> For(IEnumerable<string> brands, string lang) =>
        brands.Distinct(BrandKey.Comparer).ToDictionary(b => b, b => Of(b, lang), BrandKey.Comparer);

    /// <summary>Brand keys that have a configured or catalog name: brands somebody set up.</summary>
    public bool Knows(string brand) => configured.ContainsKey(BrandKey.Of(brand)) || catalog.ContainsKey(BrandKey.Of(brand));

    private static Dictionary<string, Dictionary<string, string>> Normalise(IReadOnlyDictionary<string, Dictionary<string, string>>? table) =>
        (table ?? new Dictionary<string, Dictionary<string, string>>())
        .Where(e => e.Value.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
        .GroupBy(e => BrandKey.Of(e.Key))
        .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .GroupBy(v => v.Key.Trim().ToLowerInvariant()).ToDictionary(v => v.Key, v => Unquote(v.First().Value)), StringComparer.Ordinal);

    private static string Unquote(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length > 2 && (trimmed[0], trimmed[^1]) is ('«', '»') or ('“', '”') or ('"', '"') ? trimmed[1..^1].Trim() : trimmed;
    }

    private static Dictionary<string, Dictionary<string, string>>? CatalogNames(string? templatesDir)
    {
        var path = Path.Combine(string.IsNullOrWhiteSpace(templatesDir) ? Path.Combine(AppContext.BaseDirectory, "Responses", "templates") : templatesDir, "catalog.json");
        if (!File.Exists(path)) return null;
        try { return ResponseCatalog.Parse(File.ReadAllText(path)).Brands; }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException) { return null; } // the responses feature reports a broken catalog at start
    }
}
