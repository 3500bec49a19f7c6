using Listening.Core.Factors;
using Listening.Core.Factors.Evaluation;
using Listening.Core.Factors.Learned;
using Listening.Core.Factors.Text;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors.Learned;

/// <summary>
/// The item's channel as detector features (round 19): where a text was left says what it is likely about. The made-up
/// story below differs only in the channel — «Very handy and cheaper» from an app store judges the app, the same words in
/// a map review judge nothing — so a detector that learns the app there has read the channel on every step of the way.
/// </summary>
public class ChannelFeaturesTests
{
    private static readonly FactorExtractor Rules = new(FactorTaxonomy.Default);
    private static readonly IReadOnlyList<string> Factors = FactorTaxonomy.Default.Factors.Select(f => f.Id).ToList();
    private static readonly FactorTraining Plain = FactorTraining.Default with { InnerFolds = 0, AddAbove = 0.5f, DropBelow = 0.5f };
    private const string Handy = "Very handy and cheaper";

    private static StoryItem Item(int i, string text, string? channel, params string[] labelled)
    {
        var item = new FeedbackItem($"id-{i}", FeedbackKind.Review, "test", "brand", text, DateTimeOffset.UnixEpoch, Channel: channel);
        var scores = new FeedbackScores("en", new SentimentScore(SentimentLabel.Positive, 0.8f, 0.1f, 0.1f, 0.8f), Rules.Extract(text));
        return new StoryItem(item, scores, new StoryLabel("test", $"x{i}", "brand", SentimentLabel.Positive,
            [.. labelled.Select(f => new LabelledFactor(f, SentimentLabel.Positive))], false, i));
    }

    /// <summary>Twenty app-store items the labels call the app and twenty map reviews they call nothing, with the same words.</summary>
    private static List<StoryItem> Story() =>
    [
        .. Enumerable.Range(0, 20).Select(i => Item(i, $"{Handy} on day {i}", "app", "website_app")),
        .. Enumerable.Range(20, 20).Select(i => Item(i, $"{Handy} on day {i}", "reviews")),
    ];

    private static FactorDetectorModel Trained(bool channels) =>
        FactorDetectorTrainer.Train(LeaveOneStoryOut.Examples(Story(), Rules, Factors, channels: channels), Factors, Plain with { Channels = channels });

    private static FeatureVector Features(string? channel)
    {
        var tokens = WordTokenizer.Tokenize(Handy, symbols: true);
        var cues = new HashSet<(string, string?)>();
        Rules.TermCues(tokens, cues);
        return FactorFeatures.Of(tokens, Rules.Extract(Handy), null, null, cues, Factors, null, channel);
    }

    private static bool Same(FeatureVector a, FeatureVector b) =>
        a.Buckets.SequenceEqual(b.Buckets) && a.Values.SequenceEqual(b.Values) && a.Own.Zip(b.Own).All(p => p.First.SequenceEqual(p.Second));

    [Fact]
    public void A_known_channel_adds_features_and_an_unknown_or_missing_one_adds_none()
    {
        Assert.DoesNotContain(Rules.Extract(Handy), m => m.Factor == "website_app"); // the rules name nothing here

        Assert.False(Same(Features(null), Features("app")));
        Assert.False(Same(Features("app"), Features("reviews")));
        Assert.True(Same(Features(null), Features("fax"))); // no labelled story taught what a fax says
        Assert.True(Same(Features(null), Features("")));
        Assert.True(Same(Features("app"), Features(" App "))); // spelt as the ingest writes it
        Assert.True(Same(Features("contact_centre"), Features("callcenter"))); // the report's other spellings of a channel
        Assert.Equal(Features(null).Buckets.Length + 2, Features("app").Buckets.Length); // the channel, and the channel × the rules named nothing
    }

    [Fact]
    public void A_factor_the_rules_found_gets_its_own_channel_feature()
    {
        const string text = "The app keeps crashing";
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        var rules = Rules.Extract(text);
        var app = Factors.ToList().IndexOf("website_app");
        Assert.Contains(rules, m => m.Factor == "website_app");

        var without = FactorFeatures.Of(tokens, rules, null, null, [], Factors);
        var with = FactorFeatures.Of(tokens, rules, null, null, [], Factors, null, "app");

        Assert.Equal(without.Own[app].Length + 1, with.Own[app].Length);
        Assert.All(Enumerable.Range(0, Factors.Count).Where(f => rules.All(m => m.Factor != Factors[f])),
            f => Assert.Equal(without.Own[f], with.Own[f]));
    }

