using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Listening.Tests.Reports;

/// <summary>The report as the marketing team sees it: opened in real headless Chromium.</summary>
[Collection(ReportCollection.Name)]
public class ReportInBrowserTests(ReportFixture report, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task The_report_opens_in_chromium_without_errors_or_requests_and_draws_its_charts()
    {
        await using var browser = await HeadlessChromium.StartAsync();
        var url = new Uri(report.HtmlPath).AbsoluteUri;

        await browser.OpenAsync(url, 1200, 900);
        var counts = (await browser.EvaluateAsync("""
            JSON.stringify({
              matrixPoints: document.querySelectorAll('#matrix .factor-point').length,
              quadrants: document.querySelectorAll('#matrix .quadrant').length,
              crosshairs: document.querySelectorAll('#matrix .crosshair').length,
              labels: document.querySelectorAll('#matrix .factor-label').length,
              tableRows: document.querySelectorAll('#action-table .factor-row').length,
              firstAction: document.querySelector('#action-table .factor-row')?.dataset.quadrant,
              competitorDots: document.querySelectorAll('#competitor-chart .dot').length,
              competitorMatrices: document.querySelectorAll('#competitor-matrices svg.matrix').length,
              wheelSpokes: document.querySelectorAll('#wheel .spoke').length,
              wheelShape: document.querySelectorAll('#wheel .wheel-shape').length,
              trendLines: document.querySelectorAll('#trend .trend-line').length,
              npsSegments: document.querySelectorAll('#nps-bar .nps-segment').length,
              quotes: document.querySelectorAll('#quotes blockquote').length,
              marks: document.querySelectorAll('#quotes blockquote > mark.clause').length,
              markColours: [...new Set([...document.querySelectorAll('#quotes mark.clause.positive')].map(m => getComputedStyle(m).backgroundColor))]
                .concat([...new Set([...document.querySelectorAll('#quotes mark.clause.negative')].map(m => getComputedStyle(m).backgroundColor))]),
              borderlinePoints: document.querySelectorAll('#matrix .factor-point.borderline').length,
              borderlineRows: document.querySelectorAll('#action-table .factor-row[data-borderline]').length,
              competitorN: document.querySelectorAll('#competitor-chart .competitor-n').length,
              deltaTitle: document.querySelector('#competitor-chart .delta-title')?.textContent,
              howTo: document.querySelector('#how-to-read') !== null,
              matrixWidth: document.querySelector('#matrix').getBoundingClientRect().width,
              externalResources: performance.getEntriesByType('resource').length
            })
            """))!.GetValue<string>();
        var charts = JsonNode.Parse(counts)!;
        output.WriteLine(counts);

        var placed = report.Json.RootElement.GetProperty("factors").EnumerateArray()
            .Count(f => f.GetProperty("quadrant").GetString() != "insufficient");
        Assert.True(placed >= 6, $"only {placed} factors placed");
        Assert.Equal(placed, charts["matrixPoints"]!.GetValue<int>());
        Assert.Equal(placed, charts["labels"]!.GetValue<int>());
        Assert.Equal(4, charts["quadrants"]!.GetValue<int>());
        Assert.Equal(2, charts["crosshairs"]!.GetValue<int>());
        Assert.Equal("fix", charts["firstAction"]!.GetValue<string>());
        Assert.True(charts["tableRows"]!.GetValue<int>() >= placed);
        Assert.True(charts["competitorDots"]!.GetValue<int>() > placed);
        Assert.Equal(2, charts["competitorMatrices"]!.GetValue<int>());
        Assert.True(charts["wheelSpokes"]!.GetValue<int>() >= 3);
        Assert.Equal(1, charts["wheelShape"]!.GetValue<int>());
        Assert.Equal(3, charts["trendLines"]!.GetValue<int>());
        Assert.Equal(3, charts["npsSegments"]!.GetValue<int>());
        Assert.True(charts["quotes"]!.GetValue<int>() >= 2 * placed);
        // Every quote highlights its clause; praise and complaint are told apart by colour (one colour each).
        Assert.Equal(charts["quotes"]!.GetValue<int>(), charts["marks"]!.GetValue<int>());
        var colours = charts["markColours"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Equal(2, colours.Count);
        Assert.NotEqual(colours[0], colours[1]);
        var factors = report.Json.RootElement.GetProperty("factors").EnumerateArray().ToList();
        var borderline = factors.Count(f => f.GetProperty("borderline").GetBoolean());
        Assert.Equal(borderline, charts["borderlineRows"]!.GetValue<int>());
        Assert.Equal(factors.Count(f => f.GetProperty("borderline").GetBoolean() && !f.GetProperty("held").GetBoolean()
            && f.GetProperty("quadrant").GetString() != "insufficient"), charts["borderlinePoints"]!.GetValue<int>());
        // Each competitor's n on every row of the comparison chart, and the Δ column says whom it is against.
        Assert.Equal(2 * factors.Count(f => f.GetProperty("performance").ValueKind == System.Text.Json.JsonValueKind.Number), charts["competitorN"]!.GetValue<int>());
        Assert.Contains("отстаём", charts["deltaTitle"]!.GetValue<string>());
        Assert.True(charts["howTo"]!.GetValue<bool>());
        Assert.True(charts["matrixWidth"]!.GetValue<double>() > 400, "the matrix is drawn at a readable size");
        Assert.Equal(0, charts["externalResources"]!.GetValue<int>());

        var screenshot = await browser.ScreenshotAsync();
        var shotPath = Path.Combine(report.Directory, "report.png");
        await File.WriteAllBytesAsync(shotPath, screenshot);
        output.WriteLine($"screenshot: {shotPath} ({screenshot.Length / 1024} KB)");
        Assert.True(screenshot.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
        var height = (screenshot[20] << 24) | (screenshot[21] << 16) | (screenshot[22] << 8) | screenshot[23];
        Assert.True(height > 3000, $"a full-page screenshot, got {height} px");

        Assert.Empty(browser.ConsoleErrors);
        // The only request the page may make is for itself.
        Assert.All(browser.Requests, r => Assert.Equal(url, r));
    }

    [BrowserFact]
    public async Task The_report_prints_to_a_handful_of_a4_pages()
    {
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.OpenAsync(new Uri(report.HtmlPath).AbsoluteUri, 1200, 900);

        var pdf = await browser.PrintToPdfAsync();

        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        var pages = System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        output.WriteLine($"PDF: {pdf.Length / 1024} KB, {pages} pages");
        Assert.InRange(pages, 3, 25);
        Assert.Empty(browser.ConsoleErrors);
    }
}
