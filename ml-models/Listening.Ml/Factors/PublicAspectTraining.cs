using Listening.Core.Factors;
using Listening.Core.Factors.Learned;
using Listening.Core.Sentiment;

namespace Listening.Ml.Factors;

/// <summary>
/// The file-reading half of <see cref="PublicAspectExamples"/>: every mapped public dataset under a data folder, its
/// training part only (the dev fifth stays for <c>evaluate-factors</c>), as one source of training items per mapping.
/// </summary>
public static class PublicAspectTraining
{
    public static IReadOnlyList<IReadOnlyList<FactorExample>> Read(string dataDirectory, string mappingsDirectory, ISentimentScorer? clauseScorer,
        IReadOnlyList<string> factors, float weight, int capPerDataset, TextWriter? progress = null)
    {
        var sources = new List<IReadOnlyList<FactorExample>>();
        foreach (var mapping in FactorEvaluationRun.LoadMappings(mappingsDirectory))
        {
            var file = Path.Combine(dataDirectory, mapping.Dataset, "train.tsv");
            if (!File.Exists(file) || PublicAspectExamples.Faithful(mapping, factors).Count == 0) continue;
            var rows = FactorEvaluationRun.Rows(file, mapping, EvaluationSplit.Train).Select(r => (r.Text, r.Aspects)).ToList();
            var extractor = new FactorExtractor(FactorTaxonomy.WithPacks(mapping.Packs), clauseScorer);
            var examples = PublicAspectExamples.Of(PublicAspectExamples.Spread(rows, capPerDataset), mapping, extractor, factors, weight);
            progress?.WriteLine($"  public {mapping.Name}: {examples.Count} of {rows.Count} items, for {string.Join(", ", PublicAspectExamples.Faithful(mapping, factors).Order())}");
            sources.Add(examples);
        }
        return sources;
    }
}
