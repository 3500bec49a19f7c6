using System.Text.RegularExpressions;

namespace Listening.Core.Responses;

/// <summary>
/// Checks a rendered answer to a complaint: formal (no emoji, no familiarity), no stock phrase,
/// no promotion or upsell, no arguing. Run over every negative template at start-up and by
/// <c>listening templates preview</c>, so a marketing edit that breaks the policy is caught before it is sent.
/// </summary>
public static partial class ThankYouLint
{
    public static IEnumerable<string> NegativeProblems(string text, NegativeGuard guard)
    {
        if (Emoji().Match(text) is { Success: true } m) yield return $"contains an emoji or emoticon '{m.Value}'";
        foreach (var (list, what) in new[] { (guard.Promotion, "promotion"), (guard.StockPhrases, "stock phrase"), (guard.Arguing, "arguing"), (guard.Familiarity, "familiar tone") })
            foreach (var phrase in list)
                if (Contains(text, phrase)) yield return $"contains {what} '{phrase.TrimEnd('*')}'";
    }

    /// <summary>
    /// Whole words: "ты" does not catch "тысяча", "sale" not "wholesale". A trailing <c>*</c> makes a prefix:
    /// "скидк*" catches "скидка", "скидку", "скидки".
    /// </summary>
    private static bool Contains(string text, string phrase)
    {
        var prefix = phrase.EndsWith('*');
        var core = Regex.Escape(prefix ? phrase[..^1] : phrase);
        return Regex.IsMatch(text, @"(?<!\p{L})" + core + (prefix ? "" : @"(?!\p{L})"), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    // Pictographs, dingbats, variation selector, and the text emoticons people type: :) ;-) :D ))) ^_^
    [GeneratedRegex(@"[\u2600-\u27BF\uFE0F]|\p{Cs}|[:;=]-?[)(DPp]|\){2,}|\^_\^")]
    private static partial Regex Emoji();
}
