using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

/// <summary>A match of one term: which group (factor index) and which words.</summary>
public readonly record struct TermMatch(int Group, int FirstToken, int TokenCount);

/// <summary>
/// Finds terms (words and phrases, see <see cref="Factor"/> for the syntax) in tokenized text.
/// Compiled once from term lists; matching is a dictionary look-up per word on its stem and its
/// surface form, so cost does not grow with the size of the taxonomy. Thread-safe after construction.
/// </summary>
public sealed class TermMatcher
{
    private enum RuleKind { Stem, Exact, Prefix, Sum, Suffix, Hour, Number }

    private readonly record struct Rule(RuleKind Kind, string Value, Suffix? Ending = null, bool Capital = false)
    {
        public bool Matches(in WordToken token) => (!Capital || token.Capitalised) && Kind switch
        {
            RuleKind.Stem => token.Stem == Value,
            RuleKind.Exact => token.Lower == Value,
            RuleKind.Sum => IsSum(token.Lower),
            RuleKind.Hour => IsHour(token.Lower),
            RuleKind.Number => token.Lower.Length > 0 && char.IsAsciiDigit(token.Lower[0]),
            RuleKind.Suffix => Ending!.Matches(token.Lower),
            _ => token.Lower.StartsWith(Value, StringComparison.Ordinal),
        };
    }

    /// <summary>
    /// "*олог(|а|у|ом|и|ов)", "*[^lsx]ist(|s)": a word made with a derivational suffix — the suffix, one of the inflections in
    /// brackets (none given: the bare suffix), an optional letter class just before the suffix, and a root of at least
    /// <see cref="MinRoot"/> letters before it (so «полог» is no «-олог», "wrist" no "-ist"). Morphology instead of a list: every
    /// cardiologist, allergist and methodologist is matched, including the ones no list names.
    /// </summary>
    private sealed record Suffix(string Value, string[] Endings, string? Class, bool NegatedClass)
    {
        public const int MinRoot = 3;

        public bool Matches(string word)
        {
            foreach (var ending in Endings)
            {
                var at = word.Length - ending.Length - Value.Length;
                if (at < MinRoot || !word.EndsWith(ending, StringComparison.Ordinal)
                    || string.CompareOrdinal(word, at, Value, 0, Value.Length) != 0) continue;
                if (!char.IsLetter(word[at - 1]) || !char.IsLetter(word[0])) continue;
                if (Class is not null && Class.Contains(word[at - 1]) == NegatedClass) continue;
                return true;
            }
            return false;
        }

        public override string ToString() => $"*[{(NegatedClass ? "^" : "")}{Class}]{Value}({string.Join('|', Endings)})";
    }

    /// <param name="Also">Parts of an "a + b" term: each must occur somewhere in the same span.</param>
    private sealed record Pattern(int Group, Rule[] Rules, Rule[][] Also);

    private readonly Dictionary<string, List<Pattern>> byStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Pattern>> byExact = new(StringComparer.Ordinal);
    // Prefix terms ("разош*", "pill*") indexed by their first PrefixKey letters, so that many stem classes cost one
    // look-up per word; the few shorter prefixes are tried on every word.
    private const int PrefixKey = 3;
    private readonly Dictionary<string, List<Pattern>> byPrefix = new(StringComparer.Ordinal);
    private readonly List<Pattern> shortPrefixes = [];
    // Terms that start with a sum of money ("#sum за") or any number ("#n pages"), tried on words that start with a digit.
    private readonly List<Pattern> sums = [];
    // Terms that start with a suffix rule ("*олог(|а|у)"), indexed by the suffix's last letter + the inflection, i.e. by
    // the word's ending: one look-up per ending length per word.
    private readonly Dictionary<string, List<Pattern>> bySuffix = new(StringComparer.Ordinal);
    private readonly int[] suffixLengths;
    private readonly Dictionary<string, List<Pattern>>.AlternateLookup<ReadOnlySpan<char>> suffixLookup;
    private readonly Dictionary<string, List<Pattern>>.AlternateLookup<ReadOnlySpan<char>> prefixLookup;

