namespace Listening.Core.Factors.Text;

/// <summary>
/// One field of a structured review: its heading («Недостатки:», "Pros:") in tokens [HeadingFirst, BodyFirst), what the
/// author wrote under it in [BodyFirst, BodyEnd), the side the heading puts it on (+1 pros, −1 cons, 0 a comment), and
/// whether the body says there is nothing to list («нет», "none").
/// </summary>
public readonly record struct ReviewField(int HeadingFirst, int BodyFirst, int BodyEnd, int Side, bool SaysNothing);

/// <summary>
/// Review sites ask for feedback in fields — «Достоинства: … Недостатки: … Комментарий: …», «Плюсы: … Минусы: …»,
/// "Pros: … Cons: …" — and the author writes a bare list under each: «Недостатки: доставка, цены» says the delivery and the
/// prices are faults without an opinion word. The heading is the author's verdict on what the field names; it is no
/// opinion of its own («Минусы: нет» says nothing negative), and it starts a new sentence even where the site's line breaks
/// were lost ("… халатность Недостатки: …").
/// <list type="bullet">
/// <item>A heading is a field's name (with at most two modifiers: «Единственный минус», "The only downside") followed by a
/// colon, or by a dash where it opens its sentence or line or follows a comma (a dash after a word in running text is an
/// ordinary dash); never a capitalised word of a name («Лавка Плюс — …»).</item>
/// <item>A field on the heading's line runs to the end of its sentence, to the next heading, or to a capital after a bare
/// space (the line break the site's export dropped: «…, халатность Я являюсь клиентом»); a field whose list starts on the
/// next line runs over its lines to a blank line or the next heading.</item>
/// </list>
/// Pure and thread-safe.
/// </summary>
public static class ReviewFields
{
    private static readonly Dictionary<string, int> Headings = new(StringComparer.Ordinal)
    {
        ["достоинства"] = 1, ["достоинство"] = 1, ["преимущества"] = 1, ["преимущество"] = 1, ["плюсы"] = 1, ["плюс"] = 1,
        ["из плюсов"] = 1, ["из достоинств"] = 1, ["из преимуществ"] = 1, ["понравилось"] = 1, ["что понравилось"] = 1,
        ["pros"] = 1, ["advantages"] = 1, ["advantage"] = 1, ["positives"] = 1, ["upsides"] = 1, ["upside"] = 1,
        ["the good"] = 1, ["liked"] = 1, ["likes"] = 1, ["what i liked"] = 1,
        ["недостатки"] = -1, ["недостаток"] = -1, ["минусы"] = -1, ["минус"] = -1, ["из минусов"] = -1, ["из недостатков"] = -1,
        ["не понравилось"] = -1, ["что не понравилось"] = -1,
        ["cons"] = -1, ["con"] = -1, ["disadvantages"] = -1, ["disadvantage"] = -1, ["negatives"] = -1, ["downsides"] = -1,
        ["downside"] = -1, ["the bad"] = -1, ["disliked"] = -1, ["dislikes"] = -1, ["what i didn't like"] = -1, ["what i disliked"] = -1,
        // Fields of no side: they end the field before them and leave their own text to its words.
        ["комментарий"] = 0, ["комментарии"] = 0, ["общее впечатление"] = 0, ["вывод"] = 0, ["итог"] = 0,
        ["comment"] = 0, ["comments"] = 0, ["summary"] = 0, ["overall"] = 0, ["bottom line"] = 0,
    };

    private const int LongestHeading = 4; // words

