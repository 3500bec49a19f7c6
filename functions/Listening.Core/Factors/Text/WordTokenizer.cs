namespace Listening.Core.Factors.Text;

/// <summary>
/// Splits text into words: runs of letters and digits, with an apostrophe or hyphen kept
/// only between letters ("don't", "wi-fi" stays "wi", "fi" so phrases can match it).
/// Words never start or end inside another word, so matching on whole tokens cannot hit
/// "price" inside "priceless" or "чай" inside "случайно".
/// </summary>
public static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text) => Tokenize(text, symbols: false);

    /// <param name="symbols">Also emit each emoji or pictograph (🙃, 👍, ❤) as a token of its own, so opinion lists can
    /// name them; skin tones, variation selectors and joiners are dropped. Off for <see cref="Tokenize(string)"/>, whose
    /// tokens the sentiment model's features are built on.</param>
    public static List<WordToken> Tokenize(string text, bool symbols)
    {
        var tokens = new List<WordToken>(text.Length / 5 + 1);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                if (symbols && Symbol(text, i) is var length and > 0)
                {
                    var symbol = text.Substring(i, length);
                    tokens.Add(new WordToken(i, length, symbol, symbol));
                    i += length;
                }
                else i++;
                continue;
            }
            var start = i;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c)) { i++; continue; }
                // "don't", "n’t": an apostrophe between letters belongs to the word.
                if (c is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start) { i++; continue; }
                break;
            }
            var lower = Normalize(text.AsSpan(start, i - start));
            tokens.Add(new WordToken(start, i - start, lower, WordStemmer.Stem(lower)) { Capitalised = char.IsUpper(text[start]) });
        }
        return tokens;
    }

    /// <summary>Length of the emoji or pictograph at <paramref name="i"/> (1 or 2 chars), 0 when there is none.</summary>
    private static int Symbol(string text, int i)
    {
        if (!System.Text.Rune.TryGetRuneAt(text, i, out var rune)) return 0;
        var value = rune.Value;
        // Skin tones, variation selectors, the zero-width joiner and keycaps are parts of an emoji, not emoji.
        if (value is >= 0x1F3FB and <= 0x1F3FF or >= 0xFE00 and <= 0xFE0F or 0x200D or 0x20E3) return 0;
        var pictograph = value is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF;
        return pictograph ? rune.Utf16SequenceLength : 0;
    }

    /// <summary>Lower-case, ё → е, ’ → ' (the forms the taxonomy and lexicons are written in).</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var k = 0; k < word.Length; k++)
        {
            var c = Listening.Core.Text.CaseFolding.Lower(word[k]); // a table, not an ICU call per letter (same result)
            buffer[k] = c switch { 'ё' => 'е', '’' => '\'', _ => c };
        }
        return new string(buffer);
    }
}
