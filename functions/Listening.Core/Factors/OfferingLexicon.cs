using System.Text.Json;

namespace Listening.Core.Factors;

/// <summary>
/// What a brand sells is named in words no shipped list holds: a car sharing's cars, a gym's «зал» and «тренажёры», a school's
/// «программа», a furniture maker's «диван» and «фасады». The brand's own feedback names them anyway, over and over, as the thing
/// a short verdict is said of («Машины новые», "the kit is old", «отличный зал»). This lexicon is learned from a batch of items
/// (the brand's and its competitors'): a word that reads as a noun by its form, stands next to an opinion or condition word in a
/// clause that names no factor, in at least <see cref="MinItems"/> items, becomes a judged term of the unnamed-verdict factor
/// (quality) for that brand — counted where it is judged, as a shipped judged term is, and never where another factor is named
/// by it or over it. Pure and deterministic: the same texts give the same words in the same order, whatever their order.
/// Words already named by a factor are never learned (a clause that names a factor teaches nothing), so no factor's nouns move.
/// </summary>
public static class OfferingLexicon
{
    /// <summary>Items a word must be judged in before it counts as the brand's offering (a word seen in two is chance).</summary>
    public const int MinItems = 4;

    /// <summary>The offering words judged in <paramref name="texts"/>, read with <paramref name="taxonomy"/>; sorted.</summary>
    public static IReadOnlyList<string> Learn(FactorTaxonomy taxonomy, IEnumerable<string> texts, int minItems = MinItems)
    {
        var extractor = new FactorExtractor(taxonomy);
        var items = new Dictionary<string, int>(StringComparer.Ordinal);
        var forms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var judged = new HashSet<string>(StringComparer.Ordinal);
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            judged.Clear();
            stems.Clear();
            extractor.JudgedThings(text, judged);
            foreach (var word in judged)
            {
                var stem = Text.WordStemmer.Stem(word);
                if (stems.Add(stem)) items[stem] = items.GetValueOrDefault(stem) + 1;
                var byForm = forms.TryGetValue(stem, out var known) ? known : forms[stem] = new Dictionary<string, int>(StringComparer.Ordinal);
                byForm[word] = byForm.GetValueOrDefault(word) + 1;
            }
        }
        // One form per stem stands for all of its forms (a plain term matches any form): the most frequent, ties by spelling.
        return items.Where(kv => kv.Value >= minItems)
            .Select(kv => forms[kv.Key].OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The taxonomy with <paramref name="words"/> as judged terms of its unnamed-verdict factor (unchanged without one).</summary>
    public static FactorTaxonomy Apply(FactorTaxonomy taxonomy, IReadOnlyList<string>? words)
    {
        if (words is null || words.Count == 0 || taxonomy.Unnamed?.Factor is not { } factor) return taxonomy;
        return taxonomy.With(ToJson(factor, words));
    }

    /// <summary>The taxonomy override that adds <paramref name="words"/> to <paramref name="factor"/> (a brand's taxonomy file can hold it).</summary>
    public static string ToJson(string factor, IReadOnlyList<string> words)
    {
        var judged = words.GroupBy(w => w.Length > 0 && w[0] is >= 'а' and <= 'я' or 'ё' ? "ru" : "en")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList());
        // The words are also the brand's offering, which the default reading of a place's fittings never takes (UnnamedVerdict.Offering).
        return JsonSerializer.Serialize(new { factors = new[] { new { id = factor, judgedTerms = judged } }, unnamed = new { offering = judged } }, OverrideJson);
    }

    // Cyrillic as written, indented: a file a person reads and edits next to the brand's own taxonomy.
    private static readonly JsonSerializerOptions OverrideJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        WriteIndented = true,
    };
}
