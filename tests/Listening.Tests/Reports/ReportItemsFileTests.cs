using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Reports;

namespace Listening.Tests.Reports;

public class ReportItemsFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("listening-reader-").FullName;
    private static readonly ReportRequest Request = new("B", ["C"], new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File(params string[] lines)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".jsonl");
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    private static string Scored(string id, string brand = "B", string date = "2026-01-10", int rating = 4) =>
        $$$"""{"id":"{{{id}}}","kind":"review","source":"site","brand":"{{{brand}}}","text":"Delivery was late","rating":{{{rating}}},"createdAt":"{{{date}}}T10:00:00Z","lang":"en","sentiment":{"label":"negative","score":-0.6,"negative":0.7,"neutral":0.2,"positive":0.1},"factors":[{"factor":"delivery","label":"negative","score":-0.7,"start":0,"length":17}],"someFutureField":{"x":1}}""";

    [Fact]
    public async Task A_bad_line_fails_the_read_with_its_line_number()
    {
        var path = File(Scored("a"), "", Scored("b").Replace("\"rating\":4", "\"rating\":9"));

        var error = await Assert.ThrowsAsync<FeedbackFileException>(() =>
            ReportItemsFile.ReadAsync(path, new ReportInput(Request), () => null, Now));

        Assert.Contains($"{path}:3:", error.Message);
        Assert.Contains("rating must be between 1 and 5", error.Message);
    }

    [Fact]
    public async Task Broken_json_names_the_line()
    {
        var path = File(Scored("a"), "{\"id\": \"x\", \"text\": ");
        var error = await Assert.ThrowsAsync<FeedbackFileException>(() =>
            ReportItemsFile.ReadAsync(path, new ReportInput(Request), () => null, Now));
        Assert.Contains($"{path}:2: not a JSON feedback item", error.Message);
    }

    [Fact]
    public async Task An_unscored_item_without_a_scorer_is_a_clear_error_naming_the_line()
    {
        var path = File(Scored("a"), """{"id":"u1","brand":"B","text":"Great staff","createdAt":"2026-01-05T00:00:00Z"}""");

        var error = await Assert.ThrowsAsync<FeedbackFileException>(() =>
            ReportItemsFile.ReadAsync(path, new ReportInput(Request), () => null, Now));

        Assert.Contains($"{path}:2:", error.Message);
        Assert.Contains("has no scores", error.Message);
    }

    /// <summary>Counts calls, so the test can tell which items went through the scorer (the real one is tested below).</summary>
    private sealed class FixedScorer : IFeedbackScorer
    {
        public int Calls;
        public FeedbackScores Score(FeedbackItem item)
        {
            Interlocked.Increment(ref Calls);
            return new FeedbackScores("en", SentimentScore.FromProbabilities(0, 0, 1), [new("staff", SentimentLabel.Positive, 0.9f, 0, item.Text.Length)]);
        }
    }

    [Fact]
    public async Task Items_without_scores_are_scored_through_the_seam_and_scored_items_are_not()
    {
        var path = File(Scored("a"), """{"id":"u1","brand":"B","text":"Great staff","createdAt":"2026-01-05T00:00:00Z"}""");
        var scorer = new FixedScorer();
        var input = new ReportInput(Request);

        await ReportItemsFile.ReadAsync(path, input, () => scorer, Now);

        Assert.Equal(1, scorer.Calls);
        var stats = input.Aggregates.Span("B", Request.From, Request.To);
        Assert.Equal(1, stats.Factors["staff"].Positive);
        Assert.Equal(1, stats.Factors["delivery"].Negative);
    }

    [Fact]
    public async Task Duplicates_other_brands_and_other_dates_do_not_count()
    {
        var path = File(Scored("a"), Scored("a"), Scored("c1", brand: "C"), Scored("x", brand: "Other"),
            Scored("old", date: "2025-06-01"), Scored("prev", date: "2025-12-20"), Scored("next", date: "2026-02-02"));
        var input = new ReportInput(Request);

        var read = await ReportItemsFile.ReadAsync(path, input, () => null, Now);

        Assert.Equal(7, read);
        Assert.Equal(1, input.Duplicates);
        Assert.Equal(3, input.OutsideScope);
        Assert.Equal(1, input.Aggregates.Span("B", Request.From, Request.To).Totals().Items);
        Assert.Equal(1, input.Aggregates.Span("B", Request.Previous.From, Request.Previous.To).Totals().Items);
        Assert.Equal(1, input.Aggregates.Span("c", Request.From, Request.To).Totals().Items);
    }

    [Fact]
    public async Task Parallel_readers_produce_exactly_the_report_a_single_reader_does()
    {
        var path = Path.Combine(_dir, "many.jsonl");
        var request = new ReportRequest("Ромашка", ["Лютик"], new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), "en");
        ReportFixture.WriteItems(path, SyntheticFeedback.Generate(6000, "Ромашка", ["Лютик"], new DateOnly(2025, 10, 1), request.To, "en", seed: 5));
        var generated = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

        async Task<string> Report(int workers)
        {
            var input = new ReportInput(request);
            await ReportItemsFile.ReadAsync(path, input, () => null, Now, workers: workers);
            return JsonSerializer.Serialize(ReportBuilder.Build(input, generated), ReportJson.Options);
        }

        Assert.Equal(await Report(1), await Report(4));
    }
}
