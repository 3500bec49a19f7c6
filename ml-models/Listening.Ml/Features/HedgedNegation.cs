using System.Text.RegularExpressions;
using Listening.Core.Text;

namespace Listening.Ml.Features;

/// <summary>
/// Negation that reaches past a verb of saying: "Не могу сказать, что плохо", "нельзя сказать, что
/// дорого", "I can't say it was bad", "I wouldn't say the food is bad" negate the judgement at the end,
/// but a negator governs only the next few words, so the judgement reads as stated ("плохо" → negative).
/// The featurizer rewrites such a hedge to a plain negator next to the judgement ("не плохо", "not bad"),
/// which the n-grams and the cue negation then read as they should.
/// </summary>
public static partial class HedgedNegation
{
    [GeneratedRegex(@"(?<![\p{L}])(?:не\s+(?:могу|можу|могла|мог)\s+сказать|нельзя\s+сказать|не\s+(?:сказал|сказала|скажу)(?:\s+бы)?|не\s+думаю)\s*,?\s*(?:что|чтобы|чтоб)\s+(?:(?:это|он|она|оно|они|было|был|была|были|все|всё)\s+){0,2}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Russian();

    [GeneratedRegex(@"\b(?:i\s+)?(?:can't|can’t|cannot|can\s+not|couldn't|couldn’t|wouldn't|wouldn’t|won't|won’t|don't|don’t)\s+(?:say|think|call)\s+(?:that\s+)?(?:(?:it\s+was|it\s+is|it's|it’s|it|they\s+were|they\s+are|this\s+was|the\s+\w+\s+(?:was|is|were|are))\s+)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex English();

    public static string Rewrite(string text)
    {
        // Lower-cased on the stack: this runs for every prediction.
        Span<char> buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        return Rewrite(text, buffer[..CaseFolding.Lower(text, buffer)]);
    }

    /// <summary>As <see cref="Rewrite(string)"/>, given the text lower-cased (<see cref="ScoringRewrites"/> shares one copy).</summary>
    public static string Rewrite(string text, ReadOnlySpan<char> lower)
    {
        // Substring gates first: the patterns run only on the few texts with a verb of saying or thinking.
        var russian = lower.Contains("сказ", StringComparison.Ordinal) || lower.Contains("думаю", StringComparison.Ordinal);
        var english = lower.Contains(" say", StringComparison.Ordinal) || lower.Contains(" think", StringComparison.Ordinal) || lower.Contains(" call", StringComparison.Ordinal);
        if (russian) text = Russian().Replace(text, "не ");
        if (english) text = English().Replace(text, "not ");
        return text;
    }
}
