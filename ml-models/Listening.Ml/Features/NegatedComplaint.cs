using System.Text.RegularExpressions;
using Listening.Core.Text;

namespace Listening.Ml.Features;

/// <summary>
/// A complaint word its negator denies — "not bad at all", "wasn't disappointed", "never late", «не плохо», «не так уж
/// дорого», «не разочаровались» — is praise, as the labelling guideline reads it (a denied problem is in the brand's
/// favour). The model reads the complaint word far more than the negation in front of it: "Not bad at all, would order
/// again." scored −0.82, «Не ужасно.» −0.77, "Wasn't disappointed." −0.41, while "good" and «хорошо» in the same places
/// score +0.8 to +0.99. The scorer rewrites the denied complaint (negator, an optional softener, the word, a trailing "at
/// all" / «совсем») into that plain praise word, after <see cref="HedgedNegation"/> has turned «не могу сказать, что плохо»
/// into «не плохо».
/// </summary>
/// <remarks>Only strong complaint words, right after the negator («не очень плохо» and "not only bad" are left alone), and
/// not the Russian correction «не плохо, а ужасно» (a stronger complaint replaces the denied one).</remarks>
public static partial class NegatedComplaint
{
    [GeneratedRegex(@"(?<![\p{L}])не\s+(?:(?:так(?:ой|ая|ое|ие)?\s+уж|так|уж|особо|слишком|совсем)\s+)?(?:плох(?:о|ой|ая|ое|ие|им|ую)|ужасн(?:о|ый|ая|ое|ые|ую)|отвратительн(?:о|ый|ая|ое|ые)|дорог(?:о|ой|ая|ое|ие|ую)|медленн(?:о|ый|ая|ое|ые)|грязн(?:о|ый|ая|ое|ые)|скучн(?:о|ый|ая|ое|ые)|разочаровал(?:а|о|и|ся|ась|ись)?|разочарован(?:а|о|ы)?|пожалел(?:а|и)?|подв[её]л(?:а|о|и)?|опоздал(?:а|о|и)?)(?![\p{L}])(?:\s+(?:совсем|вообще|ни\s+разу|нисколько))?(?!\s*,?\s*а\s)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Russian();

    [GeneratedRegex(@"(?:\b(?:not|never)|n't|n’t)\s+(?:(?:so|that|too|as|even|remotely|at\s+all)\s+)?(?:bad|terrible|awful|horrible|dreadful|disappointed|disappointing|disappoint|poor|overpriced|rude|dirty|slow|expensive|boring|bland|late)\b(?:\s+at\s+all)?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex English();

    // A contrast after the denied complaint: "wasn't late, but the bread was stale", «не опоздал, но половины заказа не было».
    [GeneratedRegex(@"\b(?:but|however|though|although|yet)\b|(?<![\p{L}])(?:но|однако|зато|только\s+вот|а\s+вот)(?![\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ContrastAfter();

    public static string Rewrite(string text)
    {
        // Lower-cased on the stack: this runs for every prediction.
        Span<char> buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        return Rewrite(text, buffer[..CaseFolding.Lower(text, buffer)]);
    }

    /// <summary>As <see cref="Rewrite(string)"/>, given the text lower-cased (<see cref="ScoringRewrites"/> shares one copy).</summary>
    public static string Rewrite(string text, ReadOnlySpan<char> lower)
    {
        // Substring gates first: the patterns run only on texts with a negator.
        if (lower.Contains("не ", StringComparison.Ordinal)) text = Russian().Replace(text, m => Praise(text, m, "хорошо"));
        if (lower.Contains("not ", StringComparison.Ordinal) || lower.Contains("n't ", StringComparison.Ordinal)
            || lower.Contains("n’t ", StringComparison.Ordinal) || lower.Contains("never ", StringComparison.Ordinal))
            text = English().Replace(text, m => Praise(text, m, "good"));
        return text;
    }

    /// <summary>
    /// What the denied complaint <paramref name="m"/> is written as: the praise word; nothing where a contrast follows it (the
    /// clause after "but" is the point — "wasn't late, but the bread was stale" is a complaint, and the praise word would
    /// outweigh it); a space before it where the negator was stuck to its verb ("wasn't bad" → "was good").
    /// </summary>
    private static string Praise(string text, Match m, string word)
    {
        var end = m.Index + m.Length;
        if (ContrastAfter().IsMatch(text.AsSpan(end))) return "";
        return m.Value.StartsWith("n't", StringComparison.OrdinalIgnoreCase) || m.Value.StartsWith("n’t", StringComparison.OrdinalIgnoreCase) ? " " + word : word;
    }
}
