using Listening.Core.Factors;
using Listening.Core.Factors.Learned;

namespace Listening.Core.Tests.Factors.Learned;

/// <summary>How the inner folds choose each factor's add and drop thresholds from out-of-fold probabilities.</summary>
public class ThresholdChoiceTests
{
    private static readonly IReadOnlyList<string> Factors = FactorTaxonomy.Default.Factors.Select(f => f.Id).ToList();
    private static readonly int Price = Factors.ToList().IndexOf("price");
    private static readonly FeatureVector None = new([], [], []);
    private static readonly float[] Round14DropGrid = [0.5f, 0.3f, 0.2f, 0.1f, 0.05f, 0.02f, -0.01f];

    /// <summary>An item whose out-of-fold probability of price is <paramref name="p"/> (every other factor: 0).</summary>
    private static (FactorExample Example, float[] Probabilities) Item(bool rulesFound, bool labelled, float p)
    {
        var probabilities = new float[Factors.Count];
        probabilities[Price] = p;
        return (new FactorExample(None, labelled ? new HashSet<string> { "price" } : [], rulesFound ? new HashSet<string> { "price" } : []), probabilities);
    }

    private static float PriceDropThreshold(IEnumerable<(FactorExample Example, float[] Probabilities)> items, FactorTraining training)
    {
        var story = items.ToList();
        var (_, drop) = LeaveOneStoryOut.ChooseThresholds([story.Select(s => s.Example).ToList()], [story.Select(s => s.Probabilities).ToArray()], Factors, training);
        return drop[Price];
    }

    /// <summary>
    /// The rules find price on 10 items and the labels on 10 (8 shared). Dropping the 3 the model doubts at 0.25 (2 wrong,
    /// 1 right) raises F1 (0.800 → 0.824) but leaves price 3 items short of the count the rules had right.
    /// </summary>
    private static IEnumerable<(FactorExample, float[])> RulesCountRight(float doubt = 0.25f) =>
    [
        .. Enumerable.Range(0, 7).Select(_ => Item(rulesFound: true, labelled: true, p: 0.9f)),
        Item(rulesFound: true, labelled: true, p: doubt),
        .. Enumerable.Range(0, 2).Select(_ => Item(rulesFound: true, labelled: false, p: doubt)),
        .. Enumerable.Range(0, 2).Select(_ => Item(rulesFound: false, labelled: true, p: 0.1f)),
    ];

    /// <summary>The rules find price on 14 items, the labels on 8 of them; the 6 others are the ones the model doubts.</summary>
    private static IEnumerable<(FactorExample, float[])> RulesOverCount(float doubt = 0.25f) =>
    [
        .. Enumerable.Range(0, 8).Select(_ => Item(rulesFound: true, labelled: true, p: 0.9f)),
        .. Enumerable.Range(0, 6).Select(_ => Item(rulesFound: true, labelled: false, p: doubt)),
    ];

    [Fact]
    public void The_detector_never_drops_a_rule_mention_it_gives_more_than_a_tenth_even_where_the_inner_folds_F1_would_rise()
    {
        Assert.True(PriceDropThreshold(RulesCountRight(), FactorTraining.Default with { DropGrid = Round14DropGrid }) > 0.25f); // round 14's grid drops them
        Assert.True(PriceDropThreshold(RulesCountRight(), FactorTraining.Default) <= 0.1f);
        Assert.All(LeaveOneStoryOut.DropGrid, d => Assert.True(d <= 0.1f));
    }

    [Fact]
    public void The_detector_still_drops_rule_mentions_it_is_sure_the_labels_reject() =>
        Assert.True(PriceDropThreshold(RulesOverCount(doubt: 0.01f), FactorTraining.Default) > 0.01f);

    [Fact]
    public void With_the_shortfall_weighed_a_factor_whose_count_the_rules_get_right_keeps_its_rule_mentions() =>
        Assert.True(PriceDropThreshold(RulesCountRight(), FactorTraining.Default with { DropGrid = Round14DropGrid, ShortfallWeight = 1 }) <= 0.25f);

    [Fact]
    public void With_the_shortfall_weighed_a_factor_the_rules_over_count_is_still_cut_down_to_its_labelled_count() =>
        Assert.True(PriceDropThreshold(RulesOverCount(), FactorTraining.Default with { DropGrid = Round14DropGrid, ShortfallWeight = 1 }) > 0.25f);
}
