using Listening.Core.Factors;
using Listening.Core.Factors.Learned;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors.Learned;

public class LearnedFactorDetectorTests
{
    private static readonly FactorExtractor Rules = new(FactorTaxonomy.Default);
    private static readonly IReadOnlyList<string> Factors = FactorTaxonomy.Default.Factors.Select(f => f.Id).ToList();
    private static readonly FactorTraining Plain = FactorTraining.Default with { InnerFolds = 0, AddAbove = 0.5f, DropBelow = 0.5f };

    private static FactorExample Example(string text, params string[] labelled)
    {
        var found = Rules.Extract(text);
        return new FactorExample(LeaveOneStoryOut.Features(text, found, null, null, Rules, Factors),
            labelled.ToHashSet(StringComparer.Ordinal), found.Select(m => m.Factor).ToHashSet(StringComparer.Ordinal));
    }

    private static IReadOnlyList<FactorMention> Apply(FactorDetectorModel model, string text, FactorExtractor? extractor = null, ISentimentScorer? clauses = null)
    {
        extractor ??= Rules;
        return new LearnedFactorDetector(model).Apply(text, extractor.Extract(text), extractor, null, null, SentimentLabel.Neutral, clauses);
    }

    /// <summary>Twenty items of a made-up word the labels call loyalty (the rules know no such word), twenty of parking, twenty that say nothing.</summary>
    private static List<FactorExample> FlumoxStory() =>
    [
        .. Enumerable.Range(0, 20).Select(i => Example($"Parking was easy on day {i}", "location_parking")),
        .. Enumerable.Range(0, 20).Select(i => Example($"The flumox gave me {i} extra this week", "loyalty")),
        .. Enumerable.Range(0, 20).Select(i => Example($"I went there on day {i} of my holiday")),
    ];

