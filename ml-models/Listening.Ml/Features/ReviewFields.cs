using System.Text.RegularExpressions;

namespace Listening.Ml.Features;

/// <summary>What a part of a structured review is.</summary>
public enum ReviewFieldKind
{
    /// <summary>Before the first heading: a review site's title, often the verdict in a few words.</summary>
    Lead,
    /// <summary>Under «Достоинства» / «Плюсы» / "Pros": what the author lists in favour, even in a damning review.</summary>
    Pros,
    /// <summary>Under «Недостатки» / «Минусы» / "Cons": what the author lists against, even in a glowing review.</summary>
    Cons,
    /// <summary>Under «Комментарий» / «Отзыв» / "Summary" / "Comments": the author's own account.</summary>
    Comment,
    /// <summary>After the last pros or cons list without a heading of its own: the review's body, as written on review sites
    /// whose line breaks a scrape lost («Недостатки: неделю без денег В пятницу …»).</summary>
    Body,
}

/// <summary>One part of a structured review: its kind and its characters [Start, End) in the text, the heading left out.</summary>
public readonly record struct ReviewField(ReviewFieldKind Kind, int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>
/// The fields of a structured review — «Достоинства: … Недостатки: … Комментарий: …», "Pros: … Cons: …" — found by their
/// headings. Review sites ask for the fields separately, so a field's words mean what they mean in it: «нет» under
/// «Недостатки» is praise, the praise under «Достоинства» is there whatever the verdict. A text is structured only when it has a
/// pros or a cons heading; a comment heading alone («Итог: …») is an ordinary phrase.
/// </summary>
public static partial class ReviewFields
{
    // A heading: a field name at a word start, then a colon (spaces allowed before it) or the end of its line. Case-insensitive;
    // the names are the common ones of Russian and English review sites and forms.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?<pros>достоинства|плюсы|преимущества|pros|advantages|positives)|(?<cons>недостатки|минусы|cons|disadvantages|negatives)|(?<comment>комментарий|комментарии|отзыв|общее\s+впечатление|итог|вывод|summary|comments?|review|overall|verdict))[ \t]*(?::|\r?\n)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    /// <summary>
    /// The fields of <paramref name="text"/> in order, covering it but for the headings; empty when it has no pros or cons
    /// heading (most texts: the gate is a colon or a line break).
    /// </summary>
    public static IReadOnlyList<ReviewField> Find(string text)
    {
        if (text.AsSpan().IndexOfAny(':', '\n') < 0) return [];
        var headings = Heading().Matches(text);
        if (headings.Count == 0) return [];
        var listed = false;
        foreach (Match m in headings) listed |= m.Groups["pros"].Success || m.Groups["cons"].Success;
        if (!listed) return [];

        var fields = new List<ReviewField>(headings.Count + 2);
        if (headings[0].Index > 0) fields.Add(new(ReviewFieldKind.Lead, 0, headings[0].Index));
        for (var i = 0; i < headings.Count; i++)
        {
            var m = headings[i];
            var kind = m.Groups["pros"].Success ? ReviewFieldKind.Pros : m.Groups["cons"].Success ? ReviewFieldKind.Cons : ReviewFieldKind.Comment;
            var start = m.Index + m.Length;
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Length;
            // The last list runs to the first sentence end: a pros or cons list is a phrase or two, and what follows it
            // without a heading is the review itself.
            if (i + 1 == headings.Count && kind != ReviewFieldKind.Comment && BodyStart(text, start, end) is var body and >= 0)
            {
                fields.Add(new(kind, start, body));
                fields.Add(new(ReviewFieldKind.Body, body, end));
            }
            else fields.Add(new(kind, start, end));
        }
        return fields;
    }

    /// <summary>
    /// Where a sentence starts after a list's first words: a capitalised word (upper case, then lower case, or a one-letter word) after a sentence end
    /// (. ! ? …) or right after a lower-case word — a line break the text lost. −1 when the list runs to <paramref name="end"/>.
    /// </summary>
    internal static int BodyStart(string text, int start, int end)
    {
        var seenLetter = false;
        for (var i = start; i + 1 < end; i++)
        {
            var c = text[i];
            if (!seenLetter) { seenLetter = char.IsLetter(c); continue; }
            if (!char.IsUpper(c) || !char.IsWhiteSpace(text[i - 1]) || !Capitalised(text, i + 1, end)) continue;
            var before = i - 1;
            while (before > start && char.IsWhiteSpace(text[before])) before--;
            var p = text[before];
            if (p is '.' or '!' or '?' or '…' || char.IsLower(p)) return i;
        }
        return -1;
    }

    // After a capital: a lower-case letter («Пользуюсь»), or a one-letter word before a lower-case one («В пятницу», «Я являюсь»);
    // not an acronym («ВТБ»).
    private static bool Capitalised(string text, int next, int end) =>
        char.IsLower(text[next]) || (char.IsWhiteSpace(text[next]) && next + 1 < end && char.IsLower(text[next + 1]));
}
