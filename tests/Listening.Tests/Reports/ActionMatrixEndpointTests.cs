using System.Net;
using System.Text.Json;

namespace Listening.Tests.Reporting;

[Collection(ReportPipelineCollection.Name)]
public class ActionMatrixEndpointTests(ReportPipeline pipeline)
{
    private async Task<JsonElement> JsonReport(string query = "")
    {
        var response = await pipeline.Client.GetAsync($"/api/reports/Lavka?format=json{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Posted_items_come_back_as_factors_in_quadrants_with_the_competitor_delta()
    {
        var report = await JsonReport();

        Assert.Equal("Lavka", report.GetProperty("brand").GetString());
        var factors = report.GetProperty("factors").EnumerateArray().ToList();
        Assert.NotEmpty(factors);
        Assert.Contains(factors, f => f.GetProperty("quadrant").GetString() is "fix" or "promote" or "maintain" or "watch");
        Assert.All(factors, f => Assert.True(f.GetProperty("n").GetInt64() > 0));
        // Megamart is configured for Lavka; Quickbasket joins because its items name Lavka as competitorOf.
        Assert.Equal(["Megamart", "Quickbasket"], report.GetProperty("competitors").EnumerateArray().Select(c => c.GetString()!).Order());
        var withDelta = factors.Where(f => f.GetProperty("delta").ValueKind == JsonValueKind.Number).ToList();
        Assert.NotEmpty(withDelta);
        Assert.All(withDelta, f => Assert.Equal("Megamart", f.GetProperty("deltaVs").GetString()));
        var row = withDelta[0].GetProperty("competitors").EnumerateArray().Single(c => c.GetProperty("competitor").GetString() == "Megamart");
        Assert.Equal(withDelta[0].GetProperty("performance").GetDouble() - row.GetProperty("performance").GetDouble(),
            row.GetProperty("delta").GetDouble(), 3);
    }

    [Fact]
    public async Task Spam_is_counted_but_kept_out_of_the_matrix_nps_and_wheel()
    {
        var report = await JsonReport();

        var items = report.GetProperty("items");
        Assert.Equal(ReportPipeline.SpamItems, items.GetProperty("spam").GetInt64());
        Assert.Equal(ReportPipeline.BrandItems, items.GetProperty("brand").GetInt64());
        // Every spam item is a promoter on the social channel: none of that may show.
        Assert.Equal(ReportPipeline.SurveyAnswers, report.GetProperty("nps").GetProperty("brand").GetProperty("n").GetInt64());
        Assert.DoesNotContain(report.GetProperty("wheel").EnumerateArray(), s => s.GetProperty("channel").GetString() == "social");
        Assert.All(report.GetProperty("factors").EnumerateArray(), f => Assert.True(f.GetProperty("n").GetInt64() <= ReportPipeline.BrandItems));

        var html = await pipeline.Client.GetStringAsync("/api/reports/Lavka");
        Assert.Contains($"excluded as spam: {ReportPipeline.SpamItems}", html);
    }

    [Fact]
    public async Task The_default_period_is_the_last_30_days_up_to_today_and_an_explicit_one_is_honoured()
    {
        var today = ReportPipeline.Today;
        var report = await JsonReport();
        Assert.Equal(today.AddDays(-29).ToString("yyyy-MM-dd"), report.GetProperty("from").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd"), report.GetProperty("to").GetString());

        var old = await JsonReport("&from=2020-01-01&to=2020-01-31&lang=ru");
        Assert.Equal("2020-01-01", old.GetProperty("from").GetString());
        Assert.Equal("ru", old.GetProperty("lang").GetString());
        Assert.Equal(0, old.GetProperty("items").GetProperty("brand").GetInt64());
    }

    [Fact]
    public async Task The_html_report_is_one_self_contained_page()
    {
        var response = await pipeline.Client.GetAsync("/api/reports/Lavka?format=html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("default-src 'none'", html);
        Assert.Contains("<svg", html);
        Assert.Contains("Megamart", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)\\s*=\\s*\"?(https?:)?//", html);
    }

    [Theory]
    [InlineData("format=pdf")]
    [InlineData("format=1")]
    [InlineData("lang=de")]
    [InlineData("from=2026-13-01")]
    [InlineData("from=2026-02-01&to=2026-01-01")]
    public async Task A_bad_query_is_a_400_problem(string query)
    {
        var response = await pipeline.Client.GetAsync($"/api/reports/Lavka?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
