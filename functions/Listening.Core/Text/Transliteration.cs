using System.Text;

namespace Listening.Core.Text;

/// <summary>
/// Russian written in Latin letters ("Vse otlichno, spasibo", "uzhasnyi servis, nikomu ne sovetuyu") —
/// common in messengers and on phones without a Cyrillic keyboard. <see cref="LooksLikeRussian"/> spots it
/// by frequent Russian words in their usual Latin spellings (none of them English words), and
/// <see cref="ToCyrillic"/> maps it back letter by letter (zh → ж, kh → х, shch → щ, yi → ый …), so the
/// Russian model reads it. Approximate by nature: a spelling's soft signs and е/э are guessed.
/// </summary>
public static class Transliteration
{
    private static readonly HashSet<string> RussianWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ne", "net", "vse", "vsyo", "vsio", "ochen", "oche", "spasibo", "spasib", "horosho", "khorosho", "plokho", "ploho",
        "otlichno", "otlichnyi", "otlichnyy", "uzhas", "uzhasno", "uzhasnyi", "uzhasnyy", "dengi", "deneg", "nikomu", "nikogda",
        "sovetuyu", "rekomenduyu", "opyat", "snova", "eto", "chto", "kak", "tak", "uzhe", "esche", "eshche", "ischo", "tozhe",
        "dostavka", "dostavku", "kurier", "kurer", "kuryer", "zakaz", "zakazal", "zakazala", "prilozhenie", "prilozheniye",
        "bystro", "bystraya", "bystryi", "medlenno", "vezhlivyi", "vezhlivyy", "vernuli", "otvratitelno", "kachestvo",
        "obsluzhivanie", "sotrudniki", "magazin", "ochered", "zhdal", "zhdala", "zhdu", "voobshche", "voobshe", "normalno",
        "krasivo", "vkusno", "dorogo", "deshevo", "prishel", "prishlo", "priekhal", "opozdal", "opozdali", "chas", "dnya",
        "nravitsya", "ponravilos", "spasibki", "pozhaluista", "pozhaluysta", "zdravstvuite", "privet", "blin", "kapets", "klass",
        "udobno", "udobnoe", "udobnyi", "rabotaet", "slomalsya", "vylitaet", "vyletaet", "glyuchit", "bank", "karta", "kartu",
    };

    // Words that settle it for English (a Latin text with them is English, whatever else it has).
    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "is", "was", "are", "to", "of", "it", "you", "i", "my", "for", "with", "this", "that", "not", "have", "on", "in",
    };

    /// <summary>True for Latin-script text with at least two common Russian words in transliteration and more of them than English function words.</summary>
    public static bool LooksLikeRussian(string text)
    {
        int russian = 0, english = 0, latinWords = 0;
        var russianWords = RussianWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var englishWords = EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is >= '\u0400' and <= '\u04FF') return false;
            if (!char.IsAsciiLetter(c)) { i++; continue; }
            var start = i;
            while (i < text.Length && (char.IsAsciiLetter(text[i]) || text[i] == '\'')) i++;
            var word = text.AsSpan(start, i - start);
            latinWords++;
            if (russianWords.Contains(word)) russian++;
            else if (englishWords.Contains(word)) english++;
        }
        return russian >= 2 && russian > english && latinWords > 0;
    }

    private static readonly (string Latin, string Cyrillic)[] Map =
    [
        ("shch", "щ"), ("sch", "щ"), ("yo", "ё"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"),
        ("yu", "ю"), ("ya", "я"), ("yi", "ый"), ("yy", "ый"), ("iy", "ий"), ("ye", "е"), ("'", "ь"),
        ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("j", "й"),
        ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"),
        ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("y", "ы"), ("w", "в"), ("x", "кс"), ("q", "к"),
    ];

    /// <summary>Latin letters to Cyrillic, longest spelling first; everything else (digits, punctuation, emoji) kept.</summary>
    public static string ToCyrillic(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var matched = false;
            if (char.IsAsciiLetter(text[i]) || text[i] == '\'')
            {
                foreach (var (latin, cyrillic) in Map)
                {
                    if (i + latin.Length > text.Length || string.Compare(text, i, latin, 0, latin.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
                    // "'" is a soft sign only inside a word.
                    if (latin == "'" && (i == 0 || !char.IsAsciiLetter(text[i - 1]))) continue;
                    sb.Append(char.IsUpper(text[i]) ? cyrillic.ToUpperInvariant() : cyrillic);
                    i += latin.Length;
                    matched = true;
                    break;
                }
            }
            if (!matched) sb.Append(text[i++]);
        }
        return sb.ToString();
    }
}
