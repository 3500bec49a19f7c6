using Listening.Core.Sentiment;
using Listening.Ml.Data;

namespace Listening.Ml.Evaluation;

/// <summary>One honest split's test rows as two models labelled them (the same rows, the same order).</summary>
public sealed record PairedSplit(string Name, SplitMetric Metric, SentimentLabel[] Actual, SentimentLabel[] Baseline, SentimentLabel[] Candidate)
{
    public int N => Actual.Length;

    public ClassificationMetrics Metrics(SentimentLabel[] predicted) => Metrics(predicted, null);

    internal ClassificationMetrics Metrics(SentimentLabel[] predicted, int[]? rows)
    {
        var m = new ClassificationMetrics();
        if (rows is null) for (var i = 0; i < N; i++) m.Add(Actual[i], predicted[i]);
        else foreach (var i in rows) m.Add(Actual[i], predicted[i]);
        return m;
    }
}

/// <summary>A split's candidate − baseline difference with its paired-bootstrap 95 % interval.</summary>
/// <param name="CandidateOnlyRight">Rows the candidate labels right and the baseline wrong.</param>
/// <param name="BaselineOnlyRight">Rows the baseline labels right and the candidate wrong.</param>
public sealed record SplitDelta(string Split, SplitMetric Metric, int N, double Baseline, double Candidate, double Low, double High,
    int CandidateOnlyRight, int BaselineOnlyRight)
{
    public double Delta => Candidate - Baseline;

    /// <summary>The whole 95 % interval lies below zero.</summary>
    public bool SignificantlyWorse => High < 0;

    /// <summary>The whole 95 % interval lies above zero.</summary>
    public bool SignificantlyBetter => Low > 0;
}

/// <summary>An aggregate difference over the splits with its 95 % interval.</summary>
public sealed record AggregateDelta(double Delta, double Low, double High);

/// <summary>What <see cref="ShipRule.Decide"/> found and why.</summary>
public sealed record ShipDecision(IReadOnlyList<SplitDelta> Splits, AggregateDelta SplitAveraged, AggregateDelta RowWeighted,
    int Replicates, int Seed, bool Ship, string Reason)
{
    public int Better => Splits.Count(s => s.Delta > 0);
    public int Worse => Splits.Count(s => s.Delta < 0);
}

/// <summary>
/// The sentiment model's ship rule (model card, "Ship rule"), declared before any candidate was judged by it.
/// The candidate's and the baseline's honest models (the same procedure, each trained without the honest test
/// rows) label the same test rows of every honest split; a <b>paired bootstrap</b> draws each split's rows with
/// replacement (the same draw for both models, so what is shared cancels), recomputes the split's metric for
/// both, and repeats; the 2.5th and 97.5th percentiles of the differences are the 95 % interval. The splits are
/// drawn independently in every replicate, so the split-averaged difference gets its interval from the same
/// replicates. <b>Ship</b> when (1) no split is significantly worse (no split's interval lies wholly below 0) and
/// (2) the split-averaged difference's interval lies wholly above 0. The row-weighted difference is reported,
/// not ruled on. The interval is over which test rows were drawn, not over training noise (training is
/// deterministic: one model per procedure). Deterministic: a seeded <see cref="Random"/> and a fixed order.
/// </summary>
public static class ShipRule
{
    public const int DefaultReplicates = 2000;
    public const int DefaultSeed = 20261206;

