using System.Text.Json;
using Listening.Core.Factors;
using Listening.Core.Factors.Learned;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors.Learned;

/// <summary>
/// The detector reads the rules' own words and term matches (<see cref="FactorExtractor.Read"/>) instead of tokenizing and
/// matching the text a second time: on every text of the labelled dev sets it must see the same features and decide the same.
/// </summary>
public class DetectorReadingTests
{
    // The dev sets the detector is trained and judged on (the demo and the stories of round 12); blind stories are not read here.
    private static readonly string[] DevSets =
    [
        "demo", "stories/airline", "stories/bank", "stories/beauty", "stories/carsharing", "stories/cinema", "stories/clinic",
        "stories/diy", "stories/electronics", "stories/fashion", "stories/fitness", "stories/fuel", "stories/furniture",
        "stories/hotel", "stories/housing", "stories/insurance", "stories/marketplace", "stories/parcels", "stories/petshop",
        "stories/pharmacy", "stories/restaurant", "stories/school", "stories/taxi", "stories/telecom", "stories/tyres",
    ];

    private static IEnumerable<(string Text, int? Rating, int? Nps)> Texts() =>
        DevSets.SelectMany(set => File.ReadLines(Path.Combine(SamplesDir(), set, "feedback.jsonl")))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("text").GetString()!, Int(e, "rating"), Int(e, "nps")));

    private static int? Int(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    public static TheoryData<string> Taxonomies => ["default", "every pack"];

    [Theory]
    [MemberData(nameof(Taxonomies))]
    public void Reading_a_text_gives_the_detector_the_same_features_and_decisions_as_tokenizing_and_matching_it_again(string taxonomyName)
    {
        var taxonomy = taxonomyName == "default" ? FactorTaxonomy.Default
            : FactorTaxonomy.WithPacks(FactorTaxonomy.Shipped.Where(n => n != FactorTaxonomy.DefaultName));
        var extractor = new FactorExtractor(taxonomy);
        var detector = new LearnedFactorDetector(FactorDetectorModel.Read(File.ReadAllBytes(ShippedDetector())));
        var factors = detector.Model.Factors;
        var texts = 0;
        var differ = new List<string>();
        foreach (var (text, rating, nps) in Texts())
        {
            texts++;
            var rules = extractor.Extract(text, rating, nps);
            var reading = extractor.Read(text, rating, nps);
            Assert.Equal(rules, reading.Mentions);
            var again = LeaveOneStoryOut.Features(text, rules, rating, nps, extractor, factors);
            var reused = FactorFeatures.Of(reading.Tokens, reading.Mentions, rating, nps, reading.Cues, factors);
            var same = again.Buckets.SequenceEqual(reused.Buckets) && again.Values.SequenceEqual(reused.Values)
                && again.Own.Length == reused.Own.Length && again.Own.Zip(reused.Own).All(p => p.First.SequenceEqual(p.Second));
            var decided = detector.Apply(text, rules, extractor, rating, nps, SentimentLabel.Negative, null);
            var decidedFromReading = detector.Apply(text, reading, taxonomy, rating, nps, SentimentLabel.Negative, null);
            if (!same || !decided.SequenceEqual(decidedFromReading)) differ.Add(text);
        }
        Assert.True(texts > 10_000, $"only {texts} texts read");
        Assert.Empty(differ);
    }

    private static string SamplesDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples");
            if (File.Exists(Path.Combine(path, "LABELLING.md"))) return path;
        }
        throw new DirectoryNotFoundException("samples/LABELLING.md not found above " + AppContext.BaseDirectory);
    }

    private static string ShippedDetector()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "ml-models", "factors", "detector.bin.gz");
            if (File.Exists(file)) return file;
        }
        throw new FileNotFoundException("ml-models/factors/detector.bin.gz");
    }
}
