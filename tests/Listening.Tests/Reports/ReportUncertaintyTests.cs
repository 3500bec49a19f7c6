using System.Text.Json;
using System.Text.RegularExpressions;
using Listening.Reports;

namespace Listening.Tests.Reports;

/// <summary>
/// What the report says about figures built on few answers, and its counted nouns: a thin market (a few items a week)
/// against a busy one (hundreds a week), both through `listening report`.
/// </summary>
public class ReportUncertaintyTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("listening-uncertainty-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (string Html, JsonDocument Json) Report(int items, string lang)
    {
        var input = Path.Combine(dir, $"items-{items}.jsonl");
        ReportFixture.WriteItems(input, SyntheticFeedback.Generate(items, "Acme", ["Rival"], new DateOnly(2025, 10, 27), new DateOnly(2026, 3, 15), "en", seed: 4));
        var html = Path.Combine(dir, $"r-{items}-{lang}.html");
        var json = Path.Combine(dir, $"r-{items}-{lang}.json");
        Assert.Equal(0, Cli.Run("report", "--in", input, "--brand", "Acme", "--competitor", "Rival", "--from", "2026-01-05", "--to", "2026-03-15",
            "--lang", lang, "--min-mentions", "5", "--out", html, "--json", json));
        return (File.ReadAllText(html), JsonDocument.Parse(File.ReadAllText(json)));
    }

    [Fact]
    public void Weekly_trend_points_with_fewer_than_ten_items_are_hollow_with_their_interval_and_busy_weeks_are_not()
    {
        var (thin, thinJson) = Report(160, "en");
        var (busy, busyJson) = Report(6000, "en");

        Assert.Equal("week", thinJson.RootElement.GetProperty("trends").GetProperty("granularity").GetString());
        // Acme has ~80 items over ten weeks: most weeks are under ten, and each such point says so.
        var thinWeeks = thinJson.RootElement.GetProperty("trends").GetProperty("buckets").EnumerateArray().Count(b => b.GetProperty("n").GetInt64() is > 0 and < ReportHtml.SparseBucket);
        Assert.True(thinWeeks >= 3, $"{thinWeeks} thin weeks");
        var trend = Regex.Match(thin, "<svg[^>]*id=\"trend\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.Equal(thinWeeks, Regex.Matches(trend, "class=\"trend-point sparse\"").Count);
        Assert.Equal(thinWeeks, Regex.Matches(trend, "class=\"trend-ci\"").Count);
        Assert.Contains("class=\"hint sparse-note\"", thin);
        Assert.Contains("fewer than 10 items", thin);

        Assert.All(busyJson.RootElement.GetProperty("trends").GetProperty("buckets").EnumerateArray(), b => Assert.True(b.GetProperty("n").GetInt64() >= ReportHtml.SparseBucket));
        var busyTrend = Regex.Match(busy, "<svg[^>]*id=\"trend\".*?</svg>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain("trend-point sparse", busyTrend);
        Assert.DoesNotContain("trend-ci", busyTrend);
    }

    [Fact]
    public void Nps_by_channel_flags_channels_with_few_answers_as_the_wheel_does_and_not_channels_with_many()
    {
        var (thin, _) = Report(160, "en");
        var (busy, _) = Report(6000, "en");

        var thinTable = Regex.Match(thin, "<table id=\"nps-channels\".*?</table>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(thinTable);
        Assert.All(Regex.Matches(thinTable, "<tr[^>]*>.*?</tr>", RegexOptions.Singleline).Skip(1), row => Assert.Contains("small-sample", row.Value));
        Assert.Contains("insufficient data", thinTable);
        Assert.Contains("small-sample-note", thin);

        var busyTable = Regex.Match(busy, "<table id=\"nps-channels\".*?</table>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(busyTable);
        Assert.DoesNotContain("small-sample", busyTable);
        Assert.DoesNotContain("small-sample-note", busy);
    }

    [Theory]
    [InlineData(1, "1 упоминание", "1 mention")]
    [InlineData(2, "2 упоминания", "2 mentions")]
    [InlineData(5, "5 упоминаний", "5 mentions")]
    [InlineData(11, "11 упоминаний", "11 mentions")]
    [InlineData(14, "14 упоминаний", "14 mentions")]
    [InlineData(21, "21 упоминание", "21 mentions")]
    [InlineData(22, "22 упоминания", "22 mentions")]
    [InlineData(112, "112 упоминаний", "112 mentions")]
    [InlineData(0, "0 упоминаний", "0 mentions")]
    public void Counted_nouns_agree_with_their_number_in_russian_and_english(long n, string ru, string en)
    {
        Assert.Equal(ru, Plural.Mentions(n, "ru"));
        Assert.Equal(en, Plural.Mentions(n, "en"));
    }

    [Fact]
    public void The_report_counts_previous_period_items_with_the_russian_plural()
    {
        var (html, json) = Report(160, "ru");

        var previous = json.RootElement.GetProperty("items").GetProperty("previousPeriod").GetInt64();
        Assert.True(previous > 0);
        Assert.Contains(Plural.Items(previous, "ru"), html);
        Assert.Contains(Plural.Word(previous, "ru", "отзыв", "отзыва", "отзывов", "", ""), html);
    }
}
