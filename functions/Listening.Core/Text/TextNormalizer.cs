using System.Text;

namespace Listening.Core.Text;

/// <summary>
/// Normalizes social-media text for the sentiment featurizer: one space-separated string of tokens.
/// Lower-cases, folds ё→е, replaces URLs and @mentions by placeholder tokens, marks hashtags but keeps
/// their word, keeps emoji and emoticons as signal tokens, squeezes letters repeated three or more
/// times to two ("cooool" → "cool"), keeps ! ? and … as tokens and drops other punctuation.
/// </summary>
public static class TextNormalizer
{
    public const string Url = "_url_";
    public const string User = "_user_";
    public const string Hashtag = "_ht_";
    public const string Number = "_num_";
    public const string Smile = "_smile_";
    public const string Sad = "_sad_";
    public const string Laugh = "_laugh_";
    public const string Wink = "_wink_";
    public const string Tongue = "_tongue_";
    public const string Heart = "_heart_";
    public const string Cry = "_cry_";

    // Longest first, so ":-))" is not read as ":-)" followed by ")".
    private static readonly (string Text, string Token)[] Emoticons =
    [
        (":'-(", Cry), (":'(", Cry), (":-))", Smile), (":-((", Sad),
        (":-)", Smile), (":-(", Sad), (":-d", Laugh), (":-p", Tongue), (";-)", Wink),
        (":))", Smile), (":((", Sad), ("=))", Smile), ("=((", Sad),
        (":)", Smile), (":(", Sad), (":d", Laugh), (":p", Tongue), (";)", Wink), ("=)", Smile), ("=(", Sad),
        ("xd", Laugh), ("<3", Heart), ("^_^", Smile), ("^^", Smile), ("-_-", Sad), (":/", Sad), (":\\", Sad),
    ];

    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length + 16);
        var openParens = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }

            if (StartsUrl(text, i))
            {
                Emit(sb, Url);
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                continue;
            }
            if (c == '@' && i + 1 < text.Length && IsHandleChar(text[i + 1]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                Emit(sb, User);
                i++;
                while (i < text.Length && IsHandleChar(text[i])) i++;
                continue;
            }
            if (c == '#' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                Emit(sb, Hashtag);
                i++;
                continue; // the hashtag's word follows as an ordinary word
            }
            if (AtTokenStart(text, i) && MatchEmoticon(text, i) is { } emoticon)
            {
                Emit(sb, emoticon.Token);
                i += emoticon.Length;
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                i = ReadWord(text, i, sb);
                continue;
            }
            if (c is ')' or '(')
            {
                // Russian writers smile with ")" and ")))" and frown with "(((": a bracket that closes
                // nothing, or any run of two or more, is an emoticon.
                var run = RunLength(text, i, c);
                if (c == '(' && run == 1) openParens++;
                else if (c == ')' && run == 1 && openParens > 0) openParens--;
                else Emit(sb, c == ')' ? Smile : Sad);
                i += run;
                continue;
            }
            if (c is '!' or '?')
            {
                var run = RunLength(text, i, c);
                Emit(sb, run > 1 ? new string(c, 2) : c.ToString());
                i += run;
                continue;
            }
            if (c == '…' || (c == '.' && i + 2 < text.Length && text[i + 1] == '.' && text[i + 2] == '.'))
            {
                Emit(sb, "...");
                while (i < text.Length && text[i] is '.' or '…') i++;
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if (IsEmoji(cp) && !IsEmojiModifier(cp)) Emit(sb, text.Substring(i, 2));
                i += 2;
                continue;
            }
            if (IsEmoji(c)) Emit(sb, c.ToString());
            i++; // other punctuation and symbols separate tokens
        }
        return sb.ToString();
    }

    /// <summary>The tokens of <see cref="Normalize"/>.</summary>
    public static string[] Tokenize(string text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int ReadWord(string text, int i, StringBuilder sb)
    {
        if (sb.Length > 0) sb.Append(' ');
        var start = sb.Length;
        var digits = 0;
        char prev = '\0';
        var repeat = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c)) { }
            else if (c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && sb.Length > start) c = c == '’' ? '\'' : c;
            else break;
            c = CaseFolding.Lower(c);
            if (c == 'ё') c = 'е';
            if (char.IsDigit(c)) digits++;
            repeat = c == prev ? repeat + 1 : 1;
            prev = c;
            i++;
            if (repeat > 2 && char.IsLetter(c)) continue; // "cooool" → "cool"
            sb.Append(c);
        }
        // Long numbers (order ids, phone numbers, prices) carry no sentiment; keep them as one token.
        if (digits > 3 && digits == sb.Length - start)
        {
            sb.Length = start;
            sb.Append(Number);
        }
        return i;
    }

    private static void Emit(StringBuilder sb, string token)
    {
        if (sb.Length > 0) sb.Append(' ');
        sb.Append(token);
    }

    private static bool StartsUrl(string text, int i) =>
        Matches(text, i, "http://") || Matches(text, i, "https://") || Matches(text, i, "www.");

    private static bool Matches(string text, int i, string prefix) =>
        string.Compare(text, i, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsHandleChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    private static bool AtTokenStart(string text, int i) => i == 0 || !char.IsLetterOrDigit(text[i - 1]);

    // Every emoticon starts with one of these (case-insensitively): the test that keeps the scan below off ordinary words,
    // at whose start it used to run all patterns (≈ 9 % of a prediction's time).
    private static readonly System.Buffers.SearchValues<char> EmoticonStarts =
        System.Buffers.SearchValues.Create(string.Concat(Emoticons.Select(e => $"{char.ToLowerInvariant(e.Text[0])}{char.ToUpperInvariant(e.Text[0])}")));

    private static (string Token, int Length)? MatchEmoticon(string text, int i)
    {
        if (!EmoticonStarts.Contains(text[i])) return null;
        foreach (var (pattern, token) in Emoticons)
        {
            if (!Matches(text, i, pattern)) continue;
            var end = i + pattern.Length;
            // "xd" and ":d" must not be the start of a word ("xdebug", ":dance").
            if (end < text.Length && char.IsLetterOrDigit(text[end]) && char.IsLetter(pattern[^1])) continue;
            var length = pattern.Length;
            // Swallow the rest of a run such as ":)))))" or ":(((".
            var last = pattern[^1];
            if (last is ')' or '(') while (i + length < text.Length && text[i + length] == last) length++;
            return (token, length);
        }
        return null;
    }

    private static int RunLength(string text, int i, char c)
    {
        var n = 0;
        while (i + n < text.Length && text[i + n] == c) n++;
        return n;
    }

    private static bool IsEmoji(int cp) =>
        cp is >= 0x1F300 and <= 0x1FAFF   // pictographs, emoticons, transport, supplemental symbols
            or >= 0x2600 and <= 0x27BF    // misc symbols and dingbats (☀ ☹ ☺ ✔ ❤)
            or >= 0x1F000 and <= 0x1F2FF  // mahjong, cards, enclosed alphanumerics
            or 0x2B50 or 0x2B55 or 0x203C or 0x2049;

    private static bool IsEmojiModifier(int cp) => cp is >= 0x1F3FB and <= 0x1F3FF; // skin tones
}
