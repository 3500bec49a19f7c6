using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Sentiment;

public sealed class AuthorVerdictTests
{
    [Fact]
    public void A_text_read_mildly_against_its_five_stars_follows_the_stars()
    {
        var text = SentimentScore.FromProbabilities(0.65f, 0.15f, 0.20f); // −0.45: "Slick app. Reordering takes ten seconds."

        var combined = AuthorVerdict.Combine(text, rating: 5, nps: null);

        Assert.Equal(SentimentLabel.Positive, combined.Label);
        Assert.True(combined.Score > 0);
    }

    [Fact]
    public void A_text_the_model_is_sure_of_keeps_its_side_against_the_stars()
    {
        // The labelling guideline: a 5-star review that only complains is negative.
        var text = SentimentScore.FromProbabilities(0.985f, 0.01f, 0.005f);

        Assert.Equal(SentimentLabel.Negative, AuthorVerdict.Combine(text, rating: 5, nps: null).Label);
    }

    [Fact]
    public void Three_stars_pull_a_mixed_reading_to_neutral_and_one_star_to_negative()
    {
        var mixed = SentimentScore.FromProbabilities(0.40f, 0.25f, 0.35f);

        Assert.Equal(SentimentLabel.Neutral, AuthorVerdict.Combine(mixed, rating: 3, nps: null).Label);
        Assert.Equal(SentimentLabel.Negative, AuthorVerdict.Combine(SentimentScore.FromProbabilities(0.30f, 0.20f, 0.50f), rating: 1, nps: null).Label);
    }

    [Theory]
    [InlineData(10, SentimentLabel.Positive)]
    [InlineData(8, SentimentLabel.Neutral)]
    [InlineData(6, SentimentLabel.Negative)]
    [InlineData(0, SentimentLabel.Negative)]
    public void An_nps_answer_counts_by_promoter_passive_and_detractor(int nps, SentimentLabel expected)
    {
        var unsure = SentimentScore.FromProbabilities(0.34f, 0.33f, 0.33f);

        Assert.Equal(expected, AuthorVerdict.Combine(unsure, rating: null, nps: nps).Label);
    }

    [Fact]
    public void The_rating_is_used_before_the_nps_answer()
    {
        var unsure = SentimentScore.FromProbabilities(0.34f, 0.33f, 0.33f);

        Assert.Equal(SentimentLabel.Positive, AuthorVerdict.Combine(unsure, rating: 5, nps: 0).Label);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0, null)]
    [InlineData(6, null)]
    [InlineData(null, 11)]
    public void Without_a_score_in_range_the_text_alone_decides(int? rating, int? nps)
    {
        var text = SentimentScore.FromProbabilities(0.6f, 0.1f, 0.3f);

        Assert.Same(text, AuthorVerdict.Combine(text, rating, nps));
    }
}
