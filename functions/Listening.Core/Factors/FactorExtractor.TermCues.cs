using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

/// <summary>
/// What the rules read off one text, with what they read it from: the words and the taxonomy's words found in them
/// (<see cref="FactorExtractor.TermCues"/>). The learned detector builds its features from these, so it neither
/// tokenizes the text again nor matches the taxonomy again.
/// </summary>
public sealed record FactorReading(IReadOnlyList<FactorMention> Mentions, IReadOnlyList<WordToken> Tokens, IReadOnlySet<(string Kind, string? Factor)> Cues);

// The taxonomy's words found in a text before any rule decides what they name: features for the learned detector.
public sealed partial class FactorExtractor
{
    private (string Kind, string? Factor)[]? cueNames;
    [ThreadStatic] private static List<TermMatch>? cueFound;
    [ThreadStatic] private static List<TermMatch>? readFound;

    /// <summary>
    /// The kind and factor of every taxonomy word in the tokens, whatever the rules then make of it: <c>t|id</c> a
    /// factor's term, <c>w|id</c> a weak term, <c>j|id</c> a judged term, <c>h|id</c> a hosted word, and the
    /// taxonomy's own lists (<c>ignore</c>, <c>qualifier</c>, <c>carrier</c>, <c>arrival</c>). Each at most once; the
    /// learned detector (<see cref="Learned.FactorFeatures"/>) reads them where the rules were too strict or too loose.
    /// </summary>
    public void TermCues(IReadOnlyList<WordToken> tokens, ISet<(string Kind, string? Factor)> into)
    {
        var found = cueFound ??= [];
        found.Clear();
        matcher.Find(tokens, 0, tokens.Count, found);
        Cues(found, into);
    }

    /// <summary>
    /// <see cref="Extract(string, int?, int?)"/>, handing back the text's words and its <see cref="TermCues"/>, which the
    /// matcher collects for the whole text while the rules match clause by clause: the same cues as matching the text
    /// again, without a second tokenization or matching pass (Core test <c>DetectorReadingTests</c>).
    /// </summary>
    public FactorReading Read(string text, int? rating, int? nps)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        var seen = readFound ??= [];
        seen.Clear();
        var mentions = Extract(text, tokens, rating, nps, seen);
        var cues = new HashSet<(string Kind, string? Factor)>();
        Cues(seen, cues);
        return new FactorReading(mentions, tokens, cues);
    }

    private void Cues(List<TermMatch> found, ISet<(string Kind, string? Factor)> into)
    {
        var names = cueNames ??= Names();
        foreach (var m in found) if (m.Group < names.Length) into.Add(names[m.Group]);
    }

    private (string, string?)[] Names()
    {
        var ids = Taxonomy.Factors.Select(f => (string?)f.Id).ToList();
        return [.. ids.Select(id => ("t", id)), .. ids.Select(id => ("w", id)), .. ids.Select(id => ("j", id)),
            ("ignore", null), ("qualifier", null), .. ids.Select(id => ("h", id)), ("carrier", null), ("arrival", null)];
    }
}
