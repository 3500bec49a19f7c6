using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Listening.Tests.Reporting;

namespace Listening.Tests.Reports;

/// <summary>The drill-down behind each factor of the served report, over the local shape's HTTP surface.</summary>
[Collection(ReportPipelineCollection.Name)]
public class FactorMentionsTests(ReportPipeline pipeline)
{
    private async Task<JsonElement> MentionsAsync(string query)
    {
        var response = await pipeline.Client.GetAsync($"/api/reports/Lavka/factors/delivery?format=json&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Each_factor_of_the_served_report_links_to_a_page_of_its_mentions_that_answers()
    {
        var html = await pipeline.Client.GetStringAsync("/api/reports/Lavka?lang=en");
        var links = Regex.Matches(html, "<a class=\"drill\" href=\"([^\"]+)\">").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        var rows = Regex.Matches(html, "class=\"factor-row\"").Count;

        Assert.True(rows > 0);
        // Every factor's name in the action table is a link to its mentions.
        Assert.Equal(rows, Regex.Matches(html, "<td class=\"name\"><b><a class=\"drill\" href=").Count);
        foreach (var link in links)
        {
            // Relative to the report's own URL (/api/reports/Lavka): the same link works on both hosts.
            var target = new Uri(new Uri("http://host/api/reports/Lavka?lang=en"), link);
            Assert.StartsWith("/api/reports/Lavka/factors/", target.AbsolutePath);
            var page = await pipeline.Client.GetAsync(target.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("id=\"mentions\"", await page.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Mentions_come_newest_first_with_the_clause_polarity_channel_masked_author_and_filters_that_narrow_them()
    {
        var all = await MentionsAsync("");
        var mentions = all.GetProperty("mentions").EnumerateArray().ToList();
        Assert.True(all.GetProperty("total").GetInt64() >= 10);
        Assert.Equal(all.GetProperty("allMentions").GetInt64(), all.GetProperty("total").GetInt64());
        var dates = mentions.Select(m => m.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.All(mentions, m =>
        {
            var text = m.GetProperty("text").GetString()!;
            var clause = text.Substring(m.GetProperty("clauseStart").GetInt32(), m.GetProperty("clauseLength").GetInt32());
            Assert.Contains("eliver", clause, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(m.GetProperty("polarity").GetString(), new[] { "positive", "neutral", "negative" });
        });
        var about = all.GetProperty("brands").EnumerateArray().Select(b => b.GetProperty("value").GetString()!).ToList();
        Assert.Contains("Megamart", about);

        var negative = await MentionsAsync("polarity=negative");
        Assert.All(negative.GetProperty("mentions").EnumerateArray(), m => Assert.Equal("negative", m.GetProperty("polarity").GetString()));
        Assert.Equal(all.GetProperty("polarities").EnumerateArray().Single(p => p.GetProperty("value").GetString() == "negative").GetProperty("count").GetInt64(),
            negative.GetProperty("total").GetInt64());

        var theirs = await MentionsAsync("about=megamart");
        Assert.True(theirs.GetProperty("total").GetInt64() > 0);
        Assert.All(theirs.GetProperty("mentions").EnumerateArray(), m =>
        {
            Assert.Equal("Megamart", m.GetProperty("brand").GetString());
            Assert.True(m.GetProperty("competitor").GetBoolean());
        });
        var survey = await MentionsAsync("channel=survey");
        Assert.All(survey.GetProperty("mentions").EnumerateArray(), m => Assert.Equal("survey", m.GetProperty("channel").GetString()));
    }

    [Fact]
    public async Task Pages_split_the_mentions_without_overlap_and_say_how_many_there_are()
    {
        var first = await MentionsAsync("pageSize=4");
        var second = await MentionsAsync("pageSize=4&page=2");
        var total = first.GetProperty("total").GetInt64();

        Assert.Equal((int)Math.Ceiling(total / 4.0), first.GetProperty("pages").GetInt32());
        Assert.Equal(4, first.GetProperty("mentions").GetArrayLength());
        var ids = first.GetProperty("mentions").EnumerateArray().Concat(second.GetProperty("mentions").EnumerateArray()).Select(m => m.GetProperty("itemId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var html = await pipeline.Client.GetStringAsync("/api/reports/Lavka/factors/delivery?pageSize=4&page=2");
        Assert.Contains("rel=\"prev\"", html);
        Assert.Contains("rel=\"next\"", html);
        Assert.Matches("page 2 of \\d+", html);
    }

    [BrowserFact]
    public async Task The_mentions_page_fits_400_800_and_1280_px_and_a4_with_rows_as_cards_on_a_phone_and_the_clause_highlighted()
    {
        // The page as the local host serves it, opened from a file (the test host is in memory): it makes no requests of its own.
        var html = await pipeline.Client.GetStringAsync("/api/reports/Lavka/factors/delivery?lang=en&pageSize=10");
        var file = Path.Combine(Path.GetTempPath(), $"mentions-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            await using var browser = await HeadlessChromium.StartAsync();
            var url = new Uri(file).AbsoluteUri;
            var problems = new List<string>();
            var rows = new Dictionary<string, string?>();
            foreach (var (width, media) in new[] { (400, "screen"), (800, "screen"), (1280, "screen"), (PageLayout.PrintWidth, "print") })
            {
                var measure = await PageLayout.MeasureAsync(browser, url, width, media);
                problems.AddRange(measure.Problems);
                rows[$"{width}-{media}"] = measure.Facts["tableRowDisplay"]?.GetValue<string>();
            }
            var marks = (await browser.EvaluateAsync(
                "String(document.querySelectorAll('#mentions tbody tr').length) + '/' + String(document.querySelectorAll('#mentions tbody tr mark.clause').length)"))!.GetValue<string>();

            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
            Assert.Equal("block", rows["400-screen"]);
            Assert.Equal("table-row", rows["1280-screen"]);
            var parts = marks.Split('/');
            Assert.Equal("10", parts[0]);
            Assert.Equal(parts[0], parts[1]);               // every row highlights its clause
            Assert.Empty(browser.ConsoleErrors);
        }
        finally { File.Delete(file); }
    }

    [Theory]
    [InlineData("/api/reports/Lavkaa")]
    [InlineData("/api/reports/Lavkaa?format=json")]
    [InlineData("/api/reports/Lavkaa/factors/delivery")]
    [InlineData("/api/reports/Lavka/factors/no-such-factor")]
    public async Task An_unknown_brand_or_factor_is_404_not_an_empty_report(string path)
    {
        var response = await pipeline.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("polarity=angry")]
    [InlineData("page=0")]
    [InlineData("pageSize=1000")]
    [InlineData("page=9999&pageSize=100")]
    public async Task A_bad_drill_down_query_is_a_400_problem(string query)
    {
        var response = await pipeline.Client.GetAsync($"/api/reports/Lavka/factors/delivery?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
