using System.Text.RegularExpressions;
using Listening.Core.Text;

namespace Listening.Ml.Features;

/// <summary>
/// "No problems" said the way customers say it: Russian puts the negator after the complaint noun («Проблем нет»,
/// «Нареканий к курьеру нет», «Претензий не имею», «Проблем не было») and English stresses it ("never had a single
/// issue", "never once had a problem", "zero complaints"). The model's negation looks forward a few words from the
/// negator, so the noun it should cancel is read as the complaint it names: «Проблем нет» scored −0.86, "Never had a
/// single issue" −0.72, while «Нет проблем» and "Never had an issue" score +0.72 and +0.86. The scorer rewrites such a
/// phrase into the order the model reads («нет проблем с доставкой», "never had a issue", "no complaints").
/// </summary>
/// <remarks>Only nouns that name a complaint are moved: «Вопросов нет» or «Денег нет» are not praise. The words between the
/// noun and its negator (at most three, no punctuation) travel with the noun.</remarks>
public static partial class AbsentComplaint
{
    [GeneratedRegex(@"(?<![\p{L}])(?<noun>проблем|проблемы|очередей|очереди|жалоб|жалобы|претензий|претензии|замечаний|нареканий|нареканиев|косяков|накладок|сбоев|поломок|ошибок|задержек|опозданий|неприятностей|нарушений)(?<middle>(?:\s+[^\s.,;:!?…()—–-]+){0,3}?)\s+(?<negator>нет|не\s+было|не\s+возникало|не\s+возникло|не\s+возникает|не\s+бывает|не\s+наблюдается|не\s+имею|не\s+имеем|не\s+имеется)(?![\p{L}])(?!\s+(?:смысла|смысл|толку|толка|возможности|времени|сил|желания))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Russian();

    [GeneratedRegex(@"(?<negator>\b(?:never|not|no)\b|n't|n’t)(?<middle>(?:\s+(?:once|ever|had|have|has|experienced|encountered|seen|got|gotten|a|one))*?)\s+(?:single\s+)(?<noun>(?:issue|problem|complaint|hiccup|glitch|hitch|delay|error|mistake|fault|mishap)s?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishSingle();

    [GeneratedRegex(@"\bnever\s+once\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishNeverOnce();

    [GeneratedRegex(@"\bzero\s+(?<noun>(?:issue|problem|complaint|hiccup|glitch|delay|error|mistake)s?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishZero();

    public static string Rewrite(string text)
    {
        // Lower-cased on the stack: this runs for every prediction.
        Span<char> buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        return Rewrite(text, buffer[..CaseFolding.Lower(text, buffer)]);
    }

    /// <summary>As <see cref="Rewrite(string)"/>, given the text lower-cased (<see cref="ScoringRewrites"/> shares one copy).</summary>
    public static string Rewrite(string text, ReadOnlySpan<char> lower)
    {
        // Substring gates first: the patterns run only on the few texts that can match.
        if (lower.Contains(" нет", StringComparison.Ordinal) || lower.Contains("не был", StringComparison.Ordinal)
            || lower.Contains("не возника", StringComparison.Ordinal) || lower.Contains("не быва", StringComparison.Ordinal)
            || lower.Contains("не наблюда", StringComparison.Ordinal) || lower.Contains("не име", StringComparison.Ordinal))
            text = Russian().Replace(text, m => $"{m.Groups["negator"].Value} {m.Groups["noun"].Value}{m.Groups["middle"].Value}");
        if (lower.Contains("single", StringComparison.Ordinal))
            text = EnglishSingle().Replace(text, m => $"{m.Groups["negator"].Value}{m.Groups["middle"].Value} {m.Groups["noun"].Value}");
        if (lower.Contains("never once", StringComparison.Ordinal)) text = EnglishNeverOnce().Replace(text, "never");
        if (lower.Contains("zero", StringComparison.Ordinal)) text = EnglishZero().Replace(text, m => $"no {m.Groups["noun"].Value}");
        return text;
    }
}
