using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Factors;

public class FeedbackScorerTests
{
    private static FeedbackItem Item(string text, string? language = null) =>
        new("id-1", FeedbackKind.Review, "test", "brand", text, DateTimeOffset.UnixEpoch, Language: language);

    [Fact]
    public void Scoring_adds_language_document_sentiment_and_factor_mentions()
    {
        // Stand-in for the ML.NET model (built on another branch): a fixed document score.
        var model = new FactorExtractorTests.RecordingScorer(-0.6f);
        var scorer = new FeedbackScorer(model, FactorTaxonomy.WithPacks("restaurants"));

        var scores = scorer.Score(Item("Еда вкусная, но официант нахамил"));

        Assert.Equal("ru", scores.Language);
        Assert.Equal(-0.6f, scores.Sentiment.Score);
        Assert.Contains("Еда вкусная, но официант нахамил", model.Seen); // the document
        Assert.Contains("но официант нахамил", model.Seen); // and the clause
        Assert.Equal(["food", "staff"], scores.Factors.Select(f => f.Factor));
        Assert.Equal(SentimentLabel.Negative, scores.Factors[1].Label);
    }

    [Fact]
    public void The_document_sentiment_weighs_the_authors_own_rating()
    {
        // A model that reads the text mildly negative (−0.45), as it read "Slick app. Reordering takes ten seconds."
        var scorer = new FeedbackScorer(new MildlyNegative(), FactorTaxonomy.Default);
        var item = Item("Slick app. Reordering last week's basket takes ten seconds.");

        Assert.Equal(SentimentLabel.Negative, scorer.Score(item).Sentiment.Label);
        Assert.Equal(SentimentLabel.Positive, scorer.Score(item with { Rating = 5 }).Sentiment.Label);
    }

    [Fact]
    public void An_unrated_items_document_sentiment_is_the_text_models_reading_whatever_its_clauses_say()
    {
        const string text = "Delivery was quick and the courier was polite.";
        // The model reads the whole text mildly negative and each clause clearly positive: the clauses are the same model's
        // reading and do not outvote it (weighing them lost on 9 of 11 honest test splits).
        var scorer = new FeedbackScorer(new WholeTextOnlyMildlyNegative(text), FactorTaxonomy.Default);

        var scores = scorer.Score(Item(text));

        Assert.NotEmpty(scores.Factors);
        Assert.All(scores.Factors, f => Assert.Equal(SentimentLabel.Positive, f.Label));
        Assert.Equal(SentimentLabel.Negative, scores.Sentiment.Label);
    }

    [Fact]
    public void An_item_whose_factors_are_judged_clearly_both_ways_is_mixed_though_the_model_reads_every_clause_neutral()
    {
        var scorer = new FeedbackScorer(new FactorExtractorTests.RecordingScorer(0f), FactorTaxonomy.Default);

        var scores = scorer.Score(Item("Курьер вежливый 😊 но опоздал на 40 минут 😡"));

        Assert.Contains(scores.Factors, f => f.Label == SentimentLabel.Positive);
        Assert.Contains(scores.Factors, f => f.Label == SentimentLabel.Negative);
        Assert.True(scores.Mixed);
    }

    private sealed class WholeTextOnlyMildlyNegative(string whole) : ISentimentScorer
    {
        public SentimentScore Score(string text) => text == whole
            ? SentimentScore.FromProbabilities(0.65f, 0.15f, 0.20f)
            : SentimentScore.FromProbabilities(0.05f, 0.10f, 0.85f);
    }

    private sealed class MildlyNegative : ISentimentScorer
    {
        public SentimentScore Score(string text) => SentimentScore.FromProbabilities(0.65f, 0.15f, 0.20f);
    }

    [Fact]
    public void An_item_that_states_its_language_keeps_it()
    {
        var scorer = new FeedbackScorer(new FactorExtractorTests.RecordingScorer(0.1f), FactorTaxonomy.Default);
        Assert.Equal("en", scorer.Score(Item("Доставка быстрая", language: "en")).Language);
    }
}

public class BrandTaxonomiesTests
{
    private static FeedbackItem Item(string brand, string text, string? competitorOf = null) =>
        new("id", FeedbackKind.Mention, "test", brand, text, DateTimeOffset.UnixEpoch, CompetitorOf: competitorOf);

    [Fact]
    public void Each_brand_is_read_with_its_own_taxonomy_and_competitors_with_the_analysing_brands()
    {
        var taxonomies = new BrandTaxonomies(FactorTaxonomy.Default,
        [
            new BrandTaxonomyConfig("Pizzeria", ["restaurants"], """{ "factors": [ { "id": "oven", "terms": { "en": ["wood oven"] } } ] }"""),
        ]);
        var scorer = new FeedbackScorer(new FactorExtractorTests.RecordingScorer(0.2f), taxonomies);
        const string text = "The wood oven pizza was delicious";

        Assert.Equal(["oven", "food"], scorer.Score(Item("pizzeria", text)).Factors.Select(f => f.Factor)); // brand names ignore case
        Assert.Equal(["oven", "food"], scorer.Score(Item("Rival Pizza", text, competitorOf: "Pizzeria")).Factors.Select(f => f.Factor));
        Assert.Equal(["quality"], scorer.Score(Item("Bank", text)).Factors.Select(f => f.Factor)); // the default taxonomy: the pizza is product quality
    }

    [Fact]
    public void A_broken_brand_override_names_the_brand()
    {
        var error = Assert.Throws<FormatException>(() =>
            new BrandTaxonomies(FactorTaxonomy.Default, [new BrandTaxonomyConfig("Acme", [], "{ broken")]));
        Assert.Contains("Acme", error.Message);
    }
}
