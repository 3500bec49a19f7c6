using Listening.Core.Sentiment;
using Listening.Ml.Data;

namespace Listening.Ml.Evaluation;

public sealed record DatasetEvaluation(Dataset Dataset, ClassificationMetrics Metrics)
{
    /// <summary>"dev split (20 % of train.tsv)" or "test.tsv".</summary>
    public string Split => Dataset.IsTestFile ? "test.tsv" : $"dev split ({DevSplit.DevPercent}% of train.tsv by id hash)";
}

/// <summary>Scores every evaluation row of every dataset with a scorer and tallies the metrics.</summary>
public static class SentimentEvaluator
{
    public static IReadOnlyList<DatasetEvaluation> Evaluate(ISentimentScorer scorer, IEnumerable<Dataset> datasets)
    {
        var results = new List<DatasetEvaluation>();
        foreach (var dataset in datasets)
        {
            var rows = dataset.EvaluationRows.ToArray();
            var predicted = new SentimentLabel[rows.Length];
            // Rows are calibrated as the kind their source is (tweets are posts), as the pipeline does with an item's kind.
            var kind = SourceKind.Of(dataset);
            Parallel.For(0, rows.Length, i => predicted[i] = scorer.Score(rows[i].Text, kind).Label);
            var metrics = new ClassificationMetrics();
            for (var i = 0; i < rows.Length; i++) metrics.Add(rows[i].Label, predicted[i]);
            results.Add(new DatasetEvaluation(dataset, metrics));
        }
        return results;
    }
}
