using System.Text.Json.Nodes;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;
using Listening.Ml.Training;

namespace Listening.Ml.Tests.Evaluation;

public class HonestReportTests
{
    private static ClassificationMetrics Metrics(params (SentimentLabel Actual, SentimentLabel Predicted, int Count)[] cells)
    {
        var m = new ClassificationMetrics();
        foreach (var (a, p, n) in cells) for (var i = 0; i < n; i++) m.Add(a, p);
        return m;
    }

    [Fact]
    public void Honest_table_puts_the_split_figure_first_with_the_random_dev_figure_the_gap_the_target_and_the_out_of_domain_rates()
    {
        var split = new HonestSplit("sst2_official_dev", "sst2_en", "en", SplitKind.Official, SplitMetric.Accuracy, "dev sentences", new HashSet<string> { "a" });
        var honest = Metrics((SentimentLabel.Positive, SentimentLabel.Positive, 7), (SentimentLabel.Positive, SentimentLabel.Neutral, 1),
            (SentimentLabel.Negative, SentimentLabel.Negative, 2));
        var random = Metrics((SentimentLabel.Positive, SentimentLabel.Positive, 9), (SentimentLabel.Negative, SentimentLabel.Negative, 1));
        var result = new HonestEvaluation.Result([new SplitEvaluation(split, honest, random)], []);

        var json = JsonNode.Parse(HonestReport.ToJson(result, "/nonexistent/model.zip", TrainingOptions.Default))!;
        var s = json["honest"]!.AsArray().Single()!;
        Assert.Equal("official", (string)s["kind"]!);
        Assert.Equal("accuracy", (string)s["metric"]!);
        Assert.Equal(0.9, (double)s["value"]!, 4);
        Assert.Equal(1.0, (double)s["randomDev"]!, 4);
        Assert.Equal(0.1, (double)s["gap"]!, 4);                // the random split overstates by 0.1
        Assert.Equal(0.1, (double)s["neutralOnBinary"]!, 4);    // one of ten texts called neutral on a binary set
        Assert.Equal(0.82, (double)s["target"]!["minimum"]!);
        Assert.True((bool)s["target"]!["met"]!);
        Assert.Equal("random", (string)json["procedure"]!["Holdout"]!);

        Assert.Null(json["members"]); // a single model

        // An ensemble records its further members' procedures beside the first's.
        var ensemble = JsonNode.Parse(HonestReport.ToJson(result, "/nonexistent/model.zip", TrainingOptions.Default,
            [TrainingOptions.Default with { L2 = 0.3f }]))!;
        Assert.Equal(0.3, (double)ensemble["members"]!.AsArray().Single()!["L2"]!, 4);
        Assert.Equal(0.9, (double)ensemble["honest"]!.AsArray().Single()!["value"]!, 4);

        var text = HonestReport.ToText(result, "model.zip");
        Assert.Contains("sst2_official_dev", text);
        Assert.Contains("10.0 % of the texts called neutral", text);
    }
}
