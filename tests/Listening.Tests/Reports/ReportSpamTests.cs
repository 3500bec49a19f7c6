using System.Text.Json;

namespace Listening.Tests.Reports;

/// <summary>`listening report` over a file holding spam: counted as excluded, never in the matrix, NPS, wheel or quotes.</summary>
public class ReportSpamTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-report-spam-").FullName;
    private string P(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Line(string id, string brand, string channel, string factor, string label, int? nps = null, string? spam = null, bool scored = true) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["kind"] = "review", ["source"] = "site", ["channel"] = channel, ["brand"] = brand,
            ["competitorOf"] = brand == "Acme" ? null : "Acme",
            ["text"] = $"About the {factor}: {label}.", ["nps"] = nps, ["createdAt"] = "2026-01-10T10:00:00Z", ["spam"] = spam,
            ["lang"] = scored ? "en" : null,
            ["sentiment"] = scored ? new { label, score = label == "positive" ? 0.8 : -0.8, negative = 0.1, neutral = 0.1, positive = 0.8 } : null,
            ["factors"] = scored ? new[] { new { factor, label, score = 0.8, start = 0, length = 5 } } : null,
        });

    [Fact]
    public void Spam_items_are_counted_as_excluded_and_stay_out_of_matrix_nps_and_wheel()
    {
        var lines = new List<string>();
        for (var i = 0; i < 6; i++) lines.Add(Line($"a{i}", "Acme", "store", "delivery", "negative", nps: 2));
        for (var i = 0; i < 6; i++) lines.Add(Line($"r{i}", "Rival", "store", "delivery", "positive"));
        // Spam: promoters praising staff on the social channel; one unscored (it must not even need a scorer).
        for (var i = 0; i < 3; i++) lines.Add(Line($"s{i}", "Acme", "social", "staff", "positive", nps: 10, spam: "links-only"));
        lines.Add(Line("s-unscored", "Acme", "social", "staff", "positive", nps: 10, spam: "flood", scored: false));
        lines.Add(Line("rs", "Rival", "social", "staff", "positive", spam: "links-only"));
        File.WriteAllLines(P("items.jsonl"), lines);

        Assert.Equal(0, Cli.Run("report", "--in", P("items.jsonl"), "--brand", "Acme", "--competitor", "Rival", "--from", "2026-01-01",
            "--to", "2026-01-31", "--min-mentions", "3", "--out", P("r.html"), "--json", P("r.json")));

        using var json = JsonDocument.Parse(File.ReadAllText(P("r.json")));
        var report = json.RootElement;
        var items = report.GetProperty("items");
        Assert.Equal(6, items.GetProperty("brand").GetInt64());
        Assert.Equal(4, items.GetProperty("spam").GetInt64());
        Assert.Equal(1, items.GetProperty("competitors")[0].GetProperty("spam").GetInt64());
        var factor = Assert.Single(report.GetProperty("factors").EnumerateArray());
        Assert.Equal("delivery", factor.GetProperty("factor").GetString());
        Assert.Equal(6, factor.GetProperty("n").GetInt64());
        var nps = report.GetProperty("nps").GetProperty("brand");
        Assert.Equal(6, nps.GetProperty("n").GetInt64());
        Assert.Equal(0, nps.GetProperty("promoters").GetInt64());
        Assert.Equal(["store"], report.GetProperty("wheel").EnumerateArray().Select(s => s.GetProperty("channel").GetString()));
        Assert.Contains("excluded as spam: 4", File.ReadAllText(P("r.html")));
    }
}
