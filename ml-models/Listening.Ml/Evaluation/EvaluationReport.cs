using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Sentiment;

namespace Listening.Ml.Evaluation;

/// <summary>Renders evaluation results as text for people or as one JSON document for machines.</summary>
public static class EvaluationReport
{
    private static readonly SentimentLabel[] Labels = Enum.GetValues<SentimentLabel>();

    public static string ToJson(IReadOnlyList<DatasetEvaluation> results, string modelPath)
    {
        var datasets = new JsonArray();
        foreach (var r in results)
        {
            var m = r.Metrics;
            var perClass = new JsonObject();
            foreach (var label in m.ClassesPresent)
            {
                var c = m.For(label);
                perClass[Name(label)] = new JsonObject
                {
                    ["n"] = c.Support,
                    ["precision"] = Round(c.Precision),
                    ["recall"] = Round(c.Recall),
                    ["f1"] = Round(c.F1),
                };
            }
            var confusion = new JsonObject();
            foreach (var actual in m.ClassesPresent)
            {
                var row = new JsonObject();
                foreach (var predicted in Labels) row[Name(predicted)] = m.Confusion[(int)actual, (int)predicted];
                confusion[Name(actual)] = row;
            }
            var targets = new JsonArray();
            foreach (var t in QualityTargets.For(r.Dataset.Name))
            {
                var value = t.Measure(m);
                targets.Add(new JsonObject
                {
                    ["metric"] = t.MetricName,
                    ["minimum"] = t.Minimum,
                    ["value"] = Round(value),
                    ["met"] = value >= t.Minimum,
                });
            }
            datasets.Add(new JsonObject
            {
                ["name"] = r.Dataset.Name,
                ["lang"] = r.Dataset.Lang,
                ["split"] = r.Split,
                ["n"] = m.N,
                ["accuracy"] = Round(m.Accuracy),
                ["macroF1"] = Round(m.MacroF1),
                ["f1pn"] = Round(m.F1PositiveNegative),
                ["perClass"] = perClass,
                ["confusion"] = confusion,
                ["targets"] = targets,
            });
        }
        var doc = new JsonObject { ["model"] = Path.GetFileName(modelPath), ["datasets"] = datasets };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static string ToText(IReadOnlyList<DatasetEvaluation> results, string modelPath)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"model: {modelPath}");
        sb.AppendLine("Figures are on each folder's test.tsv if it has one, else on the deterministic dev split (20% of train.tsv by id hash) that `train` never learns from.");
        foreach (var r in results)
        {
            var m = r.Metrics;
            sb.AppendLine();
            sb.AppendLine(inv, $"== {r.Dataset.Name} ({r.Dataset.Lang}) — {r.Split}");
            sb.Append(inv, $"n={m.N}  accuracy={m.Accuracy:F3}  macro-F1={m.MacroF1:F3}");
            if (m.ClassesPresent.Count == 3) sb.Append(inv, $"  F1_pn={m.F1PositiveNegative:F3}");
            sb.AppendLine();
            sb.AppendLine("  class       n    precision  recall   F1      | predicted: negative neutral positive");
            foreach (var label in m.ClassesPresent)
            {
                var c = m.For(label);
                sb.AppendLine(inv, $"  {Name(label),-9} {c.Support,6}  {c.Precision,8:F3}  {c.Recall,7:F3}  {c.F1,6:F3}  | {m.Confusion[(int)label, 0],18} {m.Confusion[(int)label, 1],7} {m.Confusion[(int)label, 2],8}");
            }
            foreach (var t in QualityTargets.For(r.Dataset.Name))
            {
                var value = t.Measure(m);
                var verdict = value >= t.Minimum ? "met" : $"MISSED by {t.Minimum - value:F3}";
                sb.AppendLine(inv, $"  target {t.MetricName} ≥ {t.Minimum:F2}: {value:F3} {verdict}");
            }
        }
        return sb.ToString();
    }

    private static string Name(SentimentLabel label) => label.ToString().ToLowerInvariant();

    private static double Round(double value) => Math.Round(value, 4);
}
