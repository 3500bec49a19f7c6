using Listening.Core.Factors;
using Listening.Core.Factors.Evaluation;
using Listening.Core.Sentiment;
using Listening.Ml.Data;

namespace Listening.Ml.Factors;

/// <summary>Which part of each dataset to score: the dev fifth (for reporting), the rest (for tuning), or all.</summary>
public enum EvaluationSplit { Dev, Train, All }

/// <summary>
/// Runs the factor extractor over every labelled dataset under a data folder that a mapping file
/// names, and scores it against the mapped aspect labels. The file-reading half of the evaluation;
/// the arithmetic is in <see cref="FactorScorecard"/>.
/// </summary>
public static class FactorEvaluationRun
{
    public static IReadOnlyList<AspectMapping> LoadMappings(string mappingsDirectory) =>
        Directory.EnumerateFiles(mappingsDirectory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                try { return AspectMapping.Parse(File.ReadAllText(path)); }
                catch (FormatException e) { throw new FormatException($"{path}: {e.Message}", e); }
            })
            .ToList();

    /// <summary>Evaluates every mapping whose dataset folder exists under <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlyList<DatasetEvaluation> Run(
        string dataDirectory, IReadOnlyList<AspectMapping> mappings, ISentimentScorer? clauseScorer,
        EvaluationSplit split = EvaluationSplit.Dev, CancellationToken cancellationToken = default)
    {
        var results = new List<DatasetEvaluation>();
        foreach (var mapping in mappings)
        {
            var file = Path.Combine(dataDirectory, mapping.Dataset, "train.tsv");
            if (!File.Exists(file)) continue;
            var extractor = new FactorExtractor(FactorTaxonomy.WithPacks(mapping.Packs), clauseScorer);
            results.Add(Evaluate(file, mapping, extractor, split, cancellationToken));
        }
        return results;
    }

    public static DatasetEvaluation Evaluate(
        string trainTsv, AspectMapping mapping, FactorExtractor extractor, EvaluationSplit split, CancellationToken cancellationToken = default)
    {
        var gold = new GoldAspects(mapping);
        var scorecard = new FactorScorecard(mapping.Name, mapping.Lang, mapping.EvaluatedFactors, mapping.Fold);
        foreach (var row in Rows(trainTsv, mapping, split))
        {
            cancellationToken.ThrowIfCancellationRequested();
            scorecard.Add(gold.Map(row.Aspects), extractor.Extract(row.Text));
        }
        return scorecard.Result();
    }

    /// <summary>One labelled row of a dataset's train.tsv.</summary>
    public sealed record Row(string Id, string Text, string Label, string Aspects);

    public static IEnumerable<Row> Rows(string trainTsv, AspectMapping mapping, EvaluationSplit split)
    {
        var rows = ReadRows(trainTsv, mapping).ToList();
        // A text that also occurs under a train id (SemEval 2014 and 2016 share sentences) is not dev:
        // the sentiment model may have trained on it.
        var trainTexts = rows.Where(r => !DevSplit.IsDev(r.Id)).Select(r => r.Text).ToHashSet(StringComparer.Ordinal);
        var seenTexts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            // Score each text once.
            if (!seenTexts.Add(row.Text)) continue;
            var isDev = DevSplit.IsDev(row.Id) && !trainTexts.Contains(row.Text);
            if (split == EvaluationSplit.Dev && !isDev || split == EvaluationSplit.Train && isDev) continue;
            yield return row;
        }
    }

    private static IEnumerable<Row> ReadRows(string trainTsv, AspectMapping mapping)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(trainTsv))
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0) continue;
            var columns = line.Split('\t');
            if (columns.Length < 6) throw new FormatException($"{trainTsv}:{lineNumber}: expected 6 tab-separated columns, found {columns.Length}");
            var row = new Row(columns[0], columns[2], columns[3], columns[5]);
            if (mapping.IdPrefixes.Count > 0 && !mapping.IdPrefixes.Any(p => row.Id.StartsWith(p, StringComparison.Ordinal))) continue;
            if (mapping.LabelledRowsOnly && row.Aspects.Length == 0) continue;
            yield return row;
        }
    }
}
