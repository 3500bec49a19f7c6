using System.Text.RegularExpressions;
using Listening.Core.Text;

namespace Listening.Core.Sentiment;

/// <summary>
/// Sarcasm with markers — praise that opens a complaint ("Oh great, another order arrived half-empty",
/// "Отличный сервис, третий день жду курьера", "Ну спасибо, опять привезли не тот заказ"): a bag of
/// n-grams reads the praise words and calls such texts positive. A text is a <see cref="Candidate"/>
/// when an ironic opener (great, wonderful, thanks a lot …; отлично, супер, браво, ну спасибо …) comes with
/// a repetition or escalation marker (again, another, still, every time …; опять, снова, очередной,
/// третий день …), or when it holds an unambiguous marker ("thanks for nothing", "yeah right",
/// "спасибо за испорченный …"). The caller confirms with the model that the rest of the text, without the
/// opener, is a complaint (<see cref="Remainder"/>), so "Great, will order again!" stays praise.
/// </summary>
public static partial class SarcasmMarkers
{
    [GeneratedRegex(@"^\W*(?:(?:oh|just|yeah|well|wow|gee|ну|ой|ах|ага)[\s,]+)?(?:(?:how\s+)?(?:great|wonderful|brilliant|fantastic|amazing|perfect|lovely|awesome|terrific|splendid|superb|nice|cool)(?:\s+(?:job|service|work))?|thanks(?:\s+a\s+lot|\s+so\s+much)?|thank\s+you(?:\s+so\s+much)?|love\s+(?:how|it\s+when|that)|отличн\w*(?:\s+сервис\w*|\s+обслуживани\w*|\s+работа)?|супер\w*|класс\w*|браво|прекрасн\w*|замечательн\w*|великолепн\w*|шикарн\w*|чудесн\w*|спасибо(?:\s+(?:большое|огромное))?(?:\s*,?\s*что)?)(?=[\s,.!:;)—-]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Opener();

    [GeneratedRegex(@"\b(?:again|another|still|every\s+(?:single\s+)?time|yet\s+again|and\s+counting|as\s+usual|for\s+the\s+(?:second|third|fourth|fifth|\d+\w*)\s+time|(?:two|three|four|five|\d+)\s+(?:hours|days|weeks)\s+(?:on\s+hold|waiting|late)|half[-\s]empty|twice)\b|(?:^|[^\p{L}])(?:опять|снова|очередн\w*|в\s+который\s+раз|как\s+всегда|дважды|(?:втор|трет|четверт|пят)\w+\s+(?:день|час|раз|недел\w*)|который\s+(?:день|час|раз))(?=[^\p{L}]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Escalation();

    [GeneratedRegex(@"\bthanks\s+for\s+nothing\b|\byeah,?\s+right\b|[.!]\s*not\s*[.!]*\s*$|\bjust\s+what\s+i\s+needed\b|(?:^|[^\p{L}])(?:спасибо\s+(?:большое\s+|огромное\s+)?за\s+(?:испорч|сорван|потерян|испорт|ужасн|отвратит)\w*|ну\s+конечно|ага,?\s+конечно)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Explicit();

    // "Great, will order again", "спасибо, опять закажу": a promise to come back is praise, not irony.
    [GeneratedRegex(@"\b(?:will|would|'ll|gonna|going\s+to)\s+(?:\w+\s+){0,3}(?:again|back)\b|(?:^|[^\p{L}])(?:закаж\w*|приду|прид[её]м|вернусь|вернемся|обращусь|обратимся|куплю|полечу|поеду|воспользуюсь)\s+(?:\w+\s+)?(?:опять|снова|ещ[её])|(?:опять|снова|ещ[её])\s+(?:\w+\s+)?(?:закаж\w*|приду|вернусь|обращусь|куплю|воспользуюсь)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ComingBack();

    /// <summary>Whether <paramref name="text"/> has the markers of sarcastic praise (cheap; no model call).</summary>
    public static bool Candidate(string text)
    {
        if (text.Length > 600) return false;
        var opener = Opener().Match(text); // anchored at the start: cheap for the texts that have none
        // "Great app, but it crashes": an explicit contrast makes a mixed review, not irony.
        var ironic = opener.Success && Escalation().IsMatch(text, opener.Length) && !Contrast().IsMatch(text, opener.Length);
        if (!ironic && !(MayBeExplicit(text) && Explicit().IsMatch(text))) return false;
        return !ComingBack().IsMatch(text);
    }

    /// <summary>Whether the ironic opener stands on its own — "Fantastic, …", «Отличный сервис, …», "Thanks a lot!" — rather
    /// than praising the thing it names ("Great TV, terrible delivery", "Perfect gel polish, still flawless"): what a clause
    /// reading needs before it turns the text's praise round.</summary>
    public static bool OpenerStandsAlone(string text)
    {
        var opener = Opener().Match(text);
        if (!opener.Success) return false;
        var rest = text.AsSpan(opener.Length).TrimStart(' ');
        return rest.IsEmpty || rest[0] is ',' or '!' or '.' or ':' or ';' or '—' or '-' or '…';
    }

    /// <summary>A substring pre-check on one lower-cased copy, so the unanchored <see cref="Explicit"/> pattern runs on few texts.</summary>
    private static bool MayBeExplicit(string text)
    {
        // (lower-cased on the stack: Candidate runs for every prediction and is only called for texts of ≤ 600 characters)
        Span<char> buffer = text.Length <= 1024 ? stackalloc char[text.Length] : new char[text.Length];
        ReadOnlySpan<char> lower = buffer[..CaseFolding.Lower(text, buffer)];
        return lower.Contains("nothing", StringComparison.Ordinal) || lower.Contains("right", StringComparison.Ordinal)
            || lower.Contains("not.", StringComparison.Ordinal) || lower.Contains("not!", StringComparison.Ordinal)
            || lower.Contains("needed", StringComparison.Ordinal) || lower.TrimEnd().EndsWith("not", StringComparison.Ordinal)
            || lower.Contains("спасибо", StringComparison.Ordinal) || lower.Contains("конечно", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:^|[^\p{L}])(?:but|however|although|though|но|однако|хотя|зато)(?=[^\p{L}]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contrast();

    /// <summary>The text after the ironic opener (the complaint to confirm with the model), or the whole text when it has none.</summary>
    public static string Remainder(string text)
    {
        var opener = Opener().Match(text);
        if (!opener.Success || opener.Length >= text.Length) return text;
        var rest = text[opener.Length..].TrimStart(' ', ',', '.', '!', ':', ';', '—', '-');
        // The complaint is the sentence right after the opener; a closing "Thanks a lot." is more irony.
        var end = rest.IndexOfAny(['.', '!', '?', '…']);
        return end > 0 && rest.AsSpan(0, end).Count(' ') >= 1 ? rest[..end] : rest;
    }

    /// <summary>
    /// The document score with sarcasm resolved: when the text is a <see cref="Candidate"/> and the model
    /// reads its remainder as negative while it reads the whole as not negative, the whole reads as the
    /// complaint it is (the remainder's probabilities); otherwise the model's own score.
    /// </summary>
    public static SentimentScore Resolve(ISentimentScorer model, string text, SentimentScore document)
    {
        if (document.Label == SentimentLabel.Negative || !Candidate(text)) return document;
        var remainder = Remainder(text);
        if (remainder.Length == 0) return document;
        var rest = model.Score(remainder);
        if (rest.Label == SentimentLabel.Negative || rest.Score < 0 || Explicit().IsMatch(text))
        {
            // The praise is ironic: negative takes the larger of the two polar probabilities.
            var negative = Math.Max(Math.Max(rest.Negative, document.Positive), document.Negative);
            var positive = Math.Min(Math.Min(rest.Positive, document.Negative), document.Positive);
            var neutral = Math.Max(0, 1 - negative - positive);
            return SentimentScore.FromProbabilities(negative, neutral, positive);
        }
        return document;
    }
}
