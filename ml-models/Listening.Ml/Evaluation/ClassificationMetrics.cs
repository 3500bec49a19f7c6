using Listening.Core.Sentiment;

namespace Listening.Ml.Evaluation;

public sealed record ClassMetrics(int Support, double Precision, double Recall, double F1);

/// <summary>
/// Metrics of one dataset. Macro-F1 averages over the classes the dataset has, so on a binary
/// dataset a neutral prediction is simply wrong (it lowers recall of the true class and accuracy).
/// F1_pn is the mean F1 of positive and negative (SentiRuEval-2016's official metric).
/// </summary>
public sealed class ClassificationMetrics
{
    private static readonly SentimentLabel[] Labels = Enum.GetValues<SentimentLabel>();

    /// <summary>[actual, predicted] counts, indexed by <see cref="SentimentLabel"/>.</summary>
    public int[,] Confusion { get; } = new int[3, 3];
    public int N { get; private set; }

    public void Add(SentimentLabel actual, SentimentLabel predicted)
    {
        Confusion[(int)actual, (int)predicted]++;
        N++;
    }

    public IReadOnlyList<SentimentLabel> ClassesPresent =>
        Labels.Where(l => Enumerable.Range(0, 3).Sum(p => Confusion[(int)l, p]) > 0).ToList();

    public double Accuracy => N == 0 ? 0 : Labels.Sum(l => Confusion[(int)l, (int)l]) / (double)N;

    public ClassMetrics For(SentimentLabel label)
    {
        var c = (int)label;
        var tp = Confusion[c, c];
        var actual = Enumerable.Range(0, 3).Sum(p => Confusion[c, p]);
        var predicted = Enumerable.Range(0, 3).Sum(a => Confusion[a, c]);
        var precision = predicted == 0 ? 0 : tp / (double)predicted;
        var recall = actual == 0 ? 0 : tp / (double)actual;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(actual, precision, recall, f1);
    }

    public double MacroF1 => ClassesPresent.Count == 0 ? 0 : ClassesPresent.Average(l => For(l).F1);

    public double F1PositiveNegative => (For(SentimentLabel.Positive).F1 + For(SentimentLabel.Negative).F1) / 2;
}
