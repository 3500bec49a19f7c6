using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Reports;

namespace Listening.Tests.Reports;

/// <summary>
/// The report counts mixed feedback (issue 12: "mixed … in the report's counts"): how many of the brand's items carry clear
/// praise and a clear complaint, beside the positive / neutral / negative counts, in the model, its JSON and the page.
/// </summary>
public class ReportMixedCountTests
{
    private static readonly DateOnly From = new(2026, 1, 1), To = new(2026, 1, 31);

    private static ScoredFeedback Item(int id, string brand, SentimentLabel label, bool mixed)
    {
        var score = label switch { SentimentLabel.Positive => 0.6f, SentimentLabel.Negative => -0.6f, _ => 0f };
        var clauses = mixed
            ? new List<ClausePolarity> { new(0, 10, SentimentLabel.Positive, 0.8f), new(12, 10, SentimentLabel.Negative, -0.8f) }
            : null;
        return new ScoredFeedback(
            new FeedbackItem($"m{id}", FeedbackKind.Review, "google", brand, "Fresh food, but the courier was late again.",
                new DateTimeOffset(2026, 1, 1 + id % 28, 12, 0, 0, TimeSpan.Zero), CompetitorOf: brand == "Acme" ? null : "Acme"),
            new FeedbackScores("en", new SentimentScore(label, score, 0.3f, 0.4f, 0.3f), [], mixed, clauses));
    }

    private static ReportModel Build(string lang = "en")
    {
        var input = new ReportInput(new ReportRequest("Acme", ["Rival"], From, To, lang));
        var id = 0;
        for (var i = 0; i < 5; i++) input.Add(Item(id++, "Acme", SentimentLabel.Positive, mixed: i < 2));
        for (var i = 0; i < 4; i++) input.Add(Item(id++, "Acme", SentimentLabel.Negative, mixed: i < 1));
        for (var i = 0; i < 3; i++) input.Add(Item(id++, "Acme", SentimentLabel.Neutral, mixed: false));
        // A competitor's mixed items are its own, not the brand's.
        for (var i = 0; i < 6; i++) input.Add(Item(id++, "Rival", SentimentLabel.Negative, mixed: true));
        return ReportBuilder.Build(input, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void The_headline_counts_the_brands_items_by_label_and_how_many_of_them_are_mixed()
    {
        var counts = Build().Headline.Sentiment;

        Assert.Equal(new SentimentCounts(Positive: 5, Neutral: 3, Negative: 4, Mixed: 3), counts);
    }

    [Fact]
    public void The_reports_json_carries_the_mixed_count()
    {
        using var json = JsonDocument.Parse(ReportJson.Serialize(Build()));

        var sentiment = json.RootElement.GetProperty("headline").GetProperty("sentiment");
        Assert.Equal(3, sentiment.GetProperty("mixed").GetInt64());
        Assert.Equal(5, sentiment.GetProperty("positive").GetInt64());
    }

    [Theory]
    [InlineData("en", "3 mixed (praise and complaint)")]
    [InlineData("ru", "3 смешанных (похвала и жалоба)")]
    public void The_page_shows_the_mixed_count_under_net_sentiment(string lang, string expected)
    {
        var html = ReportHtml.Render(Build(lang));

        Assert.Contains(expected, html);
    }
}