    public static ShipDecision Decide(IReadOnlyList<PairedSplit> splits, int replicates = DefaultReplicates, int seed = DefaultSeed)
    {
        if (splits.Count == 0) throw new ArgumentException("no split to compare", nameof(splits));
        if (replicates < 100) throw new ArgumentOutOfRangeException(nameof(replicates), "at least 100 replicates");
        foreach (var s in splits)
            if (s.Baseline.Length != s.N || s.Candidate.Length != s.N || s.N == 0)
                throw new ArgumentException($"{s.Name}: both models must label every one of its (non-zero) rows", nameof(splits));

        var random = new Random(seed);
        var deltas = new double[splits.Count][];
        for (var k = 0; k < splits.Count; k++) deltas[k] = new double[replicates];
        var rows = splits.Select(s => new int[s.N]).ToArray();
        for (var r = 0; r < replicates; r++)
            for (var k = 0; k < splits.Count; k++)
            {
                var s = splits[k];
                var draw = rows[k];
                for (var i = 0; i < draw.Length; i++) draw[i] = random.Next(s.N);
                deltas[k][r] = HonestSplits.Measure(s.Metric, s.Metrics(s.Candidate, draw)) - HonestSplits.Measure(s.Metric, s.Metrics(s.Baseline, draw));
            }

        var perSplit = new List<SplitDelta>();
        for (var k = 0; k < splits.Count; k++)
        {
            var s = splits[k];
            var (low, high) = Interval(deltas[k]);
            int candidateOnly = 0, baselineOnly = 0;
            for (var i = 0; i < s.N; i++)
            {
                var c = s.Candidate[i] == s.Actual[i];
                var b = s.Baseline[i] == s.Actual[i];
                if (c && !b) candidateOnly++;
                if (b && !c) baselineOnly++;
            }
            perSplit.Add(new SplitDelta(s.Name, s.Metric, s.N, HonestSplits.Measure(s.Metric, s.Metrics(s.Baseline)), HonestSplits.Measure(s.Metric, s.Metrics(s.Candidate)),
                low, high, candidateOnly, baselineOnly));
        }

        var totalRows = (double)splits.Sum(s => s.N);
        var averaged = new double[replicates];
        var weighted = new double[replicates];
        for (var r = 0; r < replicates; r++)
            for (var k = 0; k < splits.Count; k++)
            {
                averaged[r] += deltas[k][r] / splits.Count;
                weighted[r] += deltas[k][r] * splits[k].N / totalRows;
            }
        var (aLow, aHigh) = Interval(averaged);
        var (wLow, wHigh) = Interval(weighted);
        var splitAveraged = new AggregateDelta(perSplit.Average(d => d.Delta), aLow, aHigh);
        var rowWeighted = new AggregateDelta(perSplit.Sum(d => d.Delta * d.N) / totalRows, wLow, wHigh);

        var worse = perSplit.Where(d => d.SignificantlyWorse).Select(d => d.Split).ToList();
        var (ship, reason) = (worse.Count, splitAveraged.Low > 0) switch
        {
            (0, true) => (true, $"no split significantly worse and the split-averaged gain's 95 % interval [{aLow:+0.0000;-0.0000}, {aHigh:+0.0000;-0.0000}] lies above 0"),
            (0, false) => (false, $"the split-averaged difference's 95 % interval [{aLow:+0.0000;-0.0000}, {aHigh:+0.0000;-0.0000}] does not lie above 0"),
            (_, var gain) => (false, $"significantly worse on {string.Join(", ", worse)}" +
                (gain ? "" : $"; the split-averaged interval [{aLow:+0.0000;-0.0000}, {aHigh:+0.0000;-0.0000}] does not lie above 0 either")),
        };
        return new ShipDecision(perSplit, splitAveraged, rowWeighted, replicates, seed, ship, reason);
    }

    /// <summary>The 2.5th and 97.5th percentiles (nearest rank on the sorted replicates).</summary>
    private static (double Low, double High) Interval(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var low = sorted[(int)Math.Floor(0.025 * (sorted.Length - 1))];
        var high = sorted[(int)Math.Ceiling(0.975 * (sorted.Length - 1))];
        return (low, high);
    }
}

/// <summary>Labels the honest splits' test rows with two honest models, and prints a <see cref="ShipDecision"/>.</summary>
public static class ShipComparison
{
    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    /// <summary>Every honest split of <paramref name="datasets"/> (not leave-one-out) labelled by both scorers, the rows' kind from their source as in <see cref="HonestEvaluation"/>.</summary>
    public static IReadOnlyList<PairedSplit> Label(IReadOnlyList<Dataset> datasets, ISentimentScorer baseline, ISentimentScorer candidate)
    {
        var result = new List<PairedSplit>();
        foreach (var dataset in datasets)
            foreach (var split in HonestSplits.For(dataset))
            {
                var rows = split.TestRows(dataset).ToArray();
                if (rows.Length == 0) continue;
                var kind = SourceKind.Of(dataset);
                var b = new SentimentLabel[rows.Length];
                var c = new SentimentLabel[rows.Length];
                Parallel.For(0, rows.Length, i =>
                {
                    b[i] = baseline.Score(rows[i].Text, kind).Label;
                    c[i] = candidate.Score(rows[i].Text, kind).Label;
                });
                result.Add(new PairedSplit(split.Name, split.Metric, rows.Select(r => r.Label).ToArray(), b, c));
            }
        return result;
    }