    [Fact]
    public void A_detector_trained_with_channels_reads_the_items_channel_in_training_in_the_hybrid_and_in_the_pipelines_scorer()
    {
        var model = Trained(channels: true);
        var detector = new LearnedFactorDetector(model);
        Assert.True(model.ReadsChannel);

        // The detector itself.
        Assert.Contains(detector.Apply(Handy, Rules.Extract(Handy), Rules, null, null, SentimentLabel.Positive, null, "app"), m => m.Factor == "website_app");
        Assert.DoesNotContain(detector.Apply(Handy, Rules.Extract(Handy), Rules, null, null, SentimentLabel.Positive, null, "reviews"), m => m.Factor == "website_app");
        Assert.DoesNotContain(detector.Apply(Handy, Rules.Extract(Handy), Rules, null, null, SentimentLabel.Positive, null), m => m.Factor == "website_app");

        // A story rescored as evaluate-factors-loso rescores it: each item's own channel.
        var rescored = LeaveOneStoryOut.Rescore([Item(100, Handy, "app"), Item(101, Handy, "reviews")], detector, Rules, null);
        Assert.Contains(rescored[0].Scores!.Factors, m => m.Factor == "website_app");
        Assert.DoesNotContain(rescored[1].Scores!.Factors, m => m.Factor == "website_app");

        // The pipeline's scorer (and evaluate-story, which scores through it).
        var scorer = new FeedbackScorer(new FactorExtractorTests.RecordingScorer(0.5f), new BrandTaxonomies(FactorTaxonomy.Default), detector);
        var item = new FeedbackItem("id-1", FeedbackKind.Review, "test", "brand", Handy, DateTimeOffset.UnixEpoch);
        Assert.Contains(scorer.Score(item with { Channel = "app" }).Factors, m => m.Factor == "website_app");
        Assert.DoesNotContain(scorer.Score(item with { Channel = "reviews" }).Factors, m => m.Factor == "website_app");
        Assert.DoesNotContain(scorer.Score(item with { Channel = "fax" }).Factors, m => m.Factor == "website_app");
    }

    [Fact]
    public void A_model_trained_without_channels_writes_the_old_format_and_decides_the_same_whatever_the_channel()
    {
        var model = Trained(channels: false);
        var bytes = model.Write();
        var read = FactorDetectorModel.Read(bytes);
        var detector = new LearnedFactorDetector(read);

        Assert.False(read.ReadsChannel);
        Assert.Equal(bytes, read.Write());
        using (var raw = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress))
        using (var reader = new BinaryReader(raw))
        {
            reader.ReadString();
            Assert.Equal(2, reader.ReadInt32()); // the format of rounds 15–18, which older builds read
        }
        foreach (var channel in new[] { "app", "reviews", "fax" })
            Assert.Equal(detector.Apply(Handy, Rules.Extract(Handy), Rules, null, null, SentimentLabel.Positive, null),
                detector.Apply(Handy, Rules.Extract(Handy), Rules, null, null, SentimentLabel.Positive, null, channel));
    }

    [Fact]
    public void The_shipped_detector_of_no_channel_reads_back_byte_for_byte_and_decides_the_same_for_every_channel()
    {
        var shipped = ShippedDetector();
        var model = FactorDetectorModel.Read(shipped);
        Assert.False(model.ReadsChannel);
        Assert.Equal(shipped, model.Write());
        var detector = new LearnedFactorDetector(model);
        string[] texts = [Handy, "The app keeps crashing", "Курьер опоздал, но приложение удобное", "Staff were rude and the queue was long"];
        foreach (var text in texts)
            foreach (var channel in ItemChannels.Known)
                Assert.Equal(detector.Apply(text, Rules.Extract(text), Rules, null, null, SentimentLabel.Negative, null),
                    detector.Apply(text, Rules.Extract(text), Rules, null, null, SentimentLabel.Negative, null, channel));
    }

    [Fact]
    public void Training_with_channels_twice_writes_the_same_bytes_and_they_read_back_as_a_model_that_reads_channels()
    {
        var first = Trained(channels: true).Write();
        var second = Trained(channels: true).Write();
        var classes = new WordClasses(new Dictionary<string, int> { ["handi"] = 3 }, ClassFeatures.Words);
        var withClasses = FactorDetectorTrainer.Train(LeaveOneStoryOut.Examples(Story(), Rules, Factors, classes, channels: true), Factors,
            Plain with { Channels = true, Classes = classes }).Write();

        Assert.Equal(first, second);
        Assert.NotEqual(Trained(channels: false).Write(), first);
        Assert.True(FactorDetectorModel.Read(first).ReadsChannel);
        Assert.Equal(first, FactorDetectorModel.Read(first).Write());
        var both = FactorDetectorModel.Read(withClasses);
        Assert.True(both.ReadsChannel);
        Assert.Equal(1, both.Classes?.Count);
        Assert.Equal(withClasses, both.Write());
    }

    private static byte[] ShippedDetector()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "ml-models", "factors", "detector.bin.gz");
            if (File.Exists(file)) return File.ReadAllBytes(file);
        }
        throw new FileNotFoundException("ml-models/factors/detector.bin.gz");
    }
}
