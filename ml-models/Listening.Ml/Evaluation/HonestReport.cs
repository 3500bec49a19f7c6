using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Sentiment;
using Listening.Ml.Data;
using Listening.Ml.Training;

namespace Listening.Ml.Evaluation;

/// <summary>
/// The honest-split table (the headline: each figure from a model of the same procedure that never
/// saw the split's period, source or domain) with the random dev split beside it as a secondary
/// column and the gap between them; text for people, JSON for machines (evaluation.json).
/// </summary>
public static class HonestReport
{
    private static readonly SentimentLabel[] Labels = Enum.GetValues<SentimentLabel>();
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string ToText(HonestEvaluation.Result result, string modelPath)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Inv, $"model: {modelPath}");
        sb.AppendLine("Honest splits (headline): each figure comes from a model trained by the same procedure without the split's");
        sb.AppendLine("test rows — a later period, unseen places/banks/sites, an unseen domain, the source's own test split, or");
        sb.AppendLine("a whole dataset left out. 'random dev' is the same dataset's random 20 % dev split (a model trained");
        sb.AppendLine("without it); 'gap' = random dev − honest: how much a random split overstates held-out quality.");
        sb.AppendLine();
        sb.AppendLine(Inv, $"{"split",-30} {"kind",-9} {"lang",-4} {"n",6} {"metric",-9} {"honest",6} {"random dev",10} {"gap",6}  {"F1 neg / neu / pos",-20} target");
        foreach (var s in result.Splits)
        {
            var m = s.Metrics;
            var perClass = string.Join(" / ", Labels.Select(l => m.ClassesPresent.Contains(l) ? m.For(l).F1.ToString("F3", Inv) : "  —  "));
            var target = s.Target is { } t
                ? (t.Measure(m) >= t.Minimum ? $"≥ {t.Minimum:F2} met" : $"≥ {t.Minimum:F2} MISSED by {t.Minimum - t.Measure(m):F3}")
                : "";
            sb.AppendLine(Inv, $"{s.Split.Name,-30} {Kind(s.Split.Kind),-9} {s.Split.Lang,-4} {m.N,6} {HonestSplits.MetricName(s.Split.Metric),-9} {s.Value,6:F3} {Format(s.RandomValue),10} {Format(s.Gap, signed: true),6}  {perClass,-20} {target}");
        }
        sb.AppendLine();
        var fired = result.Splits.Sum(s => s.Sarcasm.Fired);
        sb.AppendLine(Inv, $"Sarcasm rule: fired on {fired} test rows; right with the rule {result.Splits.Sum(s => s.Sarcasm.RightWith)}, without it {result.Splits.Sum(s => s.Sarcasm.RightWithout)}.");
        sb.AppendLine();
        sb.AppendLine("Out-of-domain checks:");
        foreach (var s in result.Splits)
        {
            if (s.NeutralOnBinary is { } neutral)
                sb.AppendLine(Inv, $"  {s.Split.Name,-30} binary set: {neutral:P1} of the texts called neutral (should be ~0)");
            if (s.NeutralCalledNegative is { } negative
                && (s.Split.Name.Contains("latest", StringComparison.Ordinal) || s.Split.Name.StartsWith("sre16", StringComparison.Ordinal)))
                sb.AppendLine(Inv, $"  {s.Split.Name,-30} tweets: {negative:P1} of the neutral tweets called negative");
        }
        return sb.ToString();
    }

    /// <param name="members">An ensemble's further members' procedures (<see cref="Prediction.SentimentModel.Members"/>), written as
    /// "members" beside "procedure" (the first member's); null or empty for a single model.</param>
    public static string ToJson(HonestEvaluation.Result result, string modelPath, TrainingOptions options, IReadOnlyList<TrainingOptions?>? members = null)
    {
        var honest = new JsonArray();
        foreach (var s in result.Splits)
        {
            var o = new JsonObject
            {
                ["name"] = s.Split.Name,
                ["dataset"] = s.Split.Dataset,
                ["lang"] = s.Split.Lang,
                ["kind"] = Kind(s.Split.Kind),
                ["description"] = s.Split.Description,
                ["metric"] = HonestSplits.MetricName(s.Split.Metric),
                ["value"] = Round(s.Value),
                ["randomDev"] = s.RandomValue is { } r ? Round(r) : null,
                ["gap"] = s.Gap is { } g ? Round(g) : null,
                ["neutralCalledNegative"] = s.NeutralCalledNegative is { } nn ? Round(nn) : null,
                ["neutralOnBinary"] = s.NeutralOnBinary is { } nb ? Round(nb) : null,
                ["sarcasmRule"] = new JsonObject { ["fired"] = s.Sarcasm.Fired, ["rightWith"] = s.Sarcasm.RightWith, ["rightWithout"] = s.Sarcasm.RightWithout },
            };
            foreach (var (key, value) in Metrics(s.Metrics)) o[key] = value?.DeepClone();
            if (s.Target is { } t)
                o["target"] = new JsonObject { ["metric"] = t.MetricName, ["minimum"] = t.Minimum, ["met"] = t.Measure(s.Metrics) >= t.Minimum };
            honest.Add(o);
        }
        var random = new JsonArray();
        foreach (var r in result.RandomDev)
        {
            var o = new JsonObject { ["name"] = r.Dataset.Name, ["lang"] = r.Dataset.Lang, ["split"] = r.Split };
            foreach (var (key, value) in Metrics(r.Metrics)) o[key] = value?.DeepClone();
            random.Add(o);
        }
        var doc = new JsonObject
        {
            ["model"] = Path.GetFileName(modelPath),
            ["modelSha256"] = File.Exists(modelPath) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath))) : null,
            ["procedure"] = JsonSerializer.SerializeToNode(options),
            ["honest"] = honest,
            ["randomDev"] = random,
        };
        if (members is { Count: > 0 })
        {
            doc["members"] = new JsonArray(members.Select(m => JsonSerializer.SerializeToNode(m)).ToArray());
            // Keep "honest" and "randomDev" last, as before, so the figures read the same way.
            foreach (var key in new[] { "honest", "randomDev" })
            {
                var node = doc[key];
                doc.Remove(key);
                doc[key] = node;
            }
        }
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    internal static JsonObject Metrics(ClassificationMetrics m)
    {
        var perClass = new JsonObject();
        foreach (var label in m.ClassesPresent)
        {
            var c = m.For(label);
            perClass[Name(label)] = new JsonObject { ["n"] = c.Support, ["precision"] = Round(c.Precision), ["recall"] = Round(c.Recall), ["f1"] = Round(c.F1) };
        }
        var confusion = new JsonObject();
        foreach (var actual in m.ClassesPresent)
        {
            var row = new JsonObject();
            foreach (var predicted in Labels) row[Name(predicted)] = m.Confusion[(int)actual, (int)predicted];
            confusion[Name(actual)] = row;
        }
        return new JsonObject
        {
            ["n"] = m.N,
            ["accuracy"] = Round(m.Accuracy),
            ["macroF1"] = Round(m.MacroF1),
            ["f1pn"] = Round(m.F1PositiveNegative),
            ["perClass"] = perClass,
            ["confusion"] = confusion,
        };
    }

    private static string Kind(SplitKind kind) => kind switch
    {
        SplitKind.Time => "time",
        SplitKind.Source => "source",
        SplitKind.Domain => "domain",
        SplitKind.Official => "official",
        _ => "dataset",
    };

    private static string Format(double? value, bool signed = false) =>
        value is not { } v ? "—" : signed ? v.ToString("+0.000;-0.000;0.000", Inv) : v.ToString("F3", Inv);

    private static string Name(SentimentLabel label) => label.ToString().ToLowerInvariant();

    private static double Round(double value) => Math.Round(value, 4);
}
