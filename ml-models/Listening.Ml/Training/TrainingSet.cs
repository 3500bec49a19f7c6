using Listening.Core.Sentiment;
using Listening.Ml.Data;

namespace Listening.Ml.Training;

/// <summary>A training row with its balancing weight.</summary>
public sealed record WeightedText(LabelledText Row, float Weight, string Dataset = "");

/// <summary>
/// Builds the balanced training set: the rows of every dataset that the holdout leaves to training, outside the calibration slice, capped per dataset by a
/// deterministic hash sample, weighted so classes within a dataset are (partly) balanced, weights
/// rescaled to mean 1. Deterministic: the same datasets give the same rows in the same order.
/// </summary>
public static class TrainingSet
{
    private const uint SampleSalt = 0x5EED;

    public static IReadOnlyList<WeightedText> Build(IEnumerable<Dataset> datasets, TrainingOptions options)
    {
        var result = new List<WeightedText>();
        var holdout = Holdout.Parse(options.Holdout);
        foreach (var dataset in datasets.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            if (options.Language is { } lang && dataset.Lang != lang) continue;
            var rows = holdout.TrainRows(dataset)
                .Where(r => !ProbabilityCalibrator.InSlice(r.Id, options.CalibrationPercent))
                .OrderBy(r => DevSplit.Hash(r.Id, SampleSalt)).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(options.MaxRowsPerDataset)
                .ToList();
            if (rows.Count == 0) continue;
            var counts = rows.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Count());
            var datasetWeight = Math.Pow(rows.Count, options.DatasetBalance - 1);
            var weights = counts.ToDictionary(
                kv => kv.Key,
                kv => (float)(datasetWeight * Math.Pow(rows.Count / (double)(counts.Count * kv.Value), options.ClassBalance)));
            result.AddRange(rows.Select(r => new WeightedText(r, weights[r.Label], dataset.Name)));
        }
        if (result.Count == 0) throw new InvalidOperationException("no training rows (check --data and --lang)");
        var mean = result.Average(w => w.Weight);
        return result.Select(w => w with { Weight = w.Weight / mean }).ToList();
    }

    public static IReadOnlyDictionary<SentimentLabel, int> ClassCounts(IEnumerable<WeightedText> rows) =>
        rows.GroupBy(r => r.Row.Label).ToDictionary(g => g.Key, g => g.Count());
}
