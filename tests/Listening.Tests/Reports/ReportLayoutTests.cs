using Xunit.Abstractions;

namespace Listening.Tests.Reports;

/// <summary>The report as a phone, a tablet, a desktop and a printer show it, measured in headless Chromium.</summary>
[Collection(ReportCollection.Name)]
public class ReportLayoutTests(ReportFixture report, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task At_400_800_and_1280_px_and_on_a4_nothing_overflows_tables_reflow_and_chart_text_is_readable_whole_and_apart()
    {
        await using var browser = await HeadlessChromium.StartAsync();
        var url = new Uri(report.HtmlPath).AbsoluteUri;
        var problems = new List<string>();
        var facts = new Dictionary<string, System.Text.Json.Nodes.JsonNode>();
        foreach (var (width, media, minFont) in new[] { (400, "screen", 9.0), (800, "screen", 9.0), (1280, "screen", 9.0), (PageLayout.PrintWidth, "print", 8.0) })
        {
            var measure = await PageLayout.MeasureAsync(browser, url, width, media, minFont);
            output.WriteLine($"{width} {media}: {measure.Facts.ToJsonString()}");
            problems.AddRange(measure.Problems);
            facts[$"{width}-{media}"] = measure.Facts;
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)) + (problems.Count > 40 ? $"\n… {problems.Count - 40} more" : ""));
        // A phone gets cards, a desktop a table; each width shows the chart drawn for it, never both.
        Assert.Equal("block", facts["400-screen"]["tableRowDisplay"]!.GetValue<string>());
        Assert.Equal("block", facts["800-screen"]["tableRowDisplay"]!.GetValue<string>());
        Assert.Equal("table-row", facts["1280-screen"]["tableRowDisplay"]!.GetValue<string>());
        Assert.Equal("table-row", facts[$"{PageLayout.PrintWidth}-print"]["tableRowDisplay"]!.GetValue<string>());
        static HashSet<string> Charts(System.Text.Json.Nodes.JsonNode f) => f["charts"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToHashSet();
        Assert.Contains("matrix-narrow", Charts(facts["400-screen"]));
        Assert.DoesNotContain("matrix", Charts(facts["400-screen"]));
        Assert.Contains("competitor-chart-narrow", Charts(facts["800-screen"]));
        Assert.Contains("matrix", Charts(facts["800-screen"]));
        Assert.Contains("competitor-chart", Charts(facts["1280-screen"]));
        Assert.DoesNotContain("competitor-chart-narrow", Charts(facts["1280-screen"]));
        Assert.Contains("matrix", Charts(facts[$"{PageLayout.PrintWidth}-print"]));
        Assert.Empty(browser.ConsoleErrors);
    }
}
