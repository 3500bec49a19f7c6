using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Feedback;

public sealed class DocumentStanceTests
{
    private static readonly SentimentScore MildlyNegative = SentimentScore.FromProbabilities(0.65f, 0.15f, 0.20f);

    [Theory]
    [InlineData(5, null)]
    [InlineData(null, 9)]
    [InlineData(2, null)]
    public void A_rated_item_is_weighed_by_the_authors_score(int? rating, int? nps)
    {
        var stance = DocumentStance.Of(MildlyNegative, rating, nps);

        Assert.Equal(AuthorVerdict.Combine(MildlyNegative, rating, nps), stance);
        Assert.NotEqual(MildlyNegative, stance);
    }

    [Fact]
    public void An_unrated_item_keeps_the_text_models_reading()
    {
        Assert.Equal(MildlyNegative, DocumentStance.Of(MildlyNegative, null, null));
    }
}
