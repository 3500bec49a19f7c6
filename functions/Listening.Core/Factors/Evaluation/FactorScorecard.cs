namespace Listening.Core.Factors.Evaluation;

public sealed record FactorCounts(int TruePositives, int FalsePositives, int FalseNegatives, double Precision, double Recall, double F1);

public sealed record DetectionResult(double Precision, double Recall, double MicroF1, IReadOnlyDictionary<string, FactorCounts> PerFactor);

/// <summary>
/// One dataset's figures: detection P/R/F1 (micro and per factor) and polarity accuracy where found, next to the trivial
/// detector that answers every evaluated factor for every item (<see cref="Baseline"/>): recall 1, precision = how often
/// each factor is labelled. A detector that does not beat it has learnt nothing about where a factor is.
/// </summary>
public sealed record DatasetEvaluation(string Name, string Lang, int N, DetectionResult Detection, double? PolarityAccuracy, int PolarityN)
{
    public DetectionResult? Baseline { get; init; }
}

/// <summary>
/// Accumulates gold and predicted factors item by item. Detection counts a factor once per item;
/// polarity compares, for every factor both found and labelled with one polarity, the sign of the
/// summed clause scores of its mentions with the gold polarity.
/// </summary>
public sealed class FactorScorecard(string name, string lang, IReadOnlySet<string> evaluated, IReadOnlyDictionary<string, string> fold)
{
    private readonly Dictionary<string, int[]> counts = new(StringComparer.Ordinal); // tp, fp, fn
    private readonly Dictionary<string, int> labelled = new(StringComparer.Ordinal); // items labelled with each evaluated factor
    private int items, polarityCorrect, polarityTotal;

    public void Add(IReadOnlyDictionary<string, string> gold, IEnumerable<FactorMention> mentions)
    {
        items++;
        var predicted = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            var factor = fold.TryGetValue(m.Factor, out var folded) ? folded : m.Factor;
            if (!evaluated.Contains(factor)) continue;
            predicted[factor] = predicted.GetValueOrDefault(factor) + m.Score;
        }
        foreach (var (factor, score) in predicted)
        {
            if (!gold.TryGetValue(factor, out var polarity)) { Count(factor)[1]++; continue; }
            Count(factor)[0]++;
            if (polarity is not ("positive" or "negative" or "neutral")) continue;
            polarityTotal++;
            var label = score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
            if (label == polarity) polarityCorrect++;
        }
        foreach (var factor in gold.Keys)
        {
            if (!predicted.ContainsKey(factor)) Count(factor)[2]++;
            if (evaluated.Contains(factor)) labelled[factor] = labelled.GetValueOrDefault(factor) + 1;
        }
    }

    public DatasetEvaluation Result()
    {
        var perFactor = counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => Make(kv.Value[0], kv.Value[1], kv.Value[2]));
        var micro = Make(counts.Values.Sum(c => c[0]), counts.Values.Sum(c => c[1]), counts.Values.Sum(c => c[2]));
        // The trivial detector: every evaluated factor in every item — tp = items labelled with it, fp = the rest.
        var trivial = evaluated.Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => Make(labelled.GetValueOrDefault(f), items - labelled.GetValueOrDefault(f), 0));
        var trivialMicro = Make(trivial.Values.Sum(c => c.TruePositives), trivial.Values.Sum(c => c.FalsePositives), 0);
        return new DatasetEvaluation(name, lang, items,
            new DetectionResult(micro.Precision, micro.Recall, micro.F1, perFactor),
            polarityTotal == 0 ? null : (double)polarityCorrect / polarityTotal, polarityTotal)
        {
            Baseline = new DetectionResult(trivialMicro.Precision, trivialMicro.Recall, trivialMicro.F1, trivial),
        };
    }

    private int[] Count(string factor)
    {
        if (!counts.TryGetValue(factor, out var c)) counts[factor] = c = new int[3];
        return c;
    }

    private static FactorCounts Make(int tp, int fp, int fn)
    {
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new FactorCounts(tp, fp, fn, Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4));
    }
}
