using Listening.Core.Sentiment;

namespace Listening.Ml.Tests.Prediction;

/// <summary>
/// The known hard cases (Fixtures/hard-cases.tsv): negated praise and negated complaints, sarcasm with
/// markers, emoji, transliteration, typos, neutral questions and mixed reviews, in Russian and English —
/// written by the team as a regression check, not training data (see the model card for the figures).
/// A row labelled "mixed" must be marked mixed; every other row must get its label.
/// </summary>
[Collection(ShippedModelCollection.Name)]
public class HardCasesTests(ShippedModelFixture fixture)
{
    // The shipped model's figure is in the model card; this floor is a few lines below it.
    private const double MinimumAccuracy = 0.80;

    private static readonly string HardCasesFile =
        Path.Combine(TestPaths.RepoRoot, "tests", "Listening.Ml.Tests", "Prediction", "Fixtures", "hard-cases.tsv");

    internal static List<(string Lang, string Label, string Category, string Text)> Read() =>
        File.ReadLines(HardCasesFile).Skip(1).Where(l => l.Length > 0).Select(line =>
        {
            var cells = line.Split('\t');
            Assert.Equal(4, cells.Length);
            return (cells[0], cells[1], cells[2], cells[3]);
        }).ToList();

    private bool Right((string Lang, string Label, string Category, string Text) row) => row.Label == "mixed"
        ? MixedSentiment.Analyze(fixture.Scorer, row.Text).Mixed
        : fixture.Scorer.Score(row.Text).Label == Enum.Parse<SentimentLabel>(row.Label, ignoreCase: true);

    [Fact]
    public void Hard_case_file_covers_every_category_in_both_languages()
    {
        var rows = Read();
        Assert.InRange(rows.Count, 100, 200);
        foreach (var category in new[] { "negated_praise", "negated_complaint", "sarcasm", "emoji", "translit", "typos", "neutral", "mixed" })
            Assert.True(rows.Count(r => r.Category == category) >= 6, $"too few {category} rows");
        Assert.Contains(rows, r => r.Lang == "ru");
        Assert.Contains(rows, r => r.Lang == "en");
    }

    [Fact]
    public void Shipped_model_gets_most_hard_cases_right()
    {
        var rows = Read();
        var misses = rows.Where(r => !Right(r)).Select(r => $"{r.Category} {r.Lang} {r.Label}: {r.Text}").ToList();
        var accuracy = 1 - (double)misses.Count / rows.Count;
        Assert.True(accuracy >= MinimumAccuracy, $"hard-case accuracy {accuracy:F3} < {MinimumAccuracy}; misses:{Environment.NewLine}{string.Join(Environment.NewLine, misses)}");
    }

    [Fact]
    public void A_negated_hedge_is_not_negative() =>
        Assert.NotEqual(SentimentLabel.Negative, fixture.Scorer.Score("Не могу сказать, что плохо.").Label);

    [Fact]
    public void Sarcastic_thanks_for_a_half_empty_order_is_negative() =>
        Assert.Equal(SentimentLabel.Negative,
            fixture.Scorer.Score("Oh great, another order arrived half-empty. Thanks a lot, really made my day.").Label);

    [Fact]
    public void Fresh_food_but_late_delivery_is_mixed_with_its_clause_polarities()
    {
        const string text = "Продукты свежие и вкусные, но доставка опять опоздала на час.";
        var verdict = MixedSentiment.Analyze(fixture.Scorer, text);
        Assert.True(verdict.Mixed);
        Assert.Equal([SentimentLabel.Positive, SentimentLabel.Negative], verdict.Clauses.Select(c => c.Label));
        Assert.Equal("Продукты свежие и вкусные", text.Substring(verdict.Clauses[0].Start, verdict.Clauses[0].Length));
    }

    // Not lines of the hard-case file: other wordings of the negated hedge and of a denied complaint (NegatedComplaint).
    [Theory]
    [InlineData("Нельзя сказать, что это ужасно.")]
    [InlineData("I wouldn't say it was bad.")]
    [InlineData("Не разочаровались.")]
    [InlineData("Wasn't disappointed.")]
    [InlineData("It wasn't bad.")]
    public void A_denied_complaint_reads_positive(string text) =>
        Assert.Equal(SentimentLabel.Positive, fixture.Scorer.Score(text).Label);

    [Theory]
    [InlineData("What time does the store close today?")]
    [InlineData("Is there parking near the Arbat branch?")]
    public void A_question_that_only_asks_for_information_is_neutral(string text) =>
        Assert.Equal(SentimentLabel.Neutral, fixture.Scorer.Score(text).Label);

    [Fact]
    public void A_complaint_put_as_a_question_stays_negative() =>
        Assert.Equal(SentimentLabel.Negative, fixture.Scorer.Score("Why is my order late again?").Label);

    [Fact]
    public void A_denied_complaint_before_a_but_does_not_outweigh_the_complaint_after_it() =>
        Assert.Equal(SentimentLabel.Negative, fixture.Scorer.Score("Not bad, but the delivery was late again.").Label);

    [Fact]
    public void A_complaint_corrected_to_a_stronger_one_stays_negative() =>
        Assert.Equal(SentimentLabel.Negative, fixture.Scorer.Score("Не плохо, а ужасно.").Label);

    [Theory]
    [InlineData("Проблем нет, всё пришло вовремя.")]
    [InlineData("Нареканий к мастеру нет.")]
    [InlineData("Never had a single issue with them.")]
    public void A_complaint_said_to_be_absent_reads_positive(string text) =>
        Assert.Equal(SentimentLabel.Positive, fixture.Scorer.Score(text).Label);
}
