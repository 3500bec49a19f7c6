namespace Listening.Core.Sentiment;

/// <summary>
/// Cuts a text into the clauses whose polarities decide "mixed": sentences (. ! ? … ; line breaks and
/// emoticon-closed sentences), and within a sentence a new clause at a contrast word (но, а, однако,
/// зато, хотя, but, however, although, though, yet, whereas) — opinions on either side of one usually
/// differ ("Продукты свежие, но доставка опоздала"), and at a comma. Character-based and allocation-light, so it adds
/// little to scoring; clauses shorter than two words are merged into their neighbour.
/// </summary>
public static class ClauseSegmenter
{
    private static readonly HashSet<string> Contrast = new(StringComparer.OrdinalIgnoreCase)
    {
        "но", "а", "однако", "зато", "хотя", "впрочем", "but", "however", "although", "though", "yet", "whereas", "except",
    };

    /// <summary>(start, length) of each clause, in text order, trimmed of spaces and punctuation at both ends.</summary>
    public static List<(int Start, int Length)> Split(string text)
    {
        var cuts = new List<int> { 0 };
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ',' && i + 1 < text.Length && !char.IsDigit(text[i + 1]))
            {
                // A comma ends a clause too ("Excellent prices, terrible service"); the pieces of a list
                // shorter than two words rejoin their neighbour below.
                cuts.Add(i + 1);
                i++;
                continue;
            }
            if (c is '.' or '!' or '?' or '…' or ';' or '\n' or '\r')
            {
                var j = i + 1;
                while (j < text.Length && text[j] is '.' or '!' or '?' or '…' or ')' or '(') j++;
                // "3.5", "e.g.x": a dot between letters or digits is no sentence end.
                if (c == '.' && j == i + 1 && j < text.Length && char.IsLetterOrDigit(text[j])) { i++; continue; }
                cuts.Add(j);
                i = j;
                continue;
            }
            if (char.IsLetter(c) && (i == 0 || !char.IsLetter(text[i - 1])))
            {
                var end = i;
                while (end < text.Length && char.IsLetter(text[end])) end++;
                if (i > 0 && Contrast.Contains(text.Substring(i, end - i)) && HasWordBefore(text, cuts[^1], i)) cuts.Add(i);
                i = end;
                continue;
            }
            i++;
        }
        cuts.Add(text.Length);

        var clauses = new List<(int Start, int Length)>();
        var pending = -1; // start of a too-short first clause, joined to the next one
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            var (start, end) = Trim(text, cuts[k], cuts[k + 1]);
            if (end <= start) continue;
            if (Words(text, start, end) < 2)
            {
                // Too short to carry its own opinion ("Спасибо."): joins the clause before it (or after it, when first).
                if (clauses.Count > 0)
                {
                    var (ps, _) = clauses[^1];
                    clauses[^1] = (ps, end - ps);
                }
                else if (pending < 0) pending = start;
                continue;
            }
            if (pending >= 0) { start = pending; pending = -1; }
            clauses.Add((start, end - start));
        }
        if (pending >= 0 && clauses.Count == 0)
        {
            var (start, end) = Trim(text, pending, text.Length);
            if (end > start) clauses.Add((start, end - start));
        }
        return clauses;
    }

    private static bool HasWordBefore(string text, int from, int to)
    {
        for (var k = from; k < to; k++) if (char.IsLetterOrDigit(text[k])) return true;
        return false;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && !char.IsLetterOrDigit(text[start]) && !IsEmojiStart(text[start])) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '-' or '—' or ':')) end--;
        return (start, end);
    }

    private static bool IsEmojiStart(char c) => char.IsHighSurrogate(c);

    private static int Words(string text, int start, int end)
    {
        var words = 0;
        var inWord = false;
        for (var k = start; k < end; k++)
        {
            var letter = char.IsLetterOrDigit(text[k]);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }
}
