using System.Text.Json;
using Listening.Core.Matrix;
using Listening.Reports;

namespace Listening.Tests.Reports;

public class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-report-cli-").FullName;
    private string P(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Items(int count = 3000)
    {
        var path = P("items.jsonl");
        if (!File.Exists(path))
            ReportFixture.WriteItems(path, SyntheticFeedback.Generate(count, "Acme", ["Rival"], new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 31), "en", seed: 9));
        return path;
    }

    private int Report(params string[] extra) => Cli.Run(
        ["report", "--in", Items(), "--brand", "Acme", "--competitor", "Rival", "--from", "2026-01-01", "--to", "2026-01-31",
         "--out", P("r.html"), "--json", P("r.json"), .. extra]);

    [Fact]
    public void An_english_report_is_written_with_its_json()
    {
        Assert.Equal(0, Report("--lang", "en"));
        Assert.Contains("How to read this report", File.ReadAllText(P("r.html")));
        using var json = JsonDocument.Parse(File.ReadAllText(P("r.json")));
        Assert.Equal("en", json.RootElement.GetProperty("lang").GetString());
        Assert.Equal("Rival", json.RootElement.GetProperty("competitors")[0].GetString());
    }

    [Fact]
    public void Without_competitors_strengths_are_promoted_and_no_competitor_section_is_drawn()
    {
        Assert.Equal(0, Cli.Run("report", "--in", Items(), "--brand", "Acme", "--from", "2026-01-01", "--to", "2026-01-31",
            "--lang", "en", "--out", P("solo.html"), "--json", P("solo.json")));

        var html = File.ReadAllText(P("solo.html"));
        Assert.DoesNotContain("id=\"competitor-chart\"", html);
        using var json = JsonDocument.Parse(File.ReadAllText(P("solo.json")));
        var factors = json.RootElement.GetProperty("factors").EnumerateArray().ToList();
        Assert.Contains(factors, f => f.GetProperty("quadrant").GetString() == "promote");
        Assert.All(factors, f => Assert.Equal(JsonValueKind.Null, f.GetProperty("delta").ValueKind));
        Assert.Contains("no competitor data", factors.First(f => f.GetProperty("quadrant").GetString() == "promote").GetProperty("reason").GetString());
    }

    [Fact]
    public void Without_a_period_the_report_covers_the_datas_own_date_range()
    {
        // The file spans 2025-12-01 … 2026-01-31, long ago: the default is that span, not an empty "last weeks".
        Assert.Equal(0, Cli.Run("report", "--in", Items(), "--brand", "Acme", "--competitor", "Rival", "--lang", "en", "--out", P("d.html"), "--json", P("d.json")));

        using var json = JsonDocument.Parse(File.ReadAllText(P("d.json")));
        Assert.Equal("2025-12-01", json.RootElement.GetProperty("from").GetString());
        Assert.Equal("2026-01-31", json.RootElement.GetProperty("to").GetString());
        Assert.True(json.RootElement.GetProperty("items").GetProperty("brand").GetInt64() > 1000);

        // Only --to given: from is still the data's first day.
        Assert.Equal(0, Cli.Run("report", "--in", Items(), "--brand", "Acme", "--to", "2025-12-31", "--out", P("e.html"), "--json", P("e.json")));
        using var half = JsonDocument.Parse(File.ReadAllText(P("e.json")));
        Assert.Equal("2025-12-01", half.RootElement.GetProperty("from").GetString());
        Assert.Equal("2025-12-31", half.RootElement.GetProperty("to").GetString());
    }

    [Fact]
    public void Without_a_period_a_file_with_nothing_about_the_brand_is_refused_naming_the_options()
    {
        Assert.NotEqual(0, Cli.Run("report", "--in", Items(), "--brand", "Nobody", "--out", P("n.html")));
        Assert.False(File.Exists(P("n.html")));
    }

    [Theory]
    [InlineData("--from", "01/01/2026")]
    [InlineData("--to", "2025-12-01")]
    [InlineData("--lang", "de")]
    [InlineData("--min-mentions", "0")]
    public void Bad_arguments_fail_without_writing_a_report(string option, string value)
    {
        Assert.NotEqual(0, Report(option, value));
        Assert.False(File.Exists(P("r.html")));
    }

    [Fact]
    public void A_missing_input_file_fails_with_a_nonzero_exit_code()
    {
        Assert.NotEqual(0, Cli.Run("report", "--in", P("nope.jsonl"), "--brand", "Acme", "--from", "2026-01-01", "--to", "2026-01-31", "--out", P("r.html")));
        Assert.False(File.Exists(P("r.html")));
    }

    [Fact]
    public void A_bad_line_fails_the_command()
    {
        File.AppendAllText(Items(), "{\"brand\":\"Acme\",\"text\":\"\"}\n");
        Assert.Equal(1, Report());
        Assert.False(File.Exists(P("r.html")));
    }

    [Fact]
    public void Rules_from_a_file_change_the_matrix()
    {
        File.WriteAllText(P("rules.json"), """{ "minMentions": 100000, "outcomes": ["nps"] }""");

        Assert.Equal(0, Report("--rules", P("rules.json")));

        using var json = JsonDocument.Parse(File.ReadAllText(P("r.json")));
        Assert.Equal(100000, json.RootElement.GetProperty("method").GetProperty("minMentions").GetInt32());
        Assert.All(json.RootElement.GetProperty("factors").EnumerateArray(),
            f => Assert.Equal("insufficient", f.GetProperty("quadrant").GetString()));
    }

    [Fact]
    public void Invalid_rules_are_refused()
    {
        File.WriteAllText(P("rules.json"), """{ "z": 0 }""");
        Assert.Equal(2, Report("--rules", P("rules.json")));
        File.WriteAllText(P("rules.json"), """{ "minMentions": 30, "crosshair": "mean" }""");
        Assert.Equal(2, Report("--rules", P("rules.json")));
    }

    [Fact]
    public void The_rules_file_reads_outcomes_by_name()
    {
        var rules = MatrixRulesFile.Parse("""{ "outcomes": ["nps", "documentSentiment"], "minOutcomePairs": 50 }""");
        Assert.Equal([Outcome.Nps, Outcome.DocumentSentiment], rules.Outcomes);
        Assert.Equal(50, rules.MinOutcomePairs);
        Assert.Equal(30, rules.MinMentions);
    }

    [Fact]
    public void The_rules_file_sets_what_promote_needs_the_margin_and_the_minimum_of_placed_factors()
    {
        var rules = MatrixRulesFile.Parse("""{ "minPlacedFactors": 4, "margin": 0.02, "promoteAbove": 0.1 }""");
        Assert.Equal((4, 0.02, 0.1), (rules.MinPlacedFactors, rules.Margin, rules.PromoteAbove));
        Assert.ThrowsAny<Exception>(() => MatrixRulesFile.Parse("""{ "minPlacedFactors": 1 }"""));
        Assert.ThrowsAny<Exception>(() => MatrixRulesFile.Parse("""{ "margin": 0.6 }"""));
    }
}
