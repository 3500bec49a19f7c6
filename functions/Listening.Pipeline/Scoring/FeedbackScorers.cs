using Listening.Core.Factors;
using Listening.Core.Factors.Learned;
using Listening.Core.Feedback;
using Listening.Ml.Prediction;

namespace Listening.Scoring;

/// <summary>Builds the real scorer: the ML.NET sentiment model for documents and clauses + each brand's taxonomy.</summary>
public static class FeedbackScorers
{
    public static string ResolveModelPath(string? modelPath) =>
        string.IsNullOrWhiteSpace(modelPath) ? SentimentModel.DefaultPath() : modelPath;

    public const string DetectorFileName = "factor-detector.bin.gz";

    /// <summary>The learned factor detector: the given path, else the file shipped next to the executable, else ml-models/factors/detector.bin.gz above the working directory.</summary>
    public static string ResolveDetectorPath(string? path) =>
        !string.IsNullOrWhiteSpace(path) ? path : ShippedFile.Find(DetectorFileName, Path.Combine("ml-models", "factors", "detector.bin.gz"));

    public static LearnedFactorDetector LoadDetector(string? path) =>
        new(FactorDetectorModel.Read(File.ReadAllBytes(ResolveDetectorPath(path))));

    public static FeedbackScorer Create(ScoringOptions options)
    {
        var sentiment = PooledSentimentScorer.Load(ResolveModelPath(options.ModelPath));
        var brands = options.Brands.Select(kv => new BrandTaxonomyConfig(
            kv.Key,
            kv.Value.Packs,
            kv.Value.TaxonomyFile is { } file ? File.ReadAllText(file) : null,
            kv.Value.Offering));
        return new FeedbackScorer(sentiment, new BrandTaxonomies(FactorTaxonomy.WithPacks(options.Packs), brands),
            options.LearnedFactors ? LoadDetector(options.FactorDetectorPath) : null);
    }
}
