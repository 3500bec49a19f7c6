using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Reports;

namespace Listening.Tests.Reports;

/// <summary>
/// One report, built once through the real `listening report` command from a JSON Lines file of
/// synthetic scored feedback (a brand, two competitors, half a year plus the previous half).
/// </summary>
public sealed class ReportFixture : IDisposable
{
    public static readonly DateOnly From = new(2026, 1, 1);
    public static readonly DateOnly To = new(2026, 6, 30);
    public const string Brand = "Ромашка";
    public static readonly string[] Competitors = ["Лютик", "Василёк"];

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "listening-report-tests-" + Guid.NewGuid().ToString("N")[..8]);
    public string ItemsPath => Path.Combine(Directory, "items.jsonl");
    public string HtmlPath => Path.Combine(Directory, "report.html");
    public string JsonPath => Path.Combine(Directory, "report.json");
    public string Html { get; }
    public JsonDocument Json { get; }
    public int ExitCode { get; }

    public ReportFixture()
    {
        System.IO.Directory.CreateDirectory(Directory);
        WriteItems(ItemsPath, SyntheticFeedback.Generate(40_000, Brand, Competitors, From.AddDays(-181), To, "ru"));
        ExitCode = Cli.Run("report", "--in", ItemsPath, "--brand", Brand, "--competitor", Competitors[0], "--competitor", Competitors[1],
            "--from", "2026-01-01", "--to", "2026-06-30", "--lang", "ru", "--out", HtmlPath, "--json", JsonPath);
        Html = File.Exists(HtmlPath) ? File.ReadAllText(HtmlPath) : "";
        Json = JsonDocument.Parse(File.Exists(JsonPath) ? File.ReadAllText(JsonPath) : "{}");
    }

    public static void WriteItems(string path, IEnumerable<ScoredFeedback> items)
    {
        using var writer = new StreamWriter(path);
        foreach (var s in items)
            writer.WriteLine(JsonSerializer.Serialize(FeedbackItemDto.From(s.Item, s.Scores), FeedbackItemDto.JsonOptions));
    }

    public void Dispose()
    {
        Json.Dispose();
        // Kept when asked, so that the screenshot can be looked at.
        if (Environment.GetEnvironmentVariable("LISTENING_KEEP_REPORT") is null) System.IO.Directory.Delete(Directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ReportCollection : ICollectionFixture<ReportFixture>
{
    public const string Name = "report";
}

/// <summary>Runs the `listening` executable's entry point in-process.</summary>
internal static class Cli
{
    public static int Run(params string[] args)
    {
        var main = typeof(Program).Assembly.EntryPoint!;
        var result = main.Invoke(null, [args]);
        return result is Task<int> t ? t.GetAwaiter().GetResult() : (int)result!;
    }
}
