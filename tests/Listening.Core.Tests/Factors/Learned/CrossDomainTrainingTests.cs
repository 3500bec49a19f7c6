using Listening.Core.Factors;
using Listening.Core.Factors.Evaluation;
using Listening.Core.Factors.Learned;
using Listening.Core.Factors.Text;

namespace Listening.Core.Tests.Factors.Learned;

/// <summary>What the detector may learn from items outside the stories, and from words only one domain uses.</summary>
public class CrossDomainTrainingTests
{
    private static readonly FactorExtractor Rules = new(FactorTaxonomy.Default);
    private static readonly IReadOnlyList<string> Factors = FactorTaxonomy.Default.Factors.Select(f => f.Id).ToList();
    private static readonly int Loyalty = Factors.ToList().IndexOf("loyalty");
    private static readonly FactorTraining Plain = FactorTraining.Default with { InnerFolds = 0, AddAbove = 0.5f, DropBelow = 0.5f };
    private static readonly int Flumox = FactorFeatures.Unigram(WordTokenizer.Tokenize("flumox", symbols: true)[0].Stem);

    private static FactorExample Example(string text, IReadOnlySet<string>? known, float weight, params string[] labelled)
    {
        var found = Rules.Extract(text);
        return new FactorExample(LeaveOneStoryOut.Features(text, found, null, null, Rules, Factors),
            labelled.ToHashSet(StringComparer.Ordinal), found.Select(m => m.Factor).ToHashSet(StringComparer.Ordinal), known, weight);
    }

    private static List<FactorExample> Flumoxes(IReadOnlySet<string>? known = null, float weight = 1f) =>
        [.. Enumerable.Range(0, 20).Select(i => Example($"The flumox gave me {i} extra this week", known, weight, "loyalty"))];

    private static List<FactorExample> Quiet() =>
        [.. Enumerable.Range(0, 20).Select(i => Example($"I went there on day {i} of my holiday", null, 1f))];

    private static float LoyaltyProbability(FactorDetectorModel model, string text)
    {
        var logits = new float[Factors.Count];
        model.Logits(LeaveOneStoryOut.Features(text, Rules.Extract(text), null, null, Rules, Factors), logits);
        return FactorDetectorModel.Probability(logits[Loyalty]);
    }

    [Fact]
    public void An_item_whose_label_speaks_only_for_other_factors_teaches_nothing_about_the_factor_it_names()
    {
        var speaksForPrice = FactorDetectorTrainer.Train([Flumoxes(known: new HashSet<string> { "price" }), Quiet()], Factors, Plain);
        var speaksForAll = FactorDetectorTrainer.Train([Flumoxes(), Quiet()], Factors, Plain);

        Assert.Equal(0f, speaksForPrice.Weight(Flumox, Loyalty));
        Assert.True(speaksForAll.Weight(Flumox, Loyalty) > 0);
    }

    [Fact]
    public void An_item_that_weighs_less_moves_the_model_less()
    {
        var full = FactorDetectorTrainer.Train([Flumoxes(weight: 1f), Quiet()], Factors, Plain);
        var light = FactorDetectorTrainer.Train([Flumoxes(weight: 0.2f), Quiet()], Factors, Plain);

        const string text = "The flumox was there";
        Assert.True(LoyaltyProbability(full, text) > LoyaltyProbability(light, text));
        Assert.True(light.Weight(Flumox, Loyalty) > 0);
    }

    [Fact]
    public void A_word_only_one_source_uses_gets_no_weight_when_features_must_span_sources()
    {
        var otherStory = Enumerable.Range(0, 20).Select(i => Example($"My points gave me {i} extra this week", null, 1f, "loyalty")).ToList();

        var spanning = FactorDetectorTrainer.Train([Flumoxes(), otherStory, Quiet()], Factors, Plain with { MinSources = 2 });
        var any = FactorDetectorTrainer.Train([Flumoxes(), otherStory, Quiet()], Factors, Plain);

        Assert.DoesNotContain(Flumox, spanning.Buckets); // "flumox" is one story's word
        Assert.Contains(FactorFeatures.Unigram(WordTokenizer.Tokenize("extra", symbols: true)[0].Stem), spanning.Buckets); // "extra" is both stories'
        Assert.True(any.Weight(Flumox, Loyalty) > 0);
    }

    [Fact]
    public void Training_on_the_stories_as_sources_gives_the_same_model_as_on_their_items_in_one_list()
    {
        var stories = new List<IReadOnlyList<FactorExample>> { Flumoxes(), Quiet() };

        Assert.Equal(FactorDetectorTrainer.Train(stories.SelectMany(s => s).ToList(), Factors, Plain).Write(), FactorDetectorTrainer.Train(stories, Factors, Plain).Write());
    }

    private static readonly AspectMapping Restaurants = AspectMapping.Parse("""
        {
          "name": "restaurants", "dataset": "semeval", "lang": "en", "packs": ["restaurants"],
          "labels": { "SERVICE#*": "staff", "AMBIENCE#*": "cleanliness_atmosphere", "FOOD#PRICES": "price", "FOOD#*": "food", "RESTAURANT#GENERAL": null },
          "fold": { "waiting_time": "staff", "payment": "price", "assortment": "food" }
        }
        """);

    [Fact]
    public void A_public_label_our_finer_factors_fold_into_is_not_one_of_ours_and_a_pack_factor_is_not_the_models()
    {
        // "service" holds staff and waiting alike; "prices" payment too; food is the restaurant pack's, not a default factor.
        Assert.Equal(["cleanliness_atmosphere"], PublicAspectExamples.Faithful(Restaurants, Factors).Order());
    }

    [Fact]
    public void A_dataset_that_labels_one_reason_per_row_speaks_for_no_factor()
    {
        var airline = AspectMapping.Parse("""
            { "name": "airline", "dataset": "tweets", "lang": "en", "labelledRowsOnly": true, "labels": { "Late Flight": "waiting_time" } }
            """);

        Assert.Empty(PublicAspectExamples.Faithful(airline, Factors));
        Assert.Empty(PublicAspectExamples.Of([("Flight late again", "Late Flight:neg")], airline, Rules, Factors, 1f));
    }

    [Fact]
    public void A_public_row_is_labelled_with_its_faithful_factors_and_speaks_only_for_them()
    {
        var extractor = new FactorExtractor(FactorTaxonomy.WithPacks(Restaurants.Packs));

        var example = Assert.Single(PublicAspectExamples.Of(
            [("The waiter was slow but the room was cosy", "SERVICE#GENERAL:negative;AMBIENCE#GENERAL:positive")], Restaurants, extractor, Factors, 0.5f));

        Assert.Equal(["cleanliness_atmosphere"], example.Factors.Order());
        Assert.Equal(["cleanliness_atmosphere"], example.Known!.Order());
        Assert.Equal(0.5f, example.Weight);
    }

    [Fact]
    public void A_capped_dataset_keeps_rows_spread_evenly_over_it()
    {
        Assert.Equal([0, 25, 50, 75], PublicAspectExamples.Spread(Enumerable.Range(0, 100).ToList(), 4));
        Assert.Equal([0, 1, 2], PublicAspectExamples.Spread([0, 1, 2], 4));
    }
}
