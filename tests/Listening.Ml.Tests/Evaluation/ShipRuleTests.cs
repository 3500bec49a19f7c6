using System.Text.Json.Nodes;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Evaluation;

namespace Listening.Ml.Tests.Evaluation;

public class ShipRuleTests
{
    private const SentimentLabel Neg = SentimentLabel.Negative, Neu = SentimentLabel.Neutral, Pos = SentimentLabel.Positive;

    /// <summary>
    /// A three-class split of <paramref name="n"/> rows (a third of each class) that the baseline labels right
    /// except every <paramref name="baselineMissEvery"/>th row; the candidate differs from the baseline on
    /// <paramref name="candidateFixes"/> of those misses (made right) and <paramref name="candidateBreaks"/> right rows (made wrong).
    /// </summary>
    private static PairedSplit Split(string name, int n, int baselineMissEvery, int candidateFixes, int candidateBreaks, SplitMetric metric = SplitMetric.MacroF1)
    {
        var labels = new[] { Neg, Neu, Pos };
        var actual = Enumerable.Range(0, n).Select(i => labels[i % 3]).ToArray();
        var baseline = actual.Select((a, i) => i % baselineMissEvery == 0 ? labels[((int)a + 1) % 3] : a).ToArray();
        var candidate = (SentimentLabel[])baseline.Clone();
        for (int i = 0, fixedRows = 0, broken = 0; i < n; i++)
        {
            if (baseline[i] != actual[i] && fixedRows < candidateFixes) { candidate[i] = actual[i]; fixedRows++; }
            else if (baseline[i] == actual[i] && i % 2 == 1 && broken < candidateBreaks) { candidate[i] = labels[((int)actual[i] + 2) % 3]; broken++; }
        }
        return new PairedSplit(name, metric, actual, baseline, candidate);
    }

    [Fact]
    public void The_same_labels_from_both_models_give_zero_with_a_zero_interval_and_do_not_ship()
    {
        var same = Split("a", 600, 4, 0, 0);
        var d = ShipRule.Decide([same, Split("b", 300, 5, 0, 0)]);
        Assert.All(d.Splits, s => Assert.Equal((0.0, 0.0, 0.0), (s.Delta, s.Low, s.High)));
        Assert.Equal(0.0, d.SplitAveraged.Low);
        Assert.False(d.Ship);
        Assert.Contains("does not lie above 0", d.Reason);
    }

    [Fact]
    public void A_candidate_right_on_clearly_more_rows_of_every_split_ships()
    {
        var d = ShipRule.Decide([Split("a", 3000, 4, 150, 10), Split("b", 2000, 4, 100, 5), Split("c", 1000, 3, 50, 0, SplitMetric.Accuracy)]);
        Assert.All(d.Splits, s => Assert.True(s.SignificantlyBetter, s.Split));
        Assert.True(d.SplitAveraged.Low > 0);
        Assert.True(d.Ship, d.Reason);
        Assert.Equal(3, d.Better);
        Assert.Equal(150, d.Splits[0].CandidateOnlyRight);
        Assert.Equal(10, d.Splits[0].BaselineOnlyRight);
    }

    [Fact]
    public void A_split_that_is_significantly_worse_blocks_shipping_and_is_named_even_when_the_average_gains()
    {
        var d = ShipRule.Decide([Split("a", 3000, 4, 300, 0), Split("b", 3000, 4, 300, 0), Split("loses", 2000, 4, 0, 120)]);
        Assert.True(d.SplitAveraged.Delta > 0);
        Assert.True(d.Splits.Single(s => s.Split == "loses").SignificantlyWorse);
        Assert.False(d.Ship);
        Assert.Contains("significantly worse on loses", d.Reason);
    }

    [Fact]
    public void A_few_rows_lost_on_a_small_split_are_a_wide_interval_not_a_significant_loss()
    {
        // The SentiRuEval cars case: ~217 rows, the candidate gets two more wrong. The point difference looks
        // large against a mean over splits, the interval says it is noise.
        var d = ShipRule.Decide([Split("small", 217, 4, 4, 7), Split("big", 4000, 4, 200, 20)]);
        var small = d.Splits.Single(s => s.Split == "small");
        Assert.True(small.Delta < 0);
        Assert.False(small.SignificantlyWorse);
        Assert.True(small.Low < small.Delta && small.Delta < small.High);
        Assert.True(small.High - small.Low > 2 * Math.Abs(small.Delta));
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_moves_them_only_a_little()
    {
        PairedSplit[] splits = [Split("a", 1500, 4, 60, 30), Split("b", 500, 3, 10, 15)];
        var first = ShipRule.Decide(splits, 500, 7);
        var again = ShipRule.Decide(splits, 500, 7);
        var other = ShipRule.Decide(splits, 500, 8);
        Assert.Equal(first.Splits.Select(s => (s.Low, s.High)), again.Splits.Select(s => (s.Low, s.High)));
        Assert.Equal(first.SplitAveraged, again.SplitAveraged);
        Assert.InRange(other.SplitAveraged.Low - first.SplitAveraged.Low, -0.01, 0.01);
        Assert.Equal(first.SplitAveraged.Delta, other.SplitAveraged.Delta); // the point difference does not depend on the draw
    }

    [Fact]
    public void Split_averaged_and_row_weighted_differences_weigh_the_splits_as_named()
    {
        var d = ShipRule.Decide([Split("small", 300, 3, 60, 0, SplitMetric.Accuracy), Split("big", 3000, 3, 0, 0, SplitMetric.Accuracy)]);
        // small: accuracy 2/3 → 2/3 + 60/300 = +0.2; big: 0.
        Assert.Equal(0.2, d.Splits[0].Delta, 6);
        Assert.Equal(0.1, d.SplitAveraged.Delta, 6);
        Assert.Equal(0.2 * 300 / 3300, d.RowWeighted.Delta, 6);
    }

    [Fact]
    public void Models_that_did_not_label_every_row_are_refused()
    {
        var ok = Split("a", 30, 3, 0, 0);
        Assert.Throws<ArgumentException>(() => ShipRule.Decide([ok with { Candidate = ok.Candidate[..29] }]));
        Assert.Throws<ArgumentException>(() => ShipRule.Decide([]));
    }

    [Fact]
    public void Json_carries_every_split_the_aggregates_and_the_decision()
    {
        var d = ShipRule.Decide([Split("sre15_cars", 217, 3, 0, 2), Split("sst2_official_dev", 872, 5, 20, 4, SplitMetric.Accuracy)], 200, 1);
        var json = JsonNode.Parse(ShipComparison.ToJson(d, "/tmp/base.zip", "/tmp/cand.zip"))!;
        Assert.Equal(2, json["splits"]!.AsArray().Count);
        Assert.Equal("accuracy", (string)json["splits"]![1]!["metric"]!);
        Assert.Equal(d.Ship, (bool)json["ship"]!);
        Assert.Equal(200, (int)json["replicates"]!);
        Assert.Equal("base.zip", (string)json["baseline"]!);
        Assert.Contains("sre15_cars", ShipComparison.ToText(d, "base", "cand"));
    }
}
