using Listening.Core.Text;

namespace Listening.Ml.Features;

/// <summary>
/// The scoring-time rewrites in the order the scorer applies them — <see cref="HedgedNegation"/> (unless the featurizer
/// rewrites hedges itself), <see cref="AbsentComplaint"/>, <see cref="NegatedComplaint"/> — over one lower-cased copy of the
/// text. Each used to lower-case the text for its own substring gates, three copies a prediction; the copy is now made once
/// and again only after a rewrite has changed the text (rare: the gates pass on few texts), so each sees the text it would
/// have seen alone.
/// </summary>
public static class ScoringRewrites
{
    public static string Apply(string text, bool hedges)
    {
        var buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        var lower = buffer[..CaseFolding.Lower(text, buffer)];
        if (hedges) text = Next(text, HedgedNegation.Rewrite(text, lower), ref lower);
        text = Next(text, AbsentComplaint.Rewrite(text, lower), ref lower);
        return NegatedComplaint.Rewrite(text, lower);
    }

    // A rewrite returns its input when nothing matched (Regex.Replace does); otherwise the next one needs a fresh copy.
    private static string Next(string before, string after, ref Span<char> lower)
    {
        if (ReferenceEquals(before, after)) return after;
        lower = new char[after.Length];
        lower = lower[..CaseFolding.Lower(after, lower)];
        return after;
    }
}
