using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Ml.Prediction;

namespace Listening.Scoring;

/// <summary>Builds the real scorer: the ML.NET sentiment model for documents and clauses + each brand's taxonomy.</summary>
public static class FeedbackScorers
{
    public static string ResolveModelPath(string? modelPath) =>
        string.IsNullOrWhiteSpace(modelPath) ? SentimentModel.DefaultPath() : modelPath;

    public static FeedbackScorer Create(ScoringOptions options)
    {
        var sentiment = PooledSentimentScorer.Load(ResolveModelPath(options.ModelPath));
        var brands = options.Brands.Select(kv => new BrandTaxonomyConfig(
            kv.Key,
            kv.Value.Packs,
            kv.Value.TaxonomyFile is { } file ? File.ReadAllText(file) : null,
            kv.Value.Offering));
        return new FeedbackScorer(sentiment, new BrandTaxonomies(FactorTaxonomy.WithPacks(options.Packs), brands));
    }
}
