using Listening.Core.Factors.Evaluation;

namespace Listening.Core.Factors.Learned;

/// <summary>
/// Training items from a public aspect-labelled dataset (SemEval, SentiRuEval, banki.ru, NHS …) read through its
/// <see cref="AspectMapping"/>: more domains than the stories hold, for the factors whose mapping says the same thing as a
/// story's label. Each item speaks only for those factors (<see cref="FactorExample.Known"/>), so a dataset without a
/// category for delivery teaches the model nothing about delivery.
/// </summary>
public static class PublicAspectExamples
{
    /// <summary>
    /// The model's factors a mapping labels faithfully: those its labels or terms name, less any that one of our other
    /// factors folds into (SemEval's "service" holds staff and waiting alike, so its staff label is not a story's staff).
    /// None when the dataset labels only some rows' one reason (<see cref="AspectMapping.LabelledRowsOnly"/>: a factor left
    /// out of such a row may still be there, so its absence is no label).
    /// </summary>
    public static IReadOnlySet<string> Faithful(AspectMapping mapping, IReadOnlyList<string> factors)
    {
        if (mapping.LabelledRowsOnly) return new HashSet<string>(StringComparer.Ordinal);
        var foldedInto = mapping.Fold.Where(kv => kv.Key != kv.Value).Select(kv => kv.Value).ToHashSet(StringComparer.Ordinal);
        return mapping.EvaluatedFactors.Where(f => factors.Contains(f) && !foldedInto.Contains(f)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The rows as training items: the features as the detector computes them (the rules read each text with
    /// <paramref name="extractor"/>, the taxonomy with the mapping's packs), the gold factors from the row's aspects, each
    /// item known only for the faithful factors and weighing <paramref name="weight"/>. No rating: the datasets' scales differ.
    /// </summary>
    /// <param name="rows">Each row's text and its <c>category:polarity;…</c> aspects.</param>
    public static List<FactorExample> Of(IEnumerable<(string Text, string Aspects)> rows, AspectMapping mapping, FactorExtractor extractor,
        IReadOnlyList<string> factors, float weight)
    {
        var faithful = Faithful(mapping, factors);
        if (faithful.Count == 0) return [];
        var gold = new GoldAspects(mapping);
        var examples = new List<FactorExample>();
        foreach (var (text, aspects) in rows)
        {
            var reading = extractor.Read(text, null, null);
            var labelled = gold.Map(aspects).Keys.Where(faithful.Contains).ToHashSet(StringComparer.Ordinal);
            examples.Add(new FactorExample(
                FactorFeatures.Of(reading.Tokens, reading.Mentions, null, null, reading.Cues, factors),
                labelled,
                reading.Mentions.Select(m => m.Factor).ToHashSet(StringComparer.Ordinal),
                faithful,
                weight));
        }
        return examples;
    }

    /// <summary>At most <paramref name="cap"/> of the rows, spread evenly over them in their order (every k-th), so a large dataset does not outweigh the stories.</summary>
    public static IEnumerable<T> Spread<T>(IReadOnlyList<T> rows, int cap)
    {
        if (cap <= 0 || rows.Count <= cap) return rows;
        return Enumerable.Range(0, cap).Select(i => rows[(int)((long)i * rows.Count / cap)]);
    }
}
