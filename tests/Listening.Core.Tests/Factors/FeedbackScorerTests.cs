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
    public void An_item_that_states_its_language_keeps_it()
    {
        var scorer = new FeedbackScorer(new FactorExtractorTests.RecordingScorer(0.1f), FactorTaxonomy.Default);
        Assert.Equal("en", scorer.Score(Item("Доставка быстрая", language: "en")).Language);
    }
}
