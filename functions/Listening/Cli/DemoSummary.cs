using System.Globalization;
using System.Text.Json;

namespace Listening.Cli;

/// <summary>The demo's console summary of a report, read from the report's JSON (what GET /api/reports/{brand}?format=json serves).</summary>
internal static class DemoSummary
{
    public static void Print(JsonElement report, TextWriter output)
    {
        var items = report.GetProperty("items");
        var competitors = items.GetProperty("competitors").EnumerateArray().ToList();
        var method = report.GetProperty("method");
        output.WriteLine();
        output.WriteLine($"{Name(report, Text(report, "brand"))} vs {string.Join(", ", competitors.Select(c => Name(report, Text(c, "brand"))))} — "
            + $"{Text(report, "from")} … {Text(report, "to")} (previous period {Text(method, "previousFrom")} … {Text(method, "previousTo")})");
        output.WriteLine($"  items: {Text(report, "brand")} {Count(items, "brand")} (previous period {Count(items, "previousPeriod")})"
            + string.Concat(competitors.Select(c => $", {Text(c, "brand")} {Count(c, "items")}"))
            + $"; excluded as spam {Count(items, "spam") + competitors.Sum(c => Count(c, "spam"))}; duplicates {Count(items, "duplicates")}"
            + (Count(items, "unscored") > 0 ? $"; not yet scored {Count(items, "unscored")}" : ""));
        var nps = report.GetProperty("nps");
        output.WriteLine($"  NPS: {Text(report, "brand")} {Nps(nps.GetProperty("brand"))}"
            + string.Concat(nps.GetProperty("competitors").EnumerateArray().Select(c => $", {Text(c, "brand")} {Nps(c.GetProperty("nps"))}")));
        output.WriteLine($"  importance = {Text(method, "importanceMeasure")}; a quadrant needs {Count(method, "minMentions")} mentions");
        output.WriteLine($"  {"factor",-22} {"quadrant",-22} {"importance",10} {"performance",11} {"n",5}  Δ vs the competitor we trail most");
        foreach (var f in report.GetProperty("factors").EnumerateArray())
        {
            var delta = Number(f, "delta") is { } d ? $"{d.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)} ({Text(f, "deltaVs")})" : "—";
            // A borderline factor shows its other possible quadrant: "maintain or watch".
            var quadrant = Text(f, "quadrant") + (f.TryGetProperty("alternative", out var alt) && alt.ValueKind == JsonValueKind.String ? $" or {alt.GetString()}" : "");
            output.WriteLine($"  {Text(f, "factor"),-22} {quadrant,-22} {Num(f, "importance"),10} {Num(f, "performance"),11} {Count(f, "n"),5}  {delta}");
        }
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).ToString();

    /// <summary>The brand's display name («Лавка Плюс») with its key when they differ.</summary>
    private static string Name(JsonElement report, string brand) =>
        report.TryGetProperty("displayNames", out var names) && names.ValueKind == JsonValueKind.Object
        && names.TryGetProperty(brand, out var name) && name.GetString() is { Length: > 0 } shown && shown != brand ? $"{shown} ({brand})" : brand;

    private static long Count(JsonElement e, string name) => e.GetProperty(name).GetInt64();

    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble() : null;

    private static string Num(JsonElement e, string name) =>
        Number(e, name) is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    private static string Nps(JsonElement nps) =>
        Number(nps, "score") is { } s
            ? $"{s.ToString("+0;-0;0", CultureInfo.InvariantCulture)} [{Num(nps, "low")}; {Num(nps, "high")}] n = {Count(nps, "n")}"
            : "— (no answers)";
}
