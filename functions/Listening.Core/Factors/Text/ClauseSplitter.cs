namespace Listening.Core.Factors.Text;

/// <summary>
/// Splits a text into sentences (. ! ? … ; line breaks, and an emoji before a capital) and sentences into clauses: a contrast
/// word (но, а, однако, зато, but, however, although …) starts a new clause, because opinions on
/// either side of it usually differ ("the food was great but the waiter was rude"). A concessive
/// opener (although, хотя, несмотря) also ends its clause at the next comma
/// ("Although the food was good, the service was slow").
/// </summary>
public static class ClauseSplitter
{
    private static readonly HashSet<string> Contrast = new(StringComparer.Ordinal)
    {
        "но", "а", "однако", "зато", "хотя", "впрочем", "несмотря", "кроме",
        "but", "however", "although", "though", "whereas", "except", "nevertheless", "otherwise", "unfortunately",
    };

    /// <summary>Whether <paramref name="lower"/> is a contrast word that starts a clause ("but", «зато» …).</summary>
    public static bool IsContrast(string lower) => Contrast.Contains(lower);

    private static readonly HashSet<string> Concessive = new(StringComparer.Ordinal)
    {
        "хотя", "несмотря", "although", "though", "while",
    };

    /// <summary>
    /// Words that open a subordinate clause: with <c>keepSubordinate</c>, a comma before one does not end the clause,
    /// because the subordinate clause completes what the main one says («не сказал бы, что дорого»,
    /// «курьер, который опоздал на час»).
    /// </summary>
    private static readonly HashSet<string> Subordinate = new(StringComparer.Ordinal)
    {
        "что", "чтобы", "который", "которая", "которое", "которые", "которого", "которой", "которым", "которую", "которых", "будто", "словно", "ли",
    };

    /// <param name="commas">Every comma ends a clause (Russian punctuation marks clause boundaries).</param>
    /// <param name="keepSubordinate">A comma before a subordinating word (что, который …) does not.</param>
    /// <param name="fields">The text's review fields (<see cref="ReviewFields"/>): a heading and its field are sentences of their own.</param>
    public static List<Clause> Split(string text, IReadOnlyList<WordToken> tokens, bool commas = false, bool keepSubordinate = false,
        IReadOnlyList<ReviewField>? fields = null)
    {
        var clauses = new List<Clause>();
        if (tokens.Count == 0) return clauses;
        int first = 0, sentence = 0;
        var concessive = Concessive.Contains(tokens[0].Lower);
        for (var i = 1; i < tokens.Count; i++)
        {
            var gap = text.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End);
            // "старое было лучше 😒 Но сами вещи отличные": an emoji before a capital ends its sentence, as a full stop would.
            var sentenceBreak = (IsSentenceBreak(gap) && !IsDecimalPoint(text, tokens[i - 1], tokens[i], gap) && !IsTitle(tokens[i - 1], gap))
                || (IsSymbol(tokens[i - 1]) && char.IsUpper(text[tokens[i].Start]))
                || (fields is { Count: > 0 } && ReviewFields.Breaks(fields, i));
            var boundary = sentenceBreak
                || Contrast.Contains(tokens[i].Lower)
                || ((concessive || commas) && gap.Contains(',') && !(keepSubordinate && !concessive && Subordinate.Contains(tokens[i].Lower)));
            if (!boundary) continue;
            clauses.Add(Make(tokens, first, i, sentence));
            if (sentenceBreak) sentence++;
            first = i;
            concessive = Concessive.Contains(tokens[i].Lower);
        }
        clauses.Add(Make(tokens, first, tokens.Count, sentence));
        return clauses;
    }

    // "через 1.5 часа", "4,5 stars": a point between digits is a number, not the end of a sentence.
    private static bool IsDecimalPoint(string text, WordToken before, WordToken after, ReadOnlySpan<char> gap) =>
        gap.Length == 1 && gap[0] is '.' or ',' && char.IsDigit(text[before.End - 1]) && char.IsDigit(text[after.Start]);

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal) { "dr", "mr", "mrs", "ms", "mx", "prof", "проф" };

    // "Thank you Dr. Reyes, brilliant": the point of a title before a name ends no sentence.
    private static bool IsTitle(WordToken before, ReadOnlySpan<char> gap) =>
        Titles.Contains(before.Lower) && gap.TrimEnd().SequenceEqual(".");

    private static bool IsSymbol(WordToken token) => token.Lower.Length > 0 && !char.IsLetterOrDigit(token.Lower[0]);

    private static bool IsSentenceBreak(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (c is '.' or '!' or '?' or '…' or ';' or '\n' or '\r') return true;
        }
        return false;
    }

    private static Clause Make(IReadOnlyList<WordToken> tokens, int first, int end, int sentence)
    {
        var start = tokens[first].Start;
        return new Clause(start, tokens[end - 1].End - start, first, end - first, sentence);
    }
}
