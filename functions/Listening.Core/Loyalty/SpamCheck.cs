using System.Text.RegularExpressions;

namespace Listening.Core.Loyalty;

/// <summary>
/// Cheap signals that a text is not genuine feedback, enough to refuse points (never thanks).
/// Deliberately conservative: a false positive costs an author points, so only blatant patterns count.
/// </summary>
public static partial class SpamCheck
{
    public static bool LooksLikeSpam(string text)
    {
        if (UrlPattern().Count(text) >= 2) return true;
        if (RepeatedChar().IsMatch(text)) return true;
        var letters = text.Count(char.IsLetter);
        if (text.Length >= 20 && letters < text.Length / 3) return true;
        var words = WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (words.Count >= 6 && words.GroupBy(w => w).Max(g => g.Count()) * 2 > words.Count) return true;
        return false;
    }

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(\S)\1{9,}")]
    private static partial Regex RepeatedChar();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
