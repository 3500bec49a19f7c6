using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Feedback;

public sealed class DocumentStanceTests
{
    private static readonly SentimentScore MildlyNegative = SentimentScore.FromProbabilities(0.65f, 0.15f, 0.20f);

    private static FactorMention Mention(string factor, SentimentLabel label) => new(factor, label, label switch
    {
        SentimentLabel.Positive => 0.6f,
        SentimentLabel.Negative => -0.6f,
        _ => 0f,
    }, 0, 1);

    [Fact]
    public void An_unrated_text_read_mildly_against_the_clauses_that_all_praise_its_factors_follows_them()
    {
        var stance = DocumentStance.Of(MildlyNegative, [Mention("website_app", SentimentLabel.Positive), Mention("speed", SentimentLabel.Positive)], null, null);

        Assert.Equal(SentimentLabel.Positive, stance.Label);
    }

    [Fact]
    public void A_text_the_model_is_sure_of_keeps_its_side_against_its_clauses()
    {
        var sure = SentimentScore.FromProbabilities(0.97f, 0.02f, 0.01f);

        Assert.Equal(SentimentLabel.Negative, DocumentStance.Of(sure, [Mention("price", SentimentLabel.Positive)], null, null).Label);
    }

    [Fact]
    public void Clauses_that_disagree_or_judge_nothing_leave_the_text_models_reading()
    {
        Assert.Equal(MildlyNegative, DocumentStance.Of(MildlyNegative, [Mention("quality", SentimentLabel.Positive), Mention("delivery", SentimentLabel.Negative)], null, null));
        Assert.Equal(MildlyNegative, DocumentStance.Of(MildlyNegative, [Mention("delivery", SentimentLabel.Neutral)], null, null));
        Assert.Equal(MildlyNegative, DocumentStance.Of(MildlyNegative, [], null, null));
    }

    [Fact]
    public void A_neutral_mention_beside_polar_ones_does_not_break_their_agreement()
    {
        Assert.Equal(SentimentLabel.Positive, DocumentStance.Unanimous([Mention("delivery", SentimentLabel.Neutral), Mention("quality", SentimentLabel.Positive)]));
        Assert.Null(DocumentStance.Unanimous([Mention("delivery", SentimentLabel.Negative), Mention("quality", SentimentLabel.Positive)]));
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(null, 9)]
    [InlineData(2, null)]
    public void A_rated_item_is_weighed_by_the_authors_score_alone(int? rating, int? nps)
    {
        var stance = DocumentStance.Of(MildlyNegative, [Mention("staff", SentimentLabel.Positive)], rating, nps);

        Assert.Equal(AuthorVerdict.Combine(MildlyNegative, rating, nps), stance);
    }
}
