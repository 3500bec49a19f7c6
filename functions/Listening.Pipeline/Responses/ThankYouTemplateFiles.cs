using Listening.Core.Responses;

namespace Listening.Responses;

/// <summary>
/// Reads marketing's template folder: <c>catalog.json</c> plus <c>{lang}.{tone}[.vip].liquid</c> files.
/// Default: <c>Responses/templates</c> next to the executable; <c>Responses:TemplatesDir</c> points elsewhere.
/// </summary>
public static class ThankYouTemplateFiles
{
    public const string CatalogFile = "catalog.json";

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Responses", "templates");

    /// <exception cref="FormatException">the catalog or a template is malformed; the message names the file.</exception>
    public static ThankYouComposer Load(string? directory, ResponseRules rules)
    {
        var dir = string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory;
        var catalogPath = Path.Combine(dir, CatalogFile);
        if (!File.Exists(catalogPath)) throw new FormatException($"{catalogPath}: not found (set Responses:TemplatesDir)");
        ResponseCatalog catalog;
        try { catalog = ResponseCatalog.Parse(File.ReadAllText(catalogPath)); }
        catch (System.Text.Json.JsonException e) { throw new FormatException($"{catalogPath}: {e.Message}", e); }
        var bodies = Directory.GetFiles(dir, "*.liquid").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText, StringComparer.OrdinalIgnoreCase);
        return new ThankYouComposer(catalog, bodies, rules);
    }
}
