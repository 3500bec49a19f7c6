using Listening.Core.Responses;

namespace Listening.Core.Tests.Responses;

/// <summary>The templates and catalog the product ships (functions/Listening.Pipeline/Responses/templates), read from the repository.</summary>
internal static class ShippedTemplates
{
    public static string Directory { get; } = Path.Combine(RepoRoot(), "functions", "Listening.Pipeline", "Responses", "templates");

    public static ResponseCatalog Catalog() => ResponseCatalog.Parse(File.ReadAllText(Path.Combine(Directory, "catalog.json")));

    public static Dictionary<string, string> Bodies() =>
        System.IO.Directory.GetFiles(Directory, "*.liquid").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllText);

    public static ThankYouComposer Composer(ResponseRules? rules = null) => new(Catalog(), Bodies(), rules ?? new ResponseRules());

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Listening.sln"))) return dir.FullName;
        throw new InvalidOperationException("Listening.sln not found above " + AppContext.BaseDirectory);
    }
}
