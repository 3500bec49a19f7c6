using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Listening.Core.Factors.Text;

/// <summary>
/// Snowball stems, chosen per word by its script: Cyrillic words get the Russian stemmer, Latin
/// words the English one. Per-word choice matters because Russian reviews name apps and brands in
/// Latin letters and social posts mix both languages.
/// </summary>
public static class WordStemmer
{
    // Snowball programs keep state between calls, so each thread gets its own; the cache spares
    // re-stemming frequent words (a bounded per-thread dictionary, cleared when it fills up).
    [ThreadStatic] private static RussianStemmer? russian;
    [ThreadStatic] private static EnglishStemmer? english;
    [ThreadStatic] private static Dictionary<string, string>? cache;
    private const int CacheLimit = 50_000;

    /// <summary>Stem of an already normalized (lower-case) word.</summary>
    public static string Stem(string lower)
    {
        cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (cache.TryGetValue(lower, out var stem)) return stem;
        stem = Compute(lower);
        if (cache.Count >= CacheLimit) cache.Clear();
        cache[lower] = stem;
        return stem;
    }

    private static string Compute(string lower)
    {
        SnowballProgram? program = null;
        foreach (var c in lower)
        {
            if (c is >= 'а' and <= 'я' or 'ё') { program = russian ??= new RussianStemmer(); break; }
            if (c is >= 'a' and <= 'z') { program = english ??= new EnglishStemmer(); break; }
        }
        if (program is null || lower.Length < 3) return lower;
        program.SetCurrent(lower);
        program.Stem();
        return program.Current;
    }
}
