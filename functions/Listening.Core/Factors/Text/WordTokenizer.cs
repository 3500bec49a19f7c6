namespace Listening.Core.Factors.Text;

/// <summary>
/// Splits text into words: runs of letters and digits, with an apostrophe or hyphen kept
/// only between letters ("don't", "wi-fi" stays "wi", "fi" so phrases can match it).
/// Words never start or end inside another word, so matching on whole tokens cannot hit
/// "price" inside "priceless" or "чай" inside "случайно".
/// </summary>
public static class WordTokenizer
{
    public static List<WordToken> Tokenize(string text)
    {
        var tokens = new List<WordToken>(text.Length / 5 + 1);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
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
            tokens.Add(new WordToken(start, i - start, lower, WordStemmer.Stem(lower)));
        }
        return tokens;
    }

    /// <summary>Lower-case, ё → е, ’ → ' (the forms the taxonomy and lexicons are written in).</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (var k = 0; k < word.Length; k++)
        {
            var c = char.ToLowerInvariant(word[k]);
            buffer[k] = c switch { 'ё' => 'е', '’' => '\'', _ => c };
        }
        return new string(buffer);
    }
}
