using Listening.Core.Factors;
using Listening.Core.Factors.Learned;
using Listening.Core.Factors.Text;

namespace Listening.Core.Tests.Factors.Learned;

public class FactorFeaturesTests
{
    private static readonly FactorExtractor Rules = new(FactorTaxonomy.Default);
    private static readonly IReadOnlyList<string> Factors = FactorTaxonomy.Default.Factors.Select(f => f.Id).ToList();

    private static FeatureVector Of(string text, IReadOnlyList<FactorMention>? rules = null) =>
        LeaveOneStoryOut.Features(text, rules ?? Rules.Extract(text), null, null, Rules, Factors);

    [Fact]
    public void Two_texts_that_differ_only_in_a_number_have_the_same_features()
    {
        var forty = Of("Ждали через 40 минут");
        var fortyFive = Of("Ждали через 45 минут");

        Assert.Equal(forty.Buckets, fortyFive.Buckets);
        Assert.Equal(forty.Values, fortyFive.Values);
        Assert.Equal(FactorFeatures.Unigram("40"), FactorFeatures.Unigram("45"));
    }

    [Fact]
    public void A_factors_own_features_say_which_other_factor_the_rules_found_in_the_same_clause()
    {
        const string text = "The courier was late";
        FactorMention Mention(string factor) => new(factor, Listening.Core.Sentiment.SentimentLabel.Negative, -1f, 0, text.Length);
        var delivery = Factors.ToList().IndexOf("delivery");

        var alone = Of(text, [Mention("delivery")]);
        var beside = Of(text, [Mention("delivery"), Mention("waiting_time")]);

        Assert.Single(beside.Own[delivery].Except(alone.Own[delivery]));
        Assert.Equal(alone.Buckets, beside.Buckets); // the shared features do not change
    }
}
