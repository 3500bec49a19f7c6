using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Ml.Training;

namespace Listening.Ml.Data;

/// <summary>
/// Writes the exact rows our training and evaluation use, so peer models (scripts/peers) train and
/// score on identical data: per holdout (random, honest, leave-out:&lt;dataset&gt;) and language the
/// balanced training set (<see cref="TrainingSet"/>: the same per-dataset caps and weights), and each
/// split's test rows. Layout: &lt;dir&gt;/splits.json, &lt;dir&gt;/&lt;holdout&gt;/train_&lt;lang&gt;.tsv
/// (id, dataset, weight, label, text), &lt;dir&gt;/&lt;holdout&gt;/test/&lt;split&gt;.tsv (id, lang, label, text).
/// </summary>
public static class SplitExport
{
    public static void Write(string directory, IReadOnlyList<Dataset> datasets, TrainingOptions options, bool leaveOut)
    {
        Directory.CreateDirectory(directory);
        var splits = new JsonArray();
        var languages = datasets.Select(d => d.Lang).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();

        void TrainFiles(string holdout, IEnumerable<string> langs)
        {
            var folder = Path.Combine(directory, Folder(holdout));
            Directory.CreateDirectory(Path.Combine(folder, "test"));
            foreach (var lang in langs)
            {
                // Every row our procedure may use, its calibration slice included (the peers have no calibration step).
                var set = TrainingSet.Build(datasets, options with { Holdout = holdout, Language = lang, CalibrationPercent = 0 });
                WriteTsv(Path.Combine(folder, $"train_{lang}.tsv"), "id\tdataset\tweight\tlabel\ttext",
                    set.Select(w => $"{w.Row.Id}\t{w.Dataset}\t{w.Weight.ToString("R", CultureInfo.InvariantCulture)}\t{Label(w.Row)}\t{Clean(w.Row.Text)}"));
            }
        }

        void TestFile(string holdout, string name, string dataset, string lang, string metric, string kind, IEnumerable<LabelledText> rows)
        {
            WriteTsv(Path.Combine(directory, Folder(holdout), "test", $"{name}.tsv"), "id\tlang\tlabel\ttext",
                rows.Select(r => $"{r.Id}\t{r.Lang}\t{Label(r)}\t{Clean(r.Text)}"));
            splits.Add(new JsonObject
            {
                ["name"] = name, ["dataset"] = dataset, ["lang"] = lang, ["metric"] = metric, ["kind"] = kind,
                ["holdout"] = holdout, ["train"] = $"{Folder(holdout)}/train_{lang}.tsv", ["test"] = $"{Folder(holdout)}/test/{name}.tsv",
            });
        }

        TrainFiles("random", languages);
        foreach (var d in datasets.Where(d => !d.IsTestFile))
            TestFile("random", d.Name, d.Name, d.Lang, "macro-F1", "random", d.EvaluationRows);

        TrainFiles("honest", languages);
        foreach (var d in datasets)
            foreach (var s in HonestSplits.For(d))
                TestFile("honest", s.Name, d.Name, d.Lang, HonestSplits.MetricName(s.Metric), s.Kind.ToString().ToLowerInvariant(), s.TestRows(d));

        if (leaveOut)
        {
            foreach (var d in datasets.Where(d => HonestSplits.ReviewDatasets.Contains(d.Name)))
            {
                if (!datasets.Any(o => o.Lang == d.Lang && o.Name != d.Name)) continue;
                var s = HonestSplits.LeaveOut(d);
                TrainFiles($"leave-out:{d.Name}", [d.Lang]);
                TestFile($"leave-out:{d.Name}", s.Name, d.Name, d.Lang, HonestSplits.MetricName(s.Metric), "dataset", d.Rows);
            }
        }
        File.WriteAllText(Path.Combine(directory, "splits.json"), new JsonObject { ["splits"] = splits }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string Folder(string holdout) => holdout.Replace(':', '_');

    private static string Label(LabelledText row) => row.Label.ToString().ToLowerInvariant();

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static void WriteTsv(string path, string header, IEnumerable<string> lines)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine(header);
        foreach (var line in lines) writer.WriteLine(line);
    }
}
