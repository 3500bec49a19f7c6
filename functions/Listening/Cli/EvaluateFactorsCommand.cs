using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Listening.Core.Factors.Evaluation;
using Listening.Core.Sentiment;
using Listening.Ml.Factors;
using Listening.Ml.Prediction;

namespace Listening.Cli;

/// <summary>
/// <c>listening evaluate-factors --data DIR [--json] [--split dev|train|all] [--mappings DIR] [--model PATH]</c>:
/// factor detection P/R/F1 and polarity accuracy per labelled dataset, on the deterministic dev fifth.
/// </summary>
internal static class EvaluateFactorsCommand
{
    public static Command Create()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder of labelled datasets (each with train.tsv)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var split = new Option<EvaluationSplit>("--split") { Description = "dev (reported), train (for tuning word lists) or all", DefaultValueFactory = _ => EvaluationSplit.Dev };
        var mappings = new Option<DirectoryInfo?>("--mappings") { Description = "Folder of aspect-label mapping files (default: ml-models/factors/mappings of this repository)" };
        var model = new Option<FileInfo?>("--model") { Description = "Sentiment model (model.zip) to add to clause sentiment; without it, opinion words with negation" };
        var command = new Command("evaluate-factors", "Measure factor detection and factor polarity against the aspect-labelled datasets")
        {
            data, json, split, mappings, model,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var dataDir = parse.GetRequiredValue(data);
                if (!dataDir.Exists) return Task.FromResult(Fail(error, $"data folder not found: {dataDir.FullName}"));
                var mappingsDir = parse.GetValue(mappings)?.FullName ?? FindMappings();
                if (mappingsDir is null || !Directory.Exists(mappingsDir))
                    return Task.FromResult(Fail(error, "mapping files not found; pass --mappings ml-models/factors/mappings"));
                var modelFile = parse.GetValue(model);
                var clauseScorer = modelFile is null ? null : LoadClauseModel(modelFile.FullName);
                var results = FactorEvaluationRun.Run(dataDir.FullName, FactorEvaluationRun.LoadMappings(mappingsDir), clauseScorer, parse.GetValue(split), cancellationToken);
                if (results.Count == 0) return Task.FromResult(Fail(error, $"no aspect-labelled dataset named by the mappings under {dataDir.FullName}"));
                output.Write(parse.GetValue(json) ? ToJson(results) : ToTable(results, parse.GetValue(split)));
                return Task.FromResult(0);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return Task.FromResult(Fail(error, e.Message));
            }
        });
        return command;
    }

    internal static ISentimentScorer LoadClauseModel(string path)
    {
        if (!File.Exists(path)) throw new IOException($"model not found: {path}");
        return PooledSentimentScorer.Load(path);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"evaluate-factors: {message}");
        return 1;
    }

    /// <summary>The repository's mapping folder, looked for above the working directory and above the executable.</summary>
    internal static string? FindMappings()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "ml-models", "factors", "mappings");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    internal static string ToJson(IReadOnlyList<DatasetEvaluation> results)
    {
        var document = new
        {
            datasets = results.Select(r => new
            {
                name = r.Name,
                lang = r.Lang,
                n = r.N,
                detection = new
                {
                    precision = r.Detection.Precision,
                    recall = r.Detection.Recall,
                    microF1 = r.Detection.MicroF1,
                    perFactor = r.Detection.PerFactor.ToDictionary(kv => kv.Key, kv => new
                    {
                        precision = kv.Value.Precision,
                        recall = kv.Value.Recall,
                        f1 = kv.Value.F1,
                        tp = kv.Value.TruePositives,
                        fp = kv.Value.FalsePositives,
                        fn = kv.Value.FalseNegatives,
                    }),
                },
                baseline = r.Baseline is { } b ? new { precision = b.Precision, recall = b.Recall, microF1 = b.MicroF1 } : null,
                polarityAccuracy = r.PolarityAccuracy is { } a ? Math.Round(a, 4) : (double?)null,
                polarityN = r.PolarityN,
            }),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine;
    }

    private static string ToTable(IReadOnlyList<DatasetEvaluation> results, EvaluationSplit split)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine($"factor evaluation on the {split.ToString().ToLowerInvariant()} split (dev = the sentiment model's: mixed FNV-1a(id) % 100 < 20, minus texts also under a train id)");
        foreach (var r in results)
        {
            w.WriteLine();
            var polarity = r.PolarityAccuracy is { } a ? $"{a:0.000} (n={r.PolarityN})" : "n/a (no per-factor polarity)";
            var baseline = r.Baseline is { } b ? $" (every mapped factor: micro-F1={b.MicroF1:0.000})" : "";
            w.WriteLine($"{r.Name} [{r.Lang}] n={r.N}  detection P={r.Detection.Precision:0.000} R={r.Detection.Recall:0.000} micro-F1={r.Detection.MicroF1:0.000}{baseline}  polarity accuracy={polarity}");
            w.WriteLine($"  {"factor",-24} {"P",6} {"R",6} {"F1",6} {"tp",6} {"fp",6} {"fn",6}");
            foreach (var (factor, c) in r.Detection.PerFactor)
                w.WriteLine($"  {factor,-24} {c.Precision,6:0.000} {c.Recall,6:0.000} {c.F1,6:0.000} {c.TruePositives,6} {c.FalsePositives,6} {c.FalseNegatives,6}");
        }
        return w.ToString();
    }
}