    [Fact]
    public void Training_twice_on_the_same_items_writes_the_same_bytes()
    {
        var first = FactorDetectorTrainer.Train(FlumoxStory(), Factors, Plain).Write();
        var second = FactorDetectorTrainer.Train(FlumoxStory(), Factors, Plain).Write();

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_model_adds_a_factor_the_rules_miss_when_trained_on_examples_of_it()
    {
        var model = FactorDetectorTrainer.Train(FlumoxStory(), Factors, Plain);
        const string text = "Parking was fine. The flumox gave me extra";
        Assert.DoesNotContain(Rules.Extract(text), m => m.Factor == "loyalty");

        var clauses = new FactorExtractorTests.RecordingScorer(0.8f); // reads every clause as praise
        var mentions = new LearnedFactorDetector(model).Apply(text, Rules.Extract(text), Rules, null, null, SentimentLabel.Negative, clauses);

        var added = Assert.Single(mentions, m => m.Factor == "loyalty");
        Assert.Equal("The flumox gave me extra", text.Substring(added.Start, added.Length)); // the clause whose words weigh most
        Assert.Equal(SentimentLabel.Negative, added.Label); // the document's polarity: its clause says nothing
        var byClause = new LearnedFactorDetector(model) { Polarity = AddedPolarity.Clause }.Apply(text, Rules.Extract(text), Rules, null, null, SentimentLabel.Negative, clauses);
        Assert.Equal(SentimentLabel.Positive, Assert.Single(byClause, m => m.Factor == "loyalty").Label); // or, asked for, the clause's
        Assert.Contains(mentions, m => m.Factor == "location_parking"); // the rules' own mention stays
    }

    [Fact]
    public void An_added_mention_read_by_the_rules_takes_the_polarity_the_rules_gave_another_factor_in_its_clause()
    {
        var model = FactorDetectorTrainer.Train(FlumoxStory(), Factors, Plain);
        const string text = "The flumox and the parking were awful";
        var rules = Rules.Extract(text);
        Assert.Equal(SentimentLabel.Negative, Assert.Single(rules, m => m.Factor == "location_parking").Label);

        var byDocument = new LearnedFactorDetector(model) { Polarity = AddedPolarity.Document }.Apply(text, rules, Rules, null, null, SentimentLabel.Positive, null);
        var byRules = new LearnedFactorDetector(model) { Polarity = AddedPolarity.Rules }.Apply(text, rules, Rules, null, null, SentimentLabel.Positive, null);

        Assert.Equal(SentimentLabel.Positive, Assert.Single(byDocument, m => m.Factor == "loyalty").Label);
        Assert.Equal(SentimentLabel.Negative, Assert.Single(byRules, m => m.Factor == "loyalty").Label);
    }

    [Fact]
    public void By_default_an_added_mention_alone_in_its_clause_is_read_from_that_clauses_opinion_words_with_their_negation()
    {
        var model = FactorDetectorTrainer.Train(FlumoxStory(), Factors, Plain);
        const string text = "Parking was great. The flumox gave me extra, not good";
        var rules = Rules.Extract(text);

        var mentions = new LearnedFactorDetector(model).Apply(text, rules, Rules, null, null, SentimentLabel.Positive, null);

        var added = Assert.Single(mentions, m => m.Factor == "loyalty");
        Assert.Equal("The flumox gave me extra, not good", text.Substring(added.Start, added.Length));
        Assert.Equal(SentimentLabel.Negative, added.Label); // not the parking's praise, not the document's
    }

    [Fact]
    public void An_added_mention_whose_clause_says_nothing_takes_the_documents_polarity()
    {
        var model = FactorDetectorTrainer.Train(FlumoxStory(), Factors, Plain);
        const string text = "Parking was great. The flumox gave me extra";

        var mentions = new LearnedFactorDetector(model).Apply(text, Rules.Extract(text), Rules, null, null, SentimentLabel.Negative, null);

        Assert.Equal(SentimentLabel.Negative, Assert.Single(mentions, m => m.Factor == "loyalty").Label);
    }

    [Fact]
    public void The_model_drops_a_rule_mention_the_labels_reject()
    {
        // The rules read price in "prices zorblat"; the labels never do, and do in "prices are too high".
        List<FactorExample> story =
        [
            .. Enumerable.Range(0, 20).Select(i => Example($"The prices zorblat on day {i}")),
            .. Enumerable.Range(0, 20).Select(i => Example($"The prices are too high on day {i}", "price")),
        ];
        Assert.All(story, e => Assert.Contains("price", e.Found));
        var model = FactorDetectorTrainer.Train(story, Factors, Plain);

        Assert.DoesNotContain(Apply(model, "The prices zorblat again"), m => m.Factor == "price");
        Assert.Contains(Apply(model, "The prices are too high again"), m => m.Factor == "price");
    }

    [Fact]
    public void The_rules_mentions_the_model_drops_come_back_beside_what_it_keeps_and_what_it_adds_is_flagged()
    {
        List<FactorExample> story =
        [
            .. Enumerable.Range(0, 20).Select(i => Example($"The prices zorblat on day {i}")),
            .. Enumerable.Range(0, 20).Select(i => Example($"The prices are too high on day {i}", "price")),
            .. FlumoxStory(),
        ];
        var model = FactorDetectorTrainer.Train(story, Factors, Plain);
        const string text = "The prices zorblat again. The flumox gave me extra";
        var rules = Rules.Extract(text);

        var decision = new LearnedFactorDetector(model).Decide(text, rules, Rules, null, null, SentimentLabel.Neutral, null);

        Assert.DoesNotContain(decision.Mentions, m => m.Factor == "price");
        Assert.Equal(rules.Where(m => m.Factor == "price"), decision.Dropped); // the rules' own mentions, as they read them
        Assert.True(Assert.Single(decision.Mentions, m => m.Factor == "loyalty").Added);
        Assert.All(decision.Mentions.Where(m => m.Factor != "loyalty"), m => Assert.False(m.Added));
        Assert.Equal(decision.Mentions, new LearnedFactorDetector(model).Apply(text, rules, Rules, null, null, SentimentLabel.Neutral, null));
    }

    // A detector that learned "zorblat" says nothing of the price, an item the rules read as a price mention, and a sentiment model.
    private static (LearnedFactorDetector, Listening.Core.Feedback.FeedbackItem, FactorExtractorTests.RecordingScorer) PriceDropper()
    {
        List<FactorExample> story =
        [
            .. Enumerable.Range(0, 20).Select(i => Example($"The prices zorblat on day {i}")),
            .. Enumerable.Range(0, 20).Select(i => Example($"The prices are too high on day {i}", "price")),
        ];
        var detector = new LearnedFactorDetector(FactorDetectorTrainer.Train(story, Factors, Plain));
        var item = new Listening.Core.Feedback.FeedbackItem("id-1", Listening.Core.Feedback.FeedbackKind.Review, "test", "brand",
            "The prices zorblat again", DateTimeOffset.UnixEpoch);
        var model = new FactorExtractorTests.RecordingScorer(-0.5f);
        return (detector, item, model);
    }

    [Fact]
    public void The_scorer_with_a_detector_reads_an_item_as_the_hybrid_and_without_one_as_the_rules()
    {
        var (detector, item, model) = PriceDropper();

        Assert.Contains(new Listening.Core.Feedback.FeedbackScorer(model, FactorTaxonomy.Default).Score(item).Factors, m => m.Factor == "price");
        Assert.DoesNotContain(new Listening.Core.Feedback.FeedbackScorer(model, new BrandTaxonomies(FactorTaxonomy.Default), detector).Score(item).Factors,
            m => m.Factor == "price");
    }

    [Fact]
    public void The_scorer_keeps_the_rules_mentions_the_detector_dropped_with_the_items_scores_and_none_without_a_detector()
    {
        var (detector, item, model) = PriceDropper();

        var hybrid = new Listening.Core.Feedback.FeedbackScorer(model, new BrandTaxonomies(FactorTaxonomy.Default), detector).Score(item);
        var rules = new Listening.Core.Feedback.FeedbackScorer(model, FactorTaxonomy.Default).Score(item);

        Assert.Equal(rules.Factors.Where(m => m.Factor == "price"), hybrid.Dropped!);
        Assert.Null(rules.Dropped);
    }

    [Fact]
    public void A_factor_outside_the_models_taxonomy_keeps_the_rules_reading_and_a_removed_one_is_never_added()
    {
        var model = FactorDetectorTrainer.Train(FlumoxStory(), Factors, Plain);
        var restaurants = new FactorExtractor(FactorTaxonomy.WithPacks("restaurants"));
        const string text = "The food was delicious";
        Assert.Equal(restaurants.Extract(text).Select(m => m.Factor), Apply(model, text, restaurants).Select(m => m.Factor)); // food is the pack's, not the model's

        var noLoyalty = new FactorExtractor(FactorTaxonomy.Default.With("""{"remove": ["loyalty"]}"""));
        Assert.DoesNotContain(Apply(model, "Parking was fine. The flumox gave me extra", noLoyalty), m => m.Factor == "loyalty");
    }

    [Fact]
    public void Leave_one_story_out_never_trains_on_the_held_out_story()
    {
        IReadOnlyList<IReadOnlyList<FactorExample>> stories =
        [
            FlumoxStory(),
            [Example("The quuxly courier was late", "delivery"), Example("A quuxly courier again", "delivery"), Example("Nothing to say")],
            [Example("The staff were kind", "staff"), Example("Kind staff", "staff")],
        ];
        var quuxly = FactorFeatures.Unigram("quuxli");
        Assert.Equal("quuxli", Listening.Core.Factors.Text.WordStemmer.Stem("quuxly"));

        var heldOut = LeaveOneStoryOut.ModelFor(stories, 1, Factors, Plain);
        var seen = LeaveOneStoryOut.ModelFor(stories, 0, Factors, Plain);

        Assert.DoesNotContain(quuxly, heldOut.Buckets);
        Assert.Contains(quuxly, seen.Buckets);
    }

    [Fact]
    public void A_detector_file_read_back_writes_the_same_bytes_and_the_shipped_one_knows_the_default_factors()
    {
        var written = FactorDetectorTrainer.Train(FlumoxStory(), Factors, Plain).Write();
        Assert.Equal(written, FactorDetectorModel.Read(written).Write());

        var shipped = ShippedDetector();
        var model = FactorDetectorModel.Read(shipped);
        Assert.Equal(shipped, model.Write());
        Assert.Equal(Factors, model.Factors);
    }

    [Fact]
    public void A_damaged_detector_file_is_refused_with_a_format_error() =>
        Assert.Throws<FormatException>(() => FactorDetectorModel.Read([1, 2, 3]));

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
