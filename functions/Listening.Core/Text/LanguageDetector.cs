namespace Listening.Core.Text;

/// <summary>
/// Detects ru / en / other from the script and a few hundred function words: cheap (one pass, no
/// model files — unlike Lingua's ~70 MB) and good on short texts, where n-gram profiles are weak.
/// URLs, @handles and e-mail addresses are ignored, so a Russian tweet that mentions @SomeBank
/// stays Russian. Cyrillic text with letters Russian lacks (і ї є ґ ў ә қ ң ө ү …) is "other";
/// Latin text is English unless other languages' diacritics or function words outweigh English ones.
/// </summary>
public static class LanguageDetector
{
    public const string Russian = "ru";
    public const string English = "en";
    public const string Other = "other";

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "the", "and", "is", "are", "was", "were", "be", "been", "to", "of", "in", "on", "at", "for", "with",
        "it", "its", "it's", "this", "that", "these", "those", "i", "i'm", "you", "your", "we", "our", "they",
        "their", "he", "she", "his", "her", "my", "me", "not", "no", "don't", "didn't", "can't", "won't",
        "isn't", "but", "so", "very", "just", "have", "has", "had", "do", "does", "did", "what", "why",
        "how", "when", "where", "who", "will", "would", "can", "could", "should", "from", "about", "all",
        "an", "a", "or", "if", "than", "then", "there", "here", "good", "great", "bad", "love", "thanks",
        "thank", "please", "service", "again", "still", "never", "ever", "after", "before", "get", "got",
        "really", "best", "worst", "time", "flight", "customer", "ok", "okay", "yes", "too", "much", "by",
        "up", "out", "now", "only", "one", "more", "some", "any", "been", "being", "because", "nice",
    };

    // The commonest function words of the Latin-script languages most often met beside English;
    // words shared with English ("a", "in", "no", "on") are left out on purpose.
    private static readonly HashSet<string> OtherLatinWords = new(StringComparer.Ordinal)
    {
        // es
        "el", "la", "los", "las", "que", "y", "es", "por", "con", "una", "muy", "pero", "para", "del", "se", "lo",
        "mi", "su", "como", "más", "esta", "este", "bien", "gracias", "hola",
        // de
        "der", "die", "das", "und", "ist", "nicht", "ich", "sehr", "mit", "ein", "eine", "zu", "auf", "es",
        "auch", "sie", "wir", "gut", "danke", "aber", "für", "ja", "nein",
        // fr
        "le", "les", "et", "est", "un", "des", "pas", "je", "très", "pour", "dans", "du", "ce", "au",
        "avec", "mais", "sont", "merci", "bonjour", "c'est", "qui", "vous", "nous", "il",
        // it, pt, nl, tr, pl
        "di", "che", "è", "non", "per", "sono", "molto", "della", "grazie", "não", "um", "uma", "muito",
        "com", "os", "obrigado", "het", "een", "niet", "ik", "van", "dat", "ve", "bir", "bu", "çok", "için",
        "ile", "nie", "jest", "się", "na", "że", "bardzo",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishLookup =
        EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherLatinLookup =
        OtherLatinWords.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int cyrillic = 0, nonRussianCyrillic = 0, latin = 0, latinDiacritics = 0, englishWords = 0, otherWords = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetter(c) && c != '@' && c != '#')
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            var token = text.AsSpan(start, i - start);
            if (IsHandleOrLink(token)) continue;

            int tokenLatin = 0, wordStart = -1;
            for (var k = 0; k <= token.Length; k++)
            {
                var ch = k < token.Length ? token[k] : ' ';
                var isWordChar = char.IsLetter(ch) || ch is '\'' or '’';
                if (isWordChar && wordStart < 0) wordStart = k;
                if (!isWordChar && wordStart >= 0)
                {
                    var word = token[wordStart..k];
                    if (tokenLatin > 0) CountWord(word, ref englishWords, ref otherWords);
                    wordStart = -1;
                    tokenLatin = 0;
                }
                if (ch is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')) { latin++; tokenLatin++; }
                else if (ch is >= '\u00C0' and <= '\u024F') { latin++; latinDiacritics++; tokenLatin++; }
                else if (ch is >= '\u0400' and <= '\u04FF')
                {
                    cyrillic++;
                    if (!IsRussianLetter(ch)) nonRussianCyrillic++;
                }
            }
        }

        if (cyrillic == 0 && latin == 0) return Other;
        if (cyrillic >= latin)
            return nonRussianCyrillic * 50 >= cyrillic ? Other : Russian; // ≥ 2 % foreign letters
        if (otherWords > englishWords) return Other;
        if (englishWords == 0 && latinDiacritics * 20 >= latin) return Other; // ≥ 5 % accented letters
        return English;
    }

    private static void CountWord(ReadOnlySpan<char> word, ref int english, ref int other)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 16)];
        if (word.Length > lower.Length) return; // long words are not function words
        CaseFolding.Lower(word, lower);
        for (var k = 0; k < lower.Length; k++) if (lower[k] == '’') lower[k] = '\'';
        if (EnglishLookup.Contains(lower)) english++;
        else if (OtherLatinLookup.Contains(lower)) other++;
    }

    private static bool IsHandleOrLink(ReadOnlySpan<char> token) =>
        token[0] == '@'
        || token.StartsWith("http", StringComparison.OrdinalIgnoreCase)
        || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || token.Contains('@');

    private static bool IsRussianLetter(char c) => c is >= '\u0410' and <= '\u044F' or 'ё' or 'Ё';
}
