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
        var wide = Regex.Match(report.Html, "<svg id=\"matrix\".*?</svg>", RegexOptions.Singleline).Value;
        var narrow = Regex.Match(report.Html, "<svg id=\"matrix-narrow\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(placed, Regex.Matches(wide, "class=\"factor-point[ \"]").Count);
        Assert.Equal(placed, Regex.Matches(narrow, "class=\"factor-point[ \"]").Count);
        Assert.Equal(Factors.Count(), Regex.Matches(report.Html, "class=\"factor-row\"").Count);
        var brandItems = Root.GetProperty("items").GetProperty("brand").GetInt64();
        Assert.Contains(brandItems.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("ru-RU")), report.Html);
    }

    [Fact]
    public void The_report_explains_its_rules_in_the_language_asked_for()
    {
        Assert.Contains("Как читать этот отчёт", report.Html);
        Assert.Contains("важность выше медианы, оценка не выше медианы", report.Html);
        Assert.Contains("Пограничные факторы", report.Html);
        // The rule set in force, as configuration, printed on the page.
        Assert.Contains("minMentions 30, minPlacedFactors 3, minOutcomePairs 30, outcomes [rating, nps, documentSentiment]", report.Html);
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

    [Fact]
    public void Every_factor_says_what_its_importance_rests_on_per_outcome()
    {
        var items = Root.GetProperty("method").GetProperty("importanceItems").EnumerateArray()
            .ToDictionary(o => o.GetProperty("outcome").GetString()!, o => o.GetProperty("items").GetInt64());
        Assert.Equal(["rating", "nps", "documentSentiment"], items.Keys);
        Assert.Equal(Root.GetProperty("items").GetProperty("brand").GetInt64(), items.Values.Sum());
        foreach (var f in Factors)
        {
            var basis = f.GetProperty("importanceBasis").EnumerateArray().ToList();
            Assert.Equal(items.Keys, basis.Select(b => b.GetProperty("outcome").GetString()!));
            Assert.Equal(items.Values, basis.Select(b => b.GetProperty("items").GetInt64()));
            Assert.Equal(f.GetProperty("n").GetInt64(), basis.Sum(b => b.GetProperty("mentions").GetInt64()));
            Assert.StartsWith("r ", f.GetProperty("importanceRestsOn").GetString());
        }
        Assert.Contains("На чём основана важность", report.Html);
    }

    [Fact]
    public void Borderline_factors_name_their_other_quadrant_and_clear_ones_have_none()
    {
        foreach (var f in Factors)
        {
            var borderline = f.GetProperty("borderline").GetBoolean();
            var alternative = f.GetProperty("alternative");
            if (borderline)
            {
                Assert.NotEqual(f.GetProperty("quadrant").GetString(), alternative.GetString());
                Assert.NotEmpty(f.GetProperty("uncertainOn").EnumerateArray());
            }
            else Assert.Equal(JsonValueKind.Null, alternative.ValueKind);
        }
        var takeaways = report.Html[report.Html.IndexOf("id=\"takeaways\"", StringComparison.Ordinal)..report.Html.IndexOf("id=\"matrix-section\"", StringComparison.Ordinal)];
        foreach (var f in Factors.Where(f => f.GetProperty("borderline").GetBoolean()))
        {
            Assert.DoesNotContain($"Исправить в первую очередь: {f.GetProperty("name").GetString()}</b>", takeaways);
            Assert.DoesNotContain($"Продвигать: {f.GetProperty("name").GetString()}</b>", takeaways);
        }
    }

    [Fact]
    public void Promoted_factors_are_clearly_positive_and_ahead_of_every_competitor()
    {
        foreach (var f in Factors.Where(f => f.GetProperty("quadrant").GetString() == "promote"))
        {
            Assert.True(f.GetProperty("clearlyPositive").GetBoolean());
            Assert.True(f.GetProperty("performanceInterval").GetProperty("low").GetDouble() > 0);
            Assert.Equal("ahead", f.GetProperty("edge").GetString());
            Assert.True(f.GetProperty("delta").GetDouble() > 0);
        }
    }

    [Fact]
    public void Every_quote_highlights_the_clause_of_its_mention_in_that_mentions_polarity()
    {
        var quotes = 0;
        foreach (var f in Factors)
            foreach (var q in f.GetProperty("quotes").EnumerateArray())
            {
                quotes++;
                var text = q.GetProperty("text").GetString()!;
                var start = q.GetProperty("clauseStart").GetInt32();
                var length = q.GetProperty("clauseLength").GetInt32();
                Assert.InRange(start, 0, text.Length);
                Assert.InRange(length, 1, text.Length - start);
                Assert.Contains(q.GetProperty("sentiment").GetString(), new[] { "positive", "neutral", "negative" });
            }
        var marks = Regex.Matches(report.Html, "<blockquote class=\"quote (\\w+)\">[“«]([^<]*)<mark class=\"clause (\\w+)\">");
        Assert.Equal(quotes, marks.Count);
        Assert.All(marks, m => Assert.Equal(m.Groups[1].Value, m.Groups[3].Value));
        // A factor to fix opens with a complaint, one to promote with praise (when there is one).
        foreach (var f in Factors.Where(f => f.GetProperty("quotes").GetArrayLength() > 0))
        {
            var first = f.GetProperty("quotes")[0].GetProperty("sentiment").GetString();
            if (f.GetProperty("quadrant").GetString() == "fix" && f.GetProperty("negative").GetInt64() > 0) Assert.Equal("negative", first);
            if (f.GetProperty("quadrant").GetString() == "promote" && f.GetProperty("positive").GetInt64() > 0) Assert.Equal("positive", first);
        }
    }
}
