using System.Text.RegularExpressions;
using Listening.Core.Feedback;

namespace Listening.Core.Responses;

/// <summary>
/// What the platform an answer is posted on allows: its length limit (Google Play rejects replies over ≈ 350
/// characters, Telegram messages stop at 4096) and whether everyone can read it (a review reply, a comment) — a public
/// answer carries no personal data: no e-mail address, no phone number, no link to the author's points or account.
/// </summary>
public sealed record ReplyConstraints(int MaxLength, bool Public)
{
    public static readonly ReplyConstraints None = new(int.MaxValue, false);
}

/// <summary>Fitting a rendered answer to <see cref="ReplyConstraints"/>: scrubbing personal data, shortening politely.</summary>
public static partial class PublicReply
{
    public const string Removed = "…";

    /// <summary>
    /// The text without e-mail addresses, phone numbers and links that lead to a person's data (points, balance,
    /// account, the author's own ids): what a public reply must never show, whoever wrote the template.
    /// </summary>
    public static string Scrub(string text, Author? author = null)
    {
        var scrubbed = Email().Replace(text, "");
        scrubbed = PersonalLink().Replace(scrubbed, "");
        scrubbed = Phone().Replace(scrubbed, "");
        foreach (var secret in new[] { author?.Email, author?.Id })
            if (!string.IsNullOrWhiteSpace(secret) && secret.Length > 3)
                scrubbed = scrubbed.Replace(secret, "", StringComparison.OrdinalIgnoreCase);
        // What removal leaves: doubled spaces, a space before punctuation, empty parentheses.
        scrubbed = EmptyBrackets().Replace(scrubbed, "");
        scrubbed = SpaceBeforePunctuation().Replace(scrubbed, "$1");
        return SpaceRun().Replace(scrubbed, " ").Trim();
    }

    /// <summary>Whether <paramref name="text"/> shows anything <see cref="Scrub"/> removes (for validation).</summary>
    public static bool HasPersonalData(string text) => Email().IsMatch(text) || Phone().IsMatch(text) || PersonalLink().IsMatch(text);

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> characters at the end of a sentence (or, failing
    /// that, of a word, with an ellipsis), keeping the last line — the signature — when it fits: an answer shortened
    /// for a platform still reads as a whole message.
    /// </summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var lines = text.Split('\n');
        var signature = lines.Length > 1 && lines[^1].Length + 2 < max / 2 ? lines[^1] : null;
        var room = signature is null ? max : max - signature.Length - 1;
        var head = CutAtSentence(signature is null ? text : string.Join('\n', lines[..^1]).TrimEnd(), room);
        return signature is null ? head : head + "\n" + signature;
    }

    private static string CutAtSentence(string text, int max)
    {
        if (text.Length <= max) return text;
        var window = text[..max];
        var end = Math.Max(window.LastIndexOfAny(['.', '!', '?']), window.LastIndexOf('\n'));
        if (end >= max / 3) return window[..(end + 1)].TrimEnd();
        var space = window[..(max - Removed.Length)].LastIndexOf(' ');
        return (space > 0 ? window[..space] : window[..(max - Removed.Length)]).TrimEnd(',', ';', ':', ' ') + Removed;
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}")]
    private static partial Regex Email();

    // +7 912 345-67-89, (495) 123 45 67, 8-800-555-35-35: a digit run of 7+ digits with the usual separators.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\+?\d(?:[\s\-()]*\d){6,}(?![\p{L}\p{N}])")]
    private static partial Regex Phone();

    [GeneratedRegex(@"https?://\S*(?:/authors?/|/points|/balance|/account|[?&](?:token|author|user|uid|email)=)\S*", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalLink();

    [GeneratedRegex(@"\(\s*\)|\[\s*\]")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"[ \t]+([,.;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex SpaceRun();
}
