using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Nps;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Nps;

public class NetPromoterScoreTests
{
    [Fact]
    public void Promoters_are_9_and_10_passives_7_and_8_detractors_0_to_6()
    {
        var nps = NetPromoterScore.FromAnswers([10, 9, 8, 7, 6, 0]);

        Assert.Equal((2, 2, 2), (nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(0, nps.Score.Value, 9);
        Assert.Equal(6, nps.N);
    }

    [Fact]
    public void Nps_is_percent_promoters_minus_percent_detractors()
    {
        Assert.Equal(50, NetPromoterScore.FromAnswers([10, 10, 10, 0]).Score.Value, 9);
        Assert.Equal(-100, NetPromoterScore.FromAnswers([0, 3, 6]).Score.Value, 9);
        Assert.Equal(100, NetPromoterScore.FromAnswers([9, 10]).Score.Value, 9);
        Assert.Equal(-25, NetPromoterScore.FromAnswers([9, 7, 8, 6, 5, 5, 8, 8]).Score.Value, 9);
    }

    [Fact]
    public void The_interval_contains_the_score_stays_within_bounds_and_narrows_with_more_answers()
    {
        var small = NetPromoterScore.From(6, 2, 2);
        var large = NetPromoterScore.From(600, 200, 200);

        Assert.Equal(40, small.Score.Value, 9);
        Assert.InRange(small.Score.Value, small.Score.Low, small.Score.High);
        Assert.InRange(small.Score.Low, -100, 100);
        Assert.InRange(small.Score.High, -100, 100);
        Assert.True(large.Score.High - large.Score.Low < (small.Score.High - small.Score.Low) / 5);
        // 95 % normal interval for 1000 answers: 40 ± 1.96 · √((0.8 − 0.16) / 1000) · 100 ≈ ± 4.96.
        Assert.Equal(40 - 4.96, large.Score.Low, 1);
    }

    [Fact]
    public void No_answers_give_no_score_rather_than_zero()
    {
        var nps = NetPromoterScore.From(0, 0, 0);
        Assert.Equal(0, nps.N);
        Assert.True(double.IsNaN(nps.Score.Value));
    }

    [Fact]
    public void An_answer_outside_0_to_10_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NetPromoterScore.FromAnswers([11]));
    }

    [Fact]
    public void Nps_is_broken_down_per_channel_from_the_aggregates()
    {
        var stats = new BrandStats();
        void Add(string channel, int? nps) => stats.Add(new ScoredFeedback(
            new FeedbackItem(Guid.NewGuid().ToString(), FeedbackKind.Survey, "survey", "B", "t", DateTimeOffset.UnixEpoch, Nps: nps, Channel: channel),
            new FeedbackScores("en", SentimentScore.FromProbabilities(0, 1, 0), [])));
        Add("app", 10); Add("app", 9); Add("app", 3);
        Add("contact_centre", 2); Add("contact_centre", 8);
        Add("site", null);

        var breakdown = NpsBreakdown.Of("B", stats);

        Assert.Equal(5, breakdown.Overall.N);
        Assert.Equal(0, breakdown.Overall.Score.Value, 9);
        Assert.Equal(["app", "contact_centre"], breakdown.ByChannel.Select(c => c.Channel));
        Assert.Equal(100.0 / 3, breakdown.ByChannel[0].Nps.Score.Value, 9);
        Assert.Equal(-50, breakdown.ByChannel[1].Nps.Score.Value, 9);
    }
}