    // The last word of every heading: most words end no heading, and are dismissed without building a phrase.
    private static readonly HashSet<string> LastWords = Headings.Keys.Select(h => h[(h.LastIndexOf(' ') + 1)..]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Words that may stand before a field's name («Главный минус:», "The biggest downside:").</summary>
    private static readonly HashSet<string> Modifiers = new(StringComparer.Ordinal)
    {
        "главный", "главные", "единственный", "единственные", "основной", "основные", "большой", "большие", "огромный",
        "огромные", "жирный", "отдельный", "существенный", "существенные", "небольшой", "небольшие", "мои", "мой",
        "the", "main", "only", "biggest", "big", "major", "minor", "small", "huge", "my",
    };

    /// <summary>What a field says when there is nothing to list: «нет», «не обнаружено», «увы, отсутствуют», "none", "n/a".</summary>
    private static readonly HashSet<string> Nothing = new(StringComparer.Ordinal)
    {
        "нет", "нету", "не", "ни", "ничего", "никаких", "никакие", "отсутствуют", "отсутствует", "обнаружено", "обнаружил",
        "обнаружила", "обнаружены", "нашел", "нашла", "нашлось", "найдено", "заметил", "заметила", "замечено", "выявлено",
        "увы", "пока", "особых", "особо", "их", "вижу", "none", "no", "nothing", "nil", "nope", "not", "found", "any", "really",
        "so", "far", "yet", "at", "all", "n", "a", "0",
    };

    /// <summary>Words after which a capital starts a name, not a new line.</summary>
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "в", "во", "на", "у", "с", "со", "из", "от", "до", "по", "к", "ко", "о", "об", "за", "при", "для", "через", "около", "возле",
        "at", "in", "on", "from", "of", "to", "by", "with", "for", "near",
    };