    public static string ToText(ShipDecision d, string baseline, string candidate)
    {
        var sb = new System.Text.StringBuilder();
        sb.AppendLine(Inv, $"baseline:  {baseline}");
        sb.AppendLine(Inv, $"candidate: {candidate}");
        sb.AppendLine(Inv, $"paired bootstrap over each honest split's test rows: {d.Replicates} replicates, seed {d.Seed}; 95 % intervals");
        sb.AppendLine();
        sb.AppendLine(Inv, $"{"split",-28} {"n",5} {"metric",-8} {"baseline",8} {"candidate",9} {"delta",7}  {"95 % interval",-18} {"c-only/b-only right",19}");
        foreach (var s in d.Splits)
        {
            var flag = s.SignificantlyWorse ? "  WORSE" : s.SignificantlyBetter ? "  better" : "";
            sb.AppendLine(Inv, $"{s.Split,-28} {s.N,5} {HonestSplits.MetricName(s.Metric),-8} {s.Baseline,8:F4} {s.Candidate,9:F4} {s.Delta,7:+0.0000;-0.0000}  [{s.Low:+0.000;-0.000}, {s.High:+0.000;-0.000}]   {s.CandidateOnlyRight,8} / {s.BaselineOnlyRight,-8}{flag}");
        }
        sb.AppendLine();
        sb.AppendLine(Inv, $"better on {d.Better}, worse on {d.Worse} of {d.Splits.Count}");
        sb.AppendLine(Inv, $"split-averaged delta {d.SplitAveraged.Delta:+0.0000;-0.0000} [{d.SplitAveraged.Low:+0.0000;-0.0000}, {d.SplitAveraged.High:+0.0000;-0.0000}]  (ruled on)");
        sb.AppendLine(Inv, $"row-weighted delta   {d.RowWeighted.Delta:+0.0000;-0.0000} [{d.RowWeighted.Low:+0.0000;-0.0000}, {d.RowWeighted.High:+0.0000;-0.0000}]  (reported)");
        sb.AppendLine(Inv, $"ship: {(d.Ship ? "YES" : "no")} — {d.Reason}");
        return sb.ToString();
    }

    public static string ToJson(ShipDecision d, string baseline, string candidate)
    {
        var splits = new System.Text.Json.Nodes.JsonArray();
        foreach (var s in d.Splits)
            splits.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["split"] = s.Split, ["metric"] = HonestSplits.MetricName(s.Metric), ["n"] = s.N,
                ["baseline"] = Math.Round(s.Baseline, 4), ["candidate"] = Math.Round(s.Candidate, 4), ["delta"] = Math.Round(s.Delta, 4),
                ["low"] = Math.Round(s.Low, 4), ["high"] = Math.Round(s.High, 4),
                ["candidateOnlyRight"] = s.CandidateOnlyRight, ["baselineOnlyRight"] = s.BaselineOnlyRight,
                ["significantlyWorse"] = s.SignificantlyWorse, ["significantlyBetter"] = s.SignificantlyBetter,
            });
        System.Text.Json.Nodes.JsonObject Aggregate(AggregateDelta a) => new()
        {
            ["delta"] = Math.Round(a.Delta, 4), ["low"] = Math.Round(a.Low, 4), ["high"] = Math.Round(a.High, 4),
        };
        var root = new System.Text.Json.Nodes.JsonObject
        {
            ["baseline"] = Path.GetFileName(baseline), ["candidate"] = Path.GetFileName(candidate),
            ["replicates"] = d.Replicates, ["seed"] = d.Seed,
            ["splits"] = splits, ["splitAveraged"] = Aggregate(d.SplitAveraged), ["rowWeighted"] = Aggregate(d.RowWeighted),
            ["better"] = d.Better, ["worse"] = d.Worse, ["ship"] = d.Ship, ["reason"] = d.Reason,
        };
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}

/// <summary>
/// Measurement only (`compare --candidate-with`): the mean of several scorers' class probabilities — what an
/// ensemble of linear models would score, before building one into the model format.
/// </summary>
public sealed class AveragedScorer(IReadOnlyList<ISentimentScorer> members) : ISentimentScorer
{
    public SentimentScore Score(string text) => Score(text, null);

    public SentimentScore Score(string text, string? kind)
    {
        float n = 0, u = 0, p = 0;
        foreach (var m in members)
        {
            var s = m.Score(text, kind);
            n += s.Negative; u += s.Neutral; p += s.Positive;
        }
        return SentimentScore.FromProbabilities(n / members.Count, u / members.Count, p / members.Count);
    }
}
