namespace Listening.Core.Factors;

/// <summary>
/// Something customers judge (price, delivery, staff …): an id, display names per language, and
/// the words and phrases per language that mention it. A term is matched on word forms
/// (Snowball stems) unless written <c>=word</c> (that exact form) or <c>word*</c> (any word
/// starting so); a term with spaces is a phrase of consecutive words.
/// </summary>
public sealed record Factor(
    string Id,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Terms)
{
    /// <summary>The display name in <paramref name="language"/>, else English, else the id.</summary>
    public string Name(string language) =>
        Names.TryGetValue(language, out var name) ? name
        : Names.TryGetValue("en", out var english) ? english
        : Id;
}
