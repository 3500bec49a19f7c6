using System.Text.Json.Nodes;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;

namespace Listening.Ml.Tests.Evaluation;

public class EvaluationReportTests
{
    /// <summary>Answers from a fixed table: a stand-in model whose predictions the test controls.</summary>
    private sealed class TableScorer(Dictionary<string, SentimentLabel> answers) : ISentimentScorer
    {
        public SentimentScore Score(string text) => answers[text] switch
        {
            SentimentLabel.Negative => SentimentScore.FromProbabilities(0.8f, 0.1f, 0.1f),
            SentimentLabel.Neutral => SentimentScore.FromProbabilities(0.1f, 0.8f, 0.1f),
            _ => SentimentScore.FromProbabilities(0.1f, 0.1f, 0.8f),
        };
    }

    [Fact]
    public void Json_report_has_the_documented_shape_and_counts_neutral_as_wrong_on_binary_data()
    {
        // Binary dataset (test.tsv, so every row is evaluated): 2 negative, 2 positive.
        var rows = new List<LabelledText>
        {
            new("1", "en", "bad", SentimentLabel.Negative), new("2", "en", "meh", SentimentLabel.Negative),
            new("3", "en", "good", SentimentLabel.Positive), new("4", "en", "great", SentimentLabel.Positive),
        };
        var scorer = new TableScorer(new()
        {
            ["bad"] = SentimentLabel.Negative, ["meh"] = SentimentLabel.Neutral,
            ["good"] = SentimentLabel.Positive, ["great"] = SentimentLabel.Negative,
        });
        var results = SentimentEvaluator.Evaluate(scorer, [new Dataset("uci_sentiment_sentences_en", "en", rows, IsTestFile: true)]);

        var json = JsonNode.Parse(EvaluationReport.ToJson(results, "model.zip"))!;
        var d = json["datasets"]!.AsArray().Single()!;
        Assert.Equal("uci_sentiment_sentences_en", (string)d["name"]!);
        Assert.Equal("en", (string)d["lang"]!);
        Assert.Equal(4, (int)d["n"]!);
        Assert.Equal(0.5, (double)d["accuracy"]!);           // "meh" → neutral is wrong
        var perClass = d["perClass"]!.AsObject();
        Assert.Equal(["negative", "positive"], perClass.Select(p => p.Key)); // only classes present
        Assert.Equal(0.5, (double)perClass["negative"]!["precision"]!);
        Assert.Equal(0.5, (double)perClass["negative"]!["recall"]!);
        Assert.Equal(1.0, (double)perClass["positive"]!["precision"]!);
        Assert.Equal(0.5, (double)perClass["positive"]!["recall"]!);
        Assert.Equal(2, (int)perClass["positive"]!["n"]!);
        var f1Positive = 2 * 1.0 * 0.5 / 1.5;
        Assert.Equal(Math.Round((0.5 + f1Positive) / 2, 4), (double)d["macroF1"]!);
        Assert.Equal(Math.Round((0.5 + f1Positive) / 2, 4), (double)d["f1pn"]!);
        Assert.Equal(1, (int)d["confusion"]!["negative"]!["neutral"]!);
        var target = d["targets"]!.AsArray().Single()!;
        Assert.Equal("accuracy", (string)target["metric"]!);
        Assert.False((bool)target["met"]!);
    }

    [Fact]
    public void F1_pn_averages_positive_and_negative_f1_and_ignores_neutral()
    {
        var m = new ClassificationMetrics();
        m.Add(SentimentLabel.Neutral, SentimentLabel.Neutral);
        m.Add(SentimentLabel.Neutral, SentimentLabel.Neutral);
        m.Add(SentimentLabel.Positive, SentimentLabel.Positive);
        m.Add(SentimentLabel.Negative, SentimentLabel.Neutral);
        Assert.Equal(0.5, m.F1PositiveNegative, 6);  // positive F1 1, negative F1 0
        Assert.Equal((1 + 0 + 0.8) / 3, m.MacroF1, 6); // neutral: P 2/3, R 1 → F1 0.8
        Assert.Equal(0.75, m.Accuracy, 6);
    }
}
