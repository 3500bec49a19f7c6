using System.Text.Json;
using System.Text.RegularExpressions;

namespace Listening.Tests.Reports;

[Collection(ReportCollection.Name)]
public class ReportOutputTests(ReportFixture report)
{
    private JsonElement Root => report.Json.RootElement;
    private IEnumerable<JsonElement> Factors => Root.GetProperty("factors").EnumerateArray();

    [Fact]
    public void The_report_command_succeeds_and_writes_html_and_json()
    {
        Assert.Equal(0, report.ExitCode);
        Assert.StartsWith("<!DOCTYPE html>", report.Html);
        Assert.True(Root.TryGetProperty("factors", out _));
    }

    [Fact]
    public void Json_lists_every_factor_with_quadrant_importance_performance_n_and_competitor_delta()
    {
        string[] quadrants = ["fix", "promote", "maintain", "watch", "insufficient"];
        Assert.NotEmpty(Factors);
        foreach (var f in Factors)
        {
            Assert.False(string.IsNullOrEmpty(f.GetProperty("factor").GetString()));
            Assert.Contains(f.GetProperty("quadrant").GetString(), quadrants);
            Assert.Equal(JsonValueKind.Number, f.GetProperty("importance").ValueKind);
            Assert.InRange(f.GetProperty("performance").GetDouble(), -1, 1);
            Assert.True(f.GetProperty("n").GetInt64() > 0);
            Assert.True(f.TryGetProperty("delta", out _));
            Assert.Equal(2, f.GetProperty("competitors").GetArrayLength());
            Assert.False(string.IsNullOrEmpty(f.GetProperty("reason").GetString()));
        }
        Assert.True(Root.GetProperty("nps").GetProperty("brand").GetProperty("n").GetInt64() > 0);
        Assert.True(Root.GetProperty("wheel").GetArrayLength() >= 3);
        Assert.True(Root.GetProperty("trends").GetProperty("buckets").GetArrayLength() > 10);
        Assert.Equal(2, Root.GetProperty("competitorMatrices").GetArrayLength());
    }

    [Fact]
    public void Factors_come_in_action_order_fix_first()
    {
        var order = Factors.Select(f => f.GetProperty("quadrant").GetString()).ToList();
        string[] rank = ["fix", "promote", "maintain", "watch", "insufficient"];
        Assert.Equal(order.OrderBy(q => Array.IndexOf(rank, q)), order);
        Assert.Equal("fix", order[0]);
    }

    [Fact]
    public void The_weak_worsening_factor_is_to_fix_behind_its_competitor_and_trends_down()
    {
        // The synthetic brand's delivery is weak and gets worse over the period, while Лютик delivers well.
        var delivery = Factors.Single(f => f.GetProperty("factor").GetString() == "delivery");
        Assert.Equal("fix", delivery.GetProperty("quadrant").GetString());
        Assert.True(delivery.GetProperty("behindCompetitor").GetBoolean());
        Assert.True(delivery.GetProperty("delta").GetDouble() < 0);
        var trend = delivery.GetProperty("trend").EnumerateArray().Select(p => p.GetProperty("performance").GetDouble()).ToList();
        Assert.True(trend.Take(4).Average() > trend.TakeLast(4).Average() + 0.1);
    }

    [Fact]
    public void The_html_is_self_contained_and_fetches_nothing()
    {
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), report.Html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), report.Html);
        Assert.DoesNotMatch(new Regex(@"@import|<link|<script|<img|<iframe", RegexOptions.IgnoreCase), report.Html);
        Assert.Contains("default-src 'none'", report.Html);
    }

    [Fact]
    public void The_html_draws_the_same_numbers_as_the_json()
    {
        var placed = Factors.Count(f => f.GetProperty("quadrant").GetString() != "insufficient");
        Assert.Equal(placed, Regex.Matches(report.Html, "class=\"factor-point\"").Count(m => m.Index < report.Html.IndexOf("id=\"actions\"", StringComparison.Ordinal)));
        Assert.Equal(Factors.Count(), Regex.Matches(report.Html, "class=\"factor-row\"").Count);
        var brandItems = Root.GetProperty("items").GetProperty("brand").GetInt64();
        Assert.Contains(brandItems.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("ru-RU")), report.Html);
    }

    [Fact]
    public void The_report_explains_its_rules_in_the_language_asked_for()
    {
        Assert.Contains("Как читать этот отчёт", report.Html);
        Assert.Contains("важность ≥ медианы, оценка &lt; медианы", report.Html);
        Assert.Contains("lang=\"ru\"", report.Html);
    }

    [Fact]
    public void Quotes_are_shown_with_personal_data_masked()
    {
        // The synthetic texts carry a phone number, an e-mail and staff names; none may reach the page.
        Assert.Contains("class=\"quote", report.Html);
        Assert.DoesNotContain("916 123-45-67", report.Html);
        Assert.DoesNotContain("jane.doe@example.com", report.Html);
        Assert.DoesNotContain("Олег", report.Html);
        Assert.DoesNotContain("Мария Петрова", report.Html);
        Assert.DoesNotContain("Мария Петрова", report.Json.RootElement.GetRawText());
        foreach (var f in Factors.Where(f => f.GetProperty("quadrant").GetString() != "insufficient"))
            Assert.InRange(f.GetProperty("quotes").GetArrayLength(), 2, 3);
    }
}
