using Listening.Core.Factors.Text;

namespace Listening.Core.Factors.Evaluation;

/// <summary>
/// Turns a row's <c>category:polarity;…</c> labels into gold factors with their polarity through an
/// <see cref="AspectMapping"/>. A factor labelled with two different polarities is "mixed".
/// </summary>
public sealed class GoldAspects
{
    private readonly AspectMapping mapping;
    private readonly TermMatcher? terms;
    private readonly string[] termFactors;

    public GoldAspects(AspectMapping mapping)
    {
        this.mapping = mapping;
        termFactors = [.. mapping.Terms.Keys];
        if (termFactors.Length > 0) terms = new TermMatcher([.. termFactors.Select(f => mapping.Terms[f])]);
    }

    /// <summary>Factor → polarity ("positive", "negative", "neutral", "mixed" or "na").</summary>
    public Dictionary<string, string> Map(string aspects)
    {
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in aspects.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            var label = colon < 0 ? part : part[..colon];
            var polarity = colon < 0 ? "na" : part[(colon + 1)..].ToLowerInvariant() switch
            {
                "pos" => "positive",
                "neg" => "negative",
                "neu" => "neutral",
                "conflict" or "both" => "mixed",
                var p => p,
            };
            foreach (var factor in Factors(label)) Add(gold, factor, polarity);
        }
        return gold;
    }

    private IEnumerable<string> Factors(string label)
    {
        if (mapping.Labels.TryGetValue(label, out var factor) || TryGlob(label, out factor))
        {
            if (factor is not null) yield return factor;
            yield break;
        }
        if (terms is null) yield break;
        var matches = new List<TermMatch>();
        var tokens = WordTokenizer.Tokenize(label);
        terms.Find(tokens, 0, tokens.Count, matches);
        foreach (var group in matches.Select(m => m.Group).Distinct()) yield return termFactors[group];
    }

    // "SUPPORT#*" and "*#PRICE": one wildcard at either end covers a family of SemEval categories.
    private bool TryGlob(string label, out string? factor)
    {
        foreach (var (pattern, target) in mapping.Labels)
        {
            if (pattern.EndsWith('*') && label.StartsWith(pattern[..^1], StringComparison.Ordinal)
                || pattern.StartsWith('*') && label.EndsWith(pattern[1..], StringComparison.Ordinal))
            {
                factor = target;
                return true;
            }
        }
        factor = null;
        return false;
    }

    private static void Add(Dictionary<string, string> gold, string factor, string polarity)
    {
        if (!gold.TryGetValue(factor, out var known)) gold[factor] = polarity;
        else if (known != polarity) gold[factor] = known == "na" ? polarity : polarity == "na" ? known : "mixed";
    }
}
