using Listening.Core.Factors;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Sentiment;

public class MixedSentimentTests
{
    /// <summary>A stand-in model: a clause containing a praise word is positive, a complaint word negative, else neutral.</summary>
    private sealed class WordScorer : ISentimentScorer
    {
        private static readonly string[] Praise = ["свежие", "вкусные", "great", "delicious", "вежливый"];
        private static readonly string[] Complaint = ["опоздала", "rude", "холодным", "half-empty", "опять"];

        public SentimentScore Score(string text)
        {
            var lower = text.ToLowerInvariant();
            var p = Praise.Count(lower.Contains);
            var n = Complaint.Count(lower.Contains);
            return p > n ? SentimentScore.FromProbabilities(0.05f, 0.1f, 0.85f)
                : n > p ? SentimentScore.FromProbabilities(0.85f, 0.1f, 0.05f)
                : SentimentScore.FromProbabilities(0.2f, 0.6f, 0.2f);
        }
    }

    [Fact]
    public void Praise_and_a_complaint_in_different_clauses_make_a_mixed_document_with_clause_polarities()
    {
        const string text = "Продукты свежие и вкусные, но доставка опять опоздала на час.";
        var verdict = MixedSentiment.Analyze(new WordScorer(), text);

        Assert.True(verdict.Mixed);
        Assert.Equal(2, verdict.Clauses.Count);
        Assert.Equal("Продукты свежие и вкусные", text.Substring(verdict.Clauses[0].Start, verdict.Clauses[0].Length));
        Assert.Equal(SentimentLabel.Positive, verdict.Clauses[0].Label);
        Assert.StartsWith("но доставка опять опоздала", text.Substring(verdict.Clauses[1].Start, verdict.Clauses[1].Length));
        Assert.Equal(SentimentLabel.Negative, verdict.Clauses[1].Label);
    }

    [Theory]
    [InlineData("The food was delicious and the staff were great.")]
    [InlineData("Доставка опять опоздала. Курьер опять нахамил.")]
    [InlineData("Хорошо")]
    public void One_sided_or_single_clause_documents_are_not_mixed(string text) =>
        Assert.False(MixedSentiment.Analyze(new WordScorer(), text).Mixed);

    [Fact]
    public void Factors_judged_clearly_both_ways_in_different_clauses_make_a_document_mixed()
    {
        // The stand-in reads "но опоздал на 40 минут" as neutral (no complaint word it knows); the mentions read it as a complaint.
        const string text = "Курьер вежливый 😊 но опоздал на 40 минут 😡";
        Assert.False(MixedSentiment.Analyze(new WordScorer(), text).Mixed);
        FactorMention[] mentions =
        [
            new("staff", SentimentLabel.Positive, 1f, 0, 15),
            new("delivery", SentimentLabel.Negative, -1f, 19, 24),
        ];
        Assert.True(MixedSentiment.Analyze(new WordScorer(), text, mentions).Mixed);
    }

    [Fact]
    public void Mentions_that_lean_weakly_or_share_one_clause_do_not_make_a_document_mixed()
    {
        const string text = "Курьер вежливый 😊 но опоздал на 40 минут 😡";
        FactorMention[] weak = [new("staff", SentimentLabel.Positive, 1f, 0, 15), new("delivery", SentimentLabel.Negative, -0.3f, 19, 24)];
        FactorMention[] oneClause = [new("staff", SentimentLabel.Positive, 1f, 0, 15), new("delivery", SentimentLabel.Negative, -1f, 0, 15)];
        Assert.False(MixedSentiment.Analyze(new WordScorer(), text, weak).Mixed);
        Assert.False(MixedSentiment.Analyze(new WordScorer(), text, oneClause).Mixed);
    }

    [Fact]
    public void Sarcastic_praise_that_reads_negative_is_a_complaint_not_mixed()
    {
        // The stand-in reads the whole text as negative (two complaint words against one praise word),
        // "Oh great" alone as positive and the rest as negative: without the sarcasm check it would be mixed.
        const string text = "Oh great, another order arrived half-empty, опять.";
        Assert.True(SarcasmMarkers.Candidate(text));
        Assert.Equal(SentimentLabel.Negative, new WordScorer().Score(text).Label);
        Assert.False(MixedSentiment.Analyze(new WordScorer(), text).Mixed);
        FactorMention[] bothWays = [new("quality", SentimentLabel.Positive, 1f, 0, 8), new("delivery", SentimentLabel.Negative, -1f, 10, 20)];
        Assert.False(MixedSentiment.Analyze(new WordScorer(), text, bothWays).Mixed);
    }

    [Theory]
    [InlineData("Excellent prices, terrible customer service.", 2)]
    [InlineData("The staff were lovely. However, the room was dirty.", 2)]
    [InlineData("Спасибо. Всё пришло вовремя", 1)] // "Спасибо." is too short for a clause of its own
    [InlineData("Цена 3.5 тысячи, вполне нормально", 2)] // no sentence end inside a number
    public void Clauses_split_at_sentences_contrast_words_and_commas(string text, int clauses) =>
        Assert.Equal(clauses, ClauseSegmenter.Split(text).Count);
}
