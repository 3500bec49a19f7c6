using Listening.Core.Feedback;

namespace Listening.Reports;

/// <summary>
/// The one place the report gets a scorer for items that arrive unscored. The sentiment model and
/// factor extractor are built on their own branches; until they are wired here this returns null
/// and `listening report` names the first unscored line instead of guessing scores.
/// </summary>
public static class ScoringFactory
{
    /// <summary>Replaceable in tests and at merge time; <c>modelPath</c> is the `--model` option (may be null).</summary>
    public static Func<string?, IFeedbackScorer?> Factory { get; set; } = _ => null;

    public static IFeedbackScorer? Create(string? modelPath) => Factory(modelPath);
}