    /// <summary>The fields of a text, in order; empty for a text without headings (most texts).</summary>
    public static IReadOnlyList<ReviewField> Find(string text, IReadOnlyList<WordToken> tokens)
    {
        if (text.IndexOf(':') < 0 && text.AsSpan().IndexOfAny('—', '–', '-') < 0) return [];
        List<(int First, int Body, int Side, bool OwnLine)>? headings = null;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (Heading(text, tokens, k) is not { } heading) continue;
            (headings ??= []).Add(heading);
            k = heading.Body - 1;
        }
        if (headings is null) return [];
        var fields = new ReviewField[headings.Count];
        for (var h = 0; h < headings.Count; h++)
        {
            var (first, body, side, ownLine) = headings[h];
            var limit = h + 1 < headings.Count ? headings[h + 1].First : tokens.Count;
            var end = Math.Min(body + 1, limit);
            while (end < limit && !EndsBody(text, tokens, end, ownLine)) end++;
            var nothing = true;
            for (var t = body; t < end && nothing; t++) nothing = Nothing.Contains(tokens[t].Lower);
            fields[h] = new ReviewField(first, body, end, side, nothing);
        }
        return fields;
    }

    /// <summary>Whether a sentence starts at token <paramref name="token"/>: a heading, the field under it, or what follows the field.</summary>
    public static bool Breaks(IReadOnlyList<ReviewField> fields, int token)
    {
        foreach (var f in fields)
            if (token == f.HeadingFirst || token == f.BodyFirst || token == f.BodyEnd) return true;
        return false;
    }

    /// <summary>The side of the field that holds token <paramref name="token"/>: +1 pros, −1 cons, 0 none or no field.</summary>
    public static int SideAt(IReadOnlyList<ReviewField> fields, int token)
    {
        foreach (var f in fields)
            if (token >= f.BodyFirst && token < f.BodyEnd) return f.Side;
        return 0;
    }

    /// <summary>Whether tokens [first, end) are a heading, or a field that says there is nothing to list: they judge nothing.</summary>
    public static bool IsSilent(IReadOnlyList<ReviewField> fields, int first, int end)
    {
        foreach (var f in fields)
        {
            if (first >= f.HeadingFirst && end <= f.BodyFirst) return true;
            if (f.SaysNothing && first >= f.BodyFirst && end <= f.BodyEnd) return true;
        }
        return false;
    }

    /// <summary>The heading whose name ends at token <paramref name="k"/>, if the gap after it opens a field.</summary>
    private static (int First, int Body, int Side, bool OwnLine)? Heading(string text, IReadOnlyList<WordToken> tokens, int k)
    {
        if (!LastWords.Contains(tokens[k].Lower)) return null;
        var after = Gap(text, tokens, k + 1);
        var colon = after.Contains(':');
        if (!colon && !IsDash(after)) return null;
        for (var n = Math.Min(LongestHeading, k + 1); n >= 1; n--)
        {
            var name = n == 1 ? tokens[k].Lower : Phrase(tokens, k - n + 1, n);
            if (!Headings.TryGetValue(name, out var side)) continue;
            var first = k - n + 1;
            for (var m = 0; m < 2 && first > 0 && Modifiers.Contains(tokens[first - 1].Lower) && !Gap(text, tokens, first).ContainsAny(".!?\n:"); m++) first--;
            var before = first == 0 ? "\n" : Gap(text, tokens, first);
            var apart = before.ContainsAny(".!?…;:,\n");
            // «Лавка Плюс — лучшее…», «Яндекс Плюс: …»: a capitalised «Плюс» after a capitalised word, or any name before a dash, is
            // part of a name; a colon after «Достоинства: Реклама Недостатки» is still a heading (a one-word list before it).
            if (!apart && tokens[first].Capitalised && tokens[first - 1].Capitalised && (!colon || tokens[first].Lower == "плюс")) return null;
            // "Pros: …", «…, плюсы: …», «Минус — …»: a colon opens a field anywhere; a dash only where the name opens its sentence,
            // its line or a part after a comma (in running text «товар — минус» is an ordinary dash).
            if (!colon && !apart) return null;
            return (first, k + 1, side, after.Contains('\n'));
        }
        return null;
    }

    // Words [first, first + n) joined by spaces (a separate method: a lambda over the tokens would allocate on every call).
    private static string Phrase(IReadOnlyList<WordToken> tokens, int first, int n)
    {
        var words = new string[n];
        for (var i = 0; i < n; i++) words[i] = tokens[first + i].Lower;
        return string.Join(' ', words);
    }

    // A dash, or a hyphen with a space on either side («Минусы - очереди», «Минусы- очереди»), not one inside a word.
    private static bool IsDash(ReadOnlySpan<char> gap) =>
        gap.ContainsAny('—', '–') || (gap.Contains('-') && gap.Trim().Length < gap.Length);

    private static bool EndsBody(string text, IReadOnlyList<WordToken> tokens, int t, bool ownLine)
    {
        var gap = Gap(text, tokens, t);
        if (ownLine) return gap.Count('\n') >= 2;
        if (gap.ContainsAny(".!?…\n") && !IsDecimal(text, tokens, t, gap)) return true;
        // «Обман, воровство, халатность Я являюсь клиентом…», «Недостатки: Нет Втб один из…»: a capital after a bare space is a
        // line break the export dropped; not a name after a name («Сбербанк Онлайн») or a preposition («на Малой Сухаревской»),
        // nor an abbreviation («СМС»).
        var word = text.AsSpan(tokens[t].Start, tokens[t].Length);
        var before = tokens[t - 1];
        return gap.IsWhiteSpace() && tokens[t].Capitalised && (!before.Capitalised || Nothing.Contains(before.Lower))
            && !Prepositions.Contains(before.Lower) && (word.Length == 1 || char.IsLower(word[1]));
    }

    private static bool IsDecimal(string text, IReadOnlyList<WordToken> tokens, int t, ReadOnlySpan<char> gap) =>
        gap.Length == 1 && gap[0] is '.' or ',' && char.IsDigit(text[tokens[t - 1].End - 1]) && char.IsDigit(text[tokens[t].Start]);

    /// <summary>The text between token <paramref name="t"/> − 1 and token <paramref name="t"/> (after the last token: to the end).</summary>
    private static ReadOnlySpan<char> Gap(string text, IReadOnlyList<WordToken> tokens, int t)
    {
        var from = tokens[t - 1].End;
        var to = t < tokens.Count ? tokens[t].Start : text.Length;
        return text.AsSpan(from, to - from);
    }
}
