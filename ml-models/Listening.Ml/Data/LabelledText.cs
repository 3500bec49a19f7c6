using Listening.Core.Sentiment;

namespace Listening.Ml.Data;

/// <summary>One labelled row of a dataset folder's train.tsv / test.tsv.</summary>
public sealed record LabelledText(string Id, string Lang, string Text, SentimentLabel Label);

/// <summary>A dataset folder: its rows and whether they are a held-out test file or a train file to split.</summary>
public sealed record Dataset(string Name, string Lang, IReadOnlyList<LabelledText> Rows, bool IsTestFile)
{
    /// <summary>Rows the model may learn from: the non-dev part of train.tsv (none of a test.tsv).</summary>
    public IEnumerable<LabelledText> TrainRows => IsTestFile ? [] : Rows.Where(r => !DevSplit.IsDev(r.Id));

    /// <summary>Rows to measure on: all of test.tsv, else the dev part of train.tsv.</summary>
    public IEnumerable<LabelledText> EvaluationRows => IsTestFile ? Rows : Rows.Where(r => DevSplit.IsDev(r.Id));
}
