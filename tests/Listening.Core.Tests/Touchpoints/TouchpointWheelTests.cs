using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;
using Listening.Core.Touchpoints;

namespace Listening.Core.Tests.Touchpoints;

public class TouchpointWheelTests
{
    private static ScoredFeedback Item(string channel, int? rating = null, int? nps = null, float sentiment = 0) => new(
        new FeedbackItem(Guid.NewGuid().ToString(), FeedbackKind.Review, "x", "B", "t", DateTimeOffset.UnixEpoch, rating, nps, Channel: channel),
        new FeedbackScores("en", new SentimentScore(SentimentLabel.Neutral, sentiment, 0, 1, 0), []));

    [Fact]
    public void Each_item_scores_0_to_10_from_its_nps_answer_else_its_stars_else_its_sentiment()
    {
        Assert.Equal(7, ChannelStats.Satisfaction(Item("a", rating: 1, nps: 7).Item, Item("a").Scores.Sentiment));
        Assert.Equal(0, ChannelStats.Satisfaction(Item("a", rating: 1).Item, Item("a").Scores.Sentiment));
        Assert.Equal(10, ChannelStats.Satisfaction(Item("a", rating: 5).Item, Item("a").Scores.Sentiment));
        Assert.Equal(7.5, ChannelStats.Satisfaction(Item("a", rating: 4).Item, Item("a").Scores.Sentiment));
        Assert.Equal(2.5, ChannelStats.Satisfaction(Item("a").Item, Item("a", sentiment: -0.5f).Scores.Sentiment), 6);
    }

    [Fact]
    public void A_spoke_is_the_mean_of_its_channel_with_an_interval_and_too_few_items_are_flagged()
    {
        var stats = new BrandStats();
        for (var i = 0; i < 40; i++) stats.Add(Item("site", rating: i % 2 == 0 ? 5 : 3));   // 10 and 5 → 7.5
        for (var i = 0; i < 10; i++) stats.Add(Item("contact_centre", nps: 2));

        var wheel = TouchpointWheel.Of(stats, minItems: 30);

        var site = wheel.Spokes.Single(s => s.Channel == "site");
        var centre = wheel.Spokes.Single(s => s.Channel == "contact_centre");
        Assert.Equal(7.5, site.Score.Value, 9);
        Assert.Equal(40, site.Score.N);
        Assert.True(site.Sufficient);
        Assert.InRange(7.5, site.Score.Low, site.Score.High);
        Assert.Equal(2, centre.Score.Value, 9);
        Assert.False(centre.Sufficient);
        Assert.Equal(0, wheel.Dent);
    }

    [Fact]
    public void A_dented_wheel_shows_the_gap_between_its_best_and_worst_spokes()
    {
        var stats = new BrandStats();
        for (var i = 0; i < 30; i++) { stats.Add(Item("app", nps: 9)); stats.Add(Item("delivery", nps: 4)); }

        Assert.Equal(5, TouchpointWheel.Of(stats).Dent, 9);
    }
}
