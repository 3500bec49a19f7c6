namespace Listening.Ml.Features;

/// <summary>
/// What <see cref="TextFeaturizer"/> reads from a structured review's fields besides their words (<see cref="FeaturizerOptions.ReviewFields"/>):
/// which fields it has, a pros or cons list that says nothing («Достоинства: нет», "Cons: none", «Недостатки: -»), how long each
/// list is and which of the two is longer — an author who finds one thing to praise and ten to blame has said which way the review goes.
/// </summary>
internal sealed class FieldReading(IReadOnlyList<ReviewField> fields)
{
    private readonly int[] _tokens = new int[fields.Count];
    private readonly bool[] _saysNothing = new bool[fields.Count];

    // The pros and cons lists hash their n-grams into spaces of their own; every other field reads as ordinary text.
    private const uint ProsSalt = 0x1B873593, ConsSalt = 0xE6546B64;

    /// <summary>Words that open a list with nothing in it: «нет», «ничего», "none" … (a list of up to <see cref="NothingWords"/> words).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Nothing = new HashSet<string>(StringComparer.Ordinal)
    {
        "нет", "нету", "ничего", "отсутствуют", "отсутствует", "none", "no", "nothing", "nope", "nil",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private const int NothingWords = 3;

    /// <summary>The cue names of a list's hits: pros +, pros −, cons +, cons −.</summary>
    internal static readonly string[] CueNames = ["pros:cue+", "pros:cue-", "cons:cue+", "cons:cue-"];

    internal static readonly string[] NegatedCueNames = ["pros:cue+negated", "pros:cue-negated", "cons:cue+negated", "cons:cue-negated"];

    private static readonly string[] FieldNames = ["field:lead", "field:pros", "field:cons", "field:comment", "field:body"];

    /// <summary>The hash salt of a field's n-grams (0: the shared space).</summary>
    public uint Salt(int field) => fields[field].Kind switch
    {
        ReviewFieldKind.Pros => ProsSalt,
        ReviewFieldKind.Cons => ConsSalt,
        _ => 0,
    };

    /// <summary>Takes in a field's next normalised token.</summary>
    public void Read(int field, ReadOnlySpan<char> token)
    {
        if (_tokens[field]++ == 0) _saysNothing[field] = Nothing.Contains(token);
    }

    /// <summary>The field features' names, once the tokens are read.</summary>
    public IEnumerable<string> Features()
    {
        int pros = 0, cons = 0;
        bool hasPros = false, hasCons = false;
        for (var f = 0; f < fields.Count; f++)
        {
            var kind = fields[f].Kind;
            yield return FieldNames[(int)kind];
            if (kind is not (ReviewFieldKind.Pros or ReviewFieldKind.Cons)) continue;
            var name = kind == ReviewFieldKind.Pros ? "pros" : "cons";
            var tokens = _tokens[f];
            // Nothing in it: no word at all («-»), or a short list that opens with «нет» / "none".
            if (tokens == 0 || (_saysNothing[f] && tokens <= NothingWords)) yield return name + ":nothing";
            yield return $"{name}:len{Math.Min(31 - int.LeadingZeroCount(tokens + 1), 5)}";
            if (kind == ReviewFieldKind.Pros) { pros += tokens; hasPros = true; }
            else { cons += tokens; hasCons = true; }
        }
        // Which list is longer, by about how many times: log2 of (cons + 1) / (pros + 1), rounded, within ±3.
        if (hasPros && hasCons) yield return $"lists:{Math.Clamp((int)Math.Round(Math.Log2((cons + 1.0) / (pros + 1.0))), -3, 3)}";
    }

    /// <summary>The list a character of the text lies in: pros, cons or none (<paramref name="fields"/> in order).</summary>
    public static ReviewFieldKind? ListAt(IReadOnlyList<ReviewField> fields, int offset)
    {
        foreach (var f in fields)
        {
            if (offset < f.Start) return null; // a heading's characters
            if (offset < f.End) return f.Kind is ReviewFieldKind.Pros or ReviewFieldKind.Cons ? f.Kind : null;
        }
        return null;
    }

    /// <summary>Each list's cue label (+, −, mixed, none) from its hits' counts (pros +, pros −, cons +, cons −).</summary>
    public static IEnumerable<string> ListLabels(IReadOnlyList<ReviewField> fields, ReadOnlySpan<int> listed)
    {
        var labels = new List<string>(2);
        if (fields.Any(f => f.Kind == ReviewFieldKind.Pros)) labels.Add("pros:text:" + Label(listed[0], listed[1]));
        if (fields.Any(f => f.Kind == ReviewFieldKind.Cons)) labels.Add("cons:text:" + Label(listed[2], listed[3]));
        return labels;
    }

    private static string Label(int positive, int negative) => (positive, negative) switch
    {
        (0, 0) => "none",
        (_, 0) => "+",
        (0, _) => "-",
        _ => "mixed",
    };
}
