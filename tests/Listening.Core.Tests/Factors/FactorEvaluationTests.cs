using Listening.Core.Factors;
using Listening.Core.Factors.Evaluation;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors;

public class FactorEvaluationTests
{
    private static FactorMention Mention(string factor, float score) =>
        new(factor, score > 0 ? SentimentLabel.Positive : score < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral, score, 0, 1);

    [Fact]
    public void Scorecard_counts_detection_per_factor_and_micro_and_polarity_where_found()
    {
        var card = new FactorScorecard("t", "en", new HashSet<string> { "food", "staff" }, new Dictionary<string, string> { ["waiting_time"] = "staff" });

        card.Add(new Dictionary<string, string> { ["food"] = "positive", ["staff"] = "negative" },
            [Mention("food", 0.5f), Mention("waiting_time", -1f), Mention("loyalty", 1f)]); // tp food (+ right), tp staff via fold (− right), loyalty not scored
        card.Add(new Dictionary<string, string> { ["food"] = "negative" }, [Mention("food", 0.2f), Mention("food", -0.5f), Mention("staff", 0.1f)]); // tp food (sum −0.3: right), fp staff
        card.Add(new Dictionary<string, string> { ["staff"] = "mixed" }, []); // fn staff
        card.Add(new Dictionary<string, string>(), [Mention("food", 0f)]); // fp food

        var result = card.Result();
        Assert.Equal(4, result.N);
        Assert.Equal(new FactorCounts(2, 1, 0, 0.6667, 1, 0.8), result.Detection.PerFactor["food"]);
        Assert.Equal(new FactorCounts(1, 1, 1, 0.5, 0.5, 0.5), result.Detection.PerFactor["staff"]);
        Assert.Equal(0.6, result.Detection.Precision);
        Assert.Equal(0.75, result.Detection.Recall);
        Assert.Equal(0.6667, result.Detection.MicroF1);
        Assert.Equal(1.0, result.PolarityAccuracy);
        Assert.Equal(3, result.PolarityN);
    }

    [Fact]
    public void Gold_labels_map_through_exact_names_wildcards_and_term_lists()
    {
        var mapping = AspectMapping.Parse("""
            { "name": "m", "dataset": "d", "lang": "en",
              "labels": { "food": "food", "anecdotes/miscellaneous": null, "SERVICE#*": "staff", "*#PRICES": "price" },
              "terms": { "support": ["operator", "служба поддержки"] } }
            """);
        var gold = new GoldAspects(mapping);

        var map = gold.Map("food:positive;anecdotes/miscellaneous:negative;SERVICE#GENERAL:negative;FOOD#PRICES:conflict;операторы:NEG;Службу поддержки:neg;банк:POS");

        Assert.Equal(new Dictionary<string, string>
        {
            ["food"] = "positive", ["staff"] = "negative", ["price"] = "mixed", ["support"] = "negative",
        }, map);
        Assert.Equal(new HashSet<string> { "food", "staff", "price", "support" }, mapping.EvaluatedFactors.ToHashSet());
    }

    [Fact]
    public void Two_polarities_for_one_factor_are_mixed_and_a_polarity_beats_none()
    {
        var gold = new GoldAspects(AspectMapping.Parse("""{ "name": "m", "dataset": "d", "lang": "en", "labels": { "a": "x", "b": "x", "c": "y", "d": "y" } }"""));
        Assert.Equal(new Dictionary<string, string> { ["x"] = "mixed", ["y"] = "positive" }, gold.Map("a:positive;b:negative;c:na;d:positive"));
    }

    [Fact]
    public void A_mapping_without_labels_or_terms_is_rejected()
    {
        Assert.Throws<FormatException>(() => AspectMapping.Parse("""{ "name": "m", "dataset": "d", "lang": "en" }"""));
        Assert.Throws<FormatException>(() => AspectMapping.Parse("""{ "name": "m", """));
    }
}
