namespace Listening.Core.Text;

/// <summary>
/// Invariant lower-casing from a table: <see cref="char.ToLowerInvariant(char)"/> asks ICU for every non-ASCII
/// character (one native call per Cyrillic letter), which was about a third of a sentiment prediction's time. The
/// table holds that very function's answer for every UTF-16 code unit, so the results are the same, character for
/// character; strings with surrogate pairs (a pair can lower-case as a unit) go to <see cref="string.ToLowerInvariant"/>.
/// </summary>
public static class CaseFolding
{
    private static readonly char[] Table = Build();

    private static char[] Build()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++) table[c] = char.ToLowerInvariant((char)c);
        return table;
    }

    /// <summary>The same as <see cref="char.ToLowerInvariant(char)"/>.</summary>
    public static char Lower(char c) => Table[c];

    /// <summary>The same as <see cref="string.ToLowerInvariant"/>.</summary>
    public static string Lower(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var first = -1;
        for (var k = 0; k < span.Length; k++)
        {
            var c = span[k];
            if (char.IsSurrogate(c)) return text.ToLowerInvariant();
            if (first < 0 && Table[c] != c) first = k;
        }
        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (target, state) =>
        {
            var (source, from) = state;
            source.AsSpan(0, from).CopyTo(target);
            for (var k = from; k < source.Length; k++) target[k] = Table[source[k]];
        });
    }

    /// <summary>The same as <see cref="MemoryExtensions.ToLowerInvariant"/> for text without surrogate pairs; returns the characters written.</summary>
    public static int Lower(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var k = 0; k < source.Length; k++)
        {
            if (char.IsSurrogate(source[k])) return source.ToLowerInvariant(destination);
        }
        if (destination.Length < source.Length) return -1;
        for (var k = 0; k < source.Length; k++) destination[k] = Table[source[k]];
        return source.Length;
    }
}
