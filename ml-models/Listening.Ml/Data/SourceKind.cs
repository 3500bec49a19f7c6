using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Core.Text;

namespace Listening.Ml.Data;

/// <summary>
/// The <see cref="TextKind"/> a dataset's rows are known to be from their source, as the pipeline knows an
/// item's kind: a tweet collection holds social posts (many without an @handle, so the text alone would call
/// them short texts); any other dataset's rows are decided from their text. Used to fit and to measure the
/// per-kind neutral calibration the same way the pipeline applies it.
/// </summary>
public static class SourceKind
{
    /// <summary><see cref="TextKind.Post"/> for a tweet/post collection (its folder name says so), else null.</summary>
    public static string? Of(Dataset dataset) => Of(dataset.Name);

    public static string? Of(string datasetName) =>
        datasetName.Contains("tweet", StringComparison.OrdinalIgnoreCase) || datasetName.Contains("twitter", StringComparison.OrdinalIgnoreCase)
            ? TextKind.Post : null;

    /// <summary>
    /// The kind a training row is calibrated as: a tweet collection's rows are posts; every other training file is a
    /// review or survey collection, whose rows are reviews or short texts by their text (never posts, as the pipeline
    /// treats a review item that quotes a link).
    /// </summary>
    public static string For(Dataset dataset, string text) => Of(dataset) ?? FeedbackTextKind.For(FeedbackKind.Review, text);
}
