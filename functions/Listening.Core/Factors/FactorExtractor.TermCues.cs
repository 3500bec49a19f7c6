using Listening.Core.Factors.Text;

namespace Listening.Core.Factors;

// The taxonomy's words found in a text before any rule decides what they name: features for the learned detector.
public sealed partial class FactorExtractor
{
    private (string Kind, string? Factor)[]? cueNames;
    [ThreadStatic] private static List<TermMatch>? cueFound;

    /// <summary>
    /// The kind and factor of every taxonomy word in the tokens, whatever the rules then make of it: <c>t|id</c> a
    /// factor's term, <c>w|id</c> a weak term, <c>j|id</c> a judged term, <c>h|id</c> a hosted word, and the
    /// taxonomy's own lists (<c>ignore</c>, <c>qualifier</c>, <c>carrier</c>, <c>arrival</c>). Each at most once; the
    /// learned detector (<see cref="Learned.FactorFeatures"/>) reads them where the rules were too strict or too loose.
    /// </summary>
    public void TermCues(IReadOnlyList<WordToken> tokens, ISet<(string Kind, string? Factor)> into)
    {
        var names = cueNames ??= Names();
        var found = cueFound ??= [];
        found.Clear();
        matcher.Find(tokens, 0, tokens.Count, found);
        foreach (var m in found) if (m.Group < names.Length) into.Add(names[m.Group]);
    }

    private (string, string?)[] Names()
    {
        var ids = Taxonomy.Factors.Select(f => (string?)f.Id).ToList();
        return [.. ids.Select(id => ("t", id)), .. ids.Select(id => ("w", id)), .. ids.Select(id => ("j", id)),
            ("ignore", null), ("qualifier", null), .. ids.Select(id => ("h", id)), ("carrier", null), ("arrival", null)];
    }
}