    /// <param name="groups">Term lists; a match reports the index of its list as <see cref="TermMatch.Group"/>.</param>
    public TermMatcher(IReadOnlyList<IEnumerable<string>> groups)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var lengths = new SortedSet<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var term in groups[g].SelectMany(ExpandForms))
            {
                var parts = term.Split(" + ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Compile).ToList();
                if (parts.Count == 0 || parts.Any(p => p.Length == 0)) continue;
                var rules = parts[0];
                // Two spellings with one stem ("tasty", "Tasty") must not count twice.
                if (!known.Add($"{g}|{string.Join(" + ", parts.Select(p => string.Join(' ', p)))}")) continue;
                var pattern = new Pattern(g, rules, [.. parts.Skip(1)]);
                if (rules[0].Kind is RuleKind.Sum or RuleKind.Number) { sums.Add(pattern); continue; }
                if (rules[0].Kind == RuleKind.Suffix)
                {
                    foreach (var ending in rules[0].Ending!.Endings)
                    {
                        var tail = (rules[0].Ending!.Value is [.., var last] ? last.ToString() : "") + ending;
                        lengths.Add(tail.Length);
                        if (!bySuffix.TryGetValue(tail, out var tailList)) bySuffix[tail] = tailList = [];
                        if (!tailList.Contains(pattern)) tailList.Add(pattern);
                    }
                    continue;
                }
                var (index, key) = rules[0].Kind switch
                {
                    RuleKind.Stem => (byStem, rules[0].Value),
                    RuleKind.Exact => (byExact, rules[0].Value),
                    _ when rules[0].Value.Length >= PrefixKey => (byPrefix, rules[0].Value[..PrefixKey]),
                    _ => (null, ""),
                };
                if (index is null) { shortPrefixes.Add(pattern); continue; }
                if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                list.Add(pattern);
            }
        }
        prefixLookup = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        suffixLookup = bySuffix.GetAlternateLookup<ReadOnlySpan<char>>();
        suffixLengths = [.. lengths];
    }

    /// <summary>Every term occurrence within tokens [from, to); phrases never run past <paramref name="to"/>.</summary>
    /// <param name="whole">
    /// Where the terms that start in [from, to) also go, matched against the whole text (a phrase or an "a + b" term may run
    /// past the range); null: nowhere. Called over ranges that cover the text, it collects what one call over the whole text
    /// finds without looking any word up twice (the learned detector's cues: <see cref="FactorExtractor.Read"/>).
    /// </param>
    public void Find(IReadOnlyList<WordToken> tokens, int from, int to, List<TermMatch> into, List<TermMatch>? whole = null)
    {
        for (var i = from; i < to; i++)
        {
            var token = tokens[i];
            if (byStem.TryGetValue(token.Stem, out var stemmed)) Try(stemmed, tokens, i, from, to, into, whole);
            if (byExact.TryGetValue(token.Lower, out var exact)) Try(exact, tokens, i, from, to, into, whole);
            if (byPrefix.Count > 0 && token.Lower.Length >= PrefixKey
                && prefixLookup.TryGetValue(token.Lower.AsSpan(0, PrefixKey), out var prefixed)) Try(prefixed, tokens, i, from, to, into, whole);
            if (shortPrefixes.Count > 0) Try(shortPrefixes, tokens, i, from, to, into, whole);
            if (sums.Count > 0 && token.Lower.Length > 0 && char.IsAsciiDigit(token.Lower[0])) Try(sums, tokens, i, from, to, into, whole);
            if (bySuffix.Count > 0)
            {
                foreach (var length in suffixLengths)
                {
                    if (length + Suffix.MinRoot > token.Lower.Length) break;
                    if (suffixLookup.TryGetValue(token.Lower.AsSpan(token.Lower.Length - length), out var suffixed)) Try(suffixed, tokens, i, from, to, into, whole);
                }
            }
        }
    }

    private static void Try(List<Pattern> patterns, IReadOnlyList<WordToken> tokens, int at, int from, int to, List<TermMatch> into, List<TermMatch>? whole)
    {
        foreach (var pattern in patterns)
        {
            var inRange = MatchesAt(pattern.Rules, tokens, at, to);
            // A word that fails the pattern fails it in the whole text too; only a range too short is looked at again.
            if (!inRange && (whole is null || at + pattern.Rules.Length <= to || !MatchesAt(pattern.Rules, tokens, at, tokens.Count))) continue;
            var match = new TermMatch(pattern.Group, at, pattern.Rules.Length);
            var ok = inRange && HasParts(pattern, tokens, at, from, to);
            if (ok) into.Add(match);
            if (whole is not null && (ok || HasParts(pattern, tokens, at, 0, tokens.Count))) whole.Add(match);
        }
    }

    /// <summary>Whether each "+ b" part of the pattern matched at <paramref name="at"/> stands elsewhere in tokens [from, to).</summary>
    private static bool HasParts(Pattern pattern, IReadOnlyList<WordToken> tokens, int at, int from, int to)
    {
        foreach (var part in pattern.Also)
        {
            var found = false;
            for (var j = from; j < to && !found; j++) found = (j < at || j >= at + pattern.Rules.Length) && MatchesAt(part, tokens, j, to);
            if (!found) return false;
        }
        return true;
    }

    private static bool MatchesAt(Rule[] rules, IReadOnlyList<WordToken> tokens, int at, int to)
    {
        if (at + rules.Length > to) return false;
        for (var k = 0; k < rules.Length; k++)
        {
            if (!rules[k].Matches(tokens[at + k])) return false;
        }
        return true;
    }

    /// <summary>
    /// "#sum" in a term: a number that reads as a sum of money — 100 or more ("5800 за переобувку", "4,200 for a swap" → 200),
    /// a thousands group («9 000», "15,000" → 000 — round 10), or thousands written "4k" / «7к»; not a time of day or a count
    /// under 100 ("за 20 минут"), not a year (1900–2100).
    /// </summary>
    public static bool IsSum(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits])) digits++;
        if (digits == 0 || digits > 9) return false;
        if (digits < word.Length) return digits == word.Length - 1 && word[^1] is 'k' or 'к';
        // «9 000», "15,000": the group after a thousands separator (three digits, the first a zero) ends a sum in thousands.
        if (digits == 3 && word[0] == '0') return true;
        var value = int.Parse(word, System.Globalization.CultureInfo.InvariantCulture);
        return value >= 100 && value is < 1900 or > 2100;
    }

    /// <summary>
    /// "#hour" in a term: an hour of the clock, 0–24, as a time of day is written («приняли в 10:50» → 10, "started at 7" → 7) —
    /// round 9, for the time a service began against the time it was booked for. Never the first word of a term.
    /// </summary>
    public static bool IsHour(string word) =>
        word.Length is 1 or 2 && char.IsAsciiDigit(word[0]) && (word.Length == 1 || char.IsAsciiDigit(word[1]) && (word[0] - '0') * 10 + word[1] - '0' <= 24);

    /// <summary>"*[^lsx]ist(|s)" → a <see cref="Suffix"/> rule (see there).</summary>
    private static Rule CompileSuffix(string piece)
    {
        var body = piece[1..].ToLowerInvariant().Replace('ё', 'е');
        string? letters = null;
        var negated = false;
        if (body.StartsWith('[') && body.IndexOf(']') is var close and > 1)
        {
            letters = body[1..close];
            if (letters.StartsWith('^')) (letters, negated) = (letters[1..], true);
            body = body[(close + 1)..];
        }
        var endings = new[] { "" };
        if (body.IndexOf('(') is var open and > 0 && body.EndsWith(')'))
        {
            endings = body[(open + 1)..^1].Split('|');
            body = body[..open];
        }
        // "*" alone: any word of at least MinRoot letters (with "^", any name: «^* ^*[ое]вн(а|ы)» is a name and a patronymic).
        return new Rule(RuleKind.Suffix, body, new Suffix(body, endings, letters, negated));
    }

    /// <summary>
    /// "^=вик(а|и|е|у|ой)", "=катя": an exact form with its inflections in brackets is one term per form (a name declines:
    /// «Вика», «Вике», «Вику»). Only exact pieces expand; suffix rules keep their brackets.
    /// </summary>
    private static IEnumerable<string> ExpandForms(string term)
    {
        var open = term.IndexOf('(');
        if (open < 0) return [term];
        var start = term.LastIndexOf(' ', open) + 1;
        var close = term.IndexOf(')', open);
        var piece = term[start..];
        if (close < 0 || !(piece.StartsWith('=') || piece.StartsWith("^="))) return [term];
        var stem = term[..open];
        var rest = term[(close + 1)..];
        return term[(open + 1)..close].Split('|').SelectMany(ending => ExpandForms(stem + ending + rest));
    }

    private static Rule[] Compile(string term)
    {
        var rules = new List<Rule>();
        foreach (var piece in term.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (piece == "#sum") { rules.Add(new Rule(RuleKind.Sum, piece)); continue; }
            if (piece == "#hour") { rules.Add(new Rule(RuleKind.Hour, piece)); continue; }
            // "#n": any number, a count ("40 pages" is a document's length, no web page).
            if (piece == "#n") { rules.Add(new Rule(RuleKind.Number, piece)); continue; }
            if (piece.Length > 1 && piece[0] == '*') { rules.Add(CompileSuffix(piece)); continue; }
            // "^*[ое]вн(а|ы|е|у|ой)": the same, written with a capital letter (a name, a patronymic).
            if (piece.Length > 2 && piece[0] == '^' && piece[1] == '*') { rules.Add(CompileSuffix(piece[1..]) with { Capital = true }); continue; }
            // "^=вика": this exact form written with a capital — a given name, not the word it also spells.
            if (piece.Length > 2 && piece[0] == '^' && piece[1] == '=')
            {
                rules.AddRange(WordTokenizer.Tokenize(piece[2..], symbols: true).Select(t => new Rule(RuleKind.Exact, t.Lower, Capital: true)));
                continue;
            }
            if (piece.StartsWith('='))
            {
                rules.AddRange(WordTokenizer.Tokenize(piece[1..], symbols: true).Select(t => new Rule(RuleKind.Exact, t.Lower)));
            }
            else if (piece.EndsWith('*'))
            {
                var words = WordTokenizer.Tokenize(piece[..^1], symbols: true);
                rules.AddRange(words.Take(words.Count - 1).Select(t => new Rule(RuleKind.Stem, t.Stem)));
                if (words.Count > 0) rules.Add(new Rule(RuleKind.Prefix, words[^1].Lower));
            }
            else
            {
                rules.AddRange(WordTokenizer.Tokenize(piece, symbols: true).Select(t => new Rule(RuleKind.Stem, t.Stem)));
            }
        }
        return [.. rules];
    }
}
