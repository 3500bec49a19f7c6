using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Matrix;

public class SufficientStatisticsTests
{
    private static readonly string[] FactorIds = ["price", "delivery", "staff", "quality"];

    private static List<ScoredFeedback> Items(int count, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, count).Select(i =>
        {
            var mentions = FactorIds.Where(_ => random.NextDouble() < 0.5)
                .Select(f => new FactorMention(f, (SentimentLabel)random.Next(3), 0.5f, 0, 5)).ToList();
            if (random.NextDouble() < 0.2 && mentions.Count > 0) mentions.Add(mentions[0] with { Label = SentimentLabel.Positive });
            var item = new FeedbackItem($"i{i}", FeedbackKind.Review, "site", "B", "text", start.AddHours(random.Next(24 * 20)),
                Rating: random.NextDouble() < 0.7 ? random.Next(1, 6) : null, Nps: random.NextDouble() < 0.4 ? random.Next(0, 11) : null,
                Channel: random.NextDouble() < 0.5 ? "app" : "site");
            var score = (float)(random.NextDouble() * 2 - 1);
            return new ScoredFeedback(item, new FeedbackScores("en", new SentimentScore((SentimentLabel)random.Next(3), score, 0.3f, 0.3f, 0.4f), mentions));
        }).ToList();
    }

    [Fact]
    public void Merging_per_day_statistics_in_any_grouping_equals_folding_every_item_once()
    {
        var items = Items(3000, 7);
        var direct = new BrandStats();
        foreach (var item in items) direct.Add(item);

        // Per day, then merged in two different groupings and orders.
        var perDay = new FeedbackAggregates();
        foreach (var item in items) perDay.Add(item);
        var spanned = perDay.Span("B", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));
        var halves = new[] { new FeedbackAggregates(), new FeedbackAggregates() };
        foreach (var (item, i) in items.Select((x, i) => (x, i))) halves[i % 2].Add(item);
        halves[1].Merge(halves[0]);
        var regrouped = halves[1].Span("b", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        foreach (var merged in new[] { spanned, regrouped })
        {
            Assert.Equal(direct.Factors.Keys.Order(), merged.Factors.Keys.Order());
            foreach (var (factor, d) in direct.Factors)
            {
                var m = merged.Factors[factor];
                Assert.Equal((d.Items, d.Positive, d.Neutral, d.Negative), (m.Items, m.Positive, m.Neutral, m.Negative));
                foreach (var outcome in new[] { Outcome.Rating, Outcome.Nps, Outcome.DocumentSentiment })
                {
                    Assert.Equal(d.With(outcome).N, m.With(outcome).N);
                    Assert.Equal(d.With(outcome).SumXY, m.With(outcome).SumXY, 9);
                    Assert.Equal(d.With(outcome).Correlation(), m.With(outcome).Correlation(), 9);
                }
            }
            var (dt, mt) = (direct.Totals(), merged.Totals());
            Assert.Equal((dt.Items, dt.Promoters, dt.Passives, dt.Detractors, dt.Rated), (mt.Items, mt.Promoters, mt.Passives, mt.Detractors, mt.Rated));
            Assert.Equal(dt.SatisfactionSquares, mt.SatisfactionSquares, 6);
        }
    }

    [Fact]
    public void Correlation_from_moments_equals_pearson_computed_directly()
    {
        var items = Items(2000, 11);
        var stats = new BrandStats();
        foreach (var item in items) stats.Add(item);

        // Direct: per item, the mean label of its "price" mentions against (rating − 3) / 2.
        var pairs = items
            .Where(s => s.Item.Rating is not null && s.Scores.Factors.Any(f => f.Factor == "price"))
            .Select(s => (X: s.Scores.Factors.Where(f => f.Factor == "price").Average(f => FactorStats.LabelValue(f.Label)),
                          Y: (s.Item.Rating!.Value - 3) / 2.0))
            .ToList();
        double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
        var r = pairs.Sum(p => (p.X - mx) * (p.Y - my)) /
                Math.Sqrt(pairs.Sum(p => (p.X - mx) * (p.X - mx)) * pairs.Sum(p => (p.Y - my) * (p.Y - my)));

        Assert.Equal(pairs.Count, stats.Factors["price"].WithRating.N);
        Assert.Equal(r, stats.Factors["price"].WithRating.Correlation(), 9);
    }

    [Fact]
    public void An_item_mentioning_a_factor_twice_counts_once_with_its_mean_sentiment()
    {
        var item = new FeedbackItem("x", FeedbackKind.Review, "site", "B", "t", DateTimeOffset.UnixEpoch, Rating: 5);
        var stats = new BrandStats();
        stats.Add(new ScoredFeedback(item, new FeedbackScores("en", SentimentScore.FromProbabilities(0, 0, 1),
            [new FactorMention("staff", SentimentLabel.Positive, 1, 0, 1), new FactorMention("STAFF", SentimentLabel.Negative, -1, 2, 1),
             new FactorMention("staff", SentimentLabel.Positive, 1, 4, 1)])));

        var staff = stats.Factors["staff"];
        Assert.Equal(1, staff.Items);
        Assert.Equal(1, staff.Positive);
        Assert.Equal(1.0 / 3, staff.WithRating.SumX, 9);
    }

    [Fact]
    public void Importance_is_the_rating_correlation_when_every_placed_factor_has_enough_rated_items()
    {
        var stats = new BrandStats();
        var random = new Random(3);
        for (var i = 0; i < 400; i++)
        {
            // Price sentiment drives the rating; delivery sentiment is noise.
            var price = (SentimentLabel)random.Next(3);
            var delivery = (SentimentLabel)random.Next(3);
            var rating = Math.Clamp(3 + (int)FactorStats.LabelValue(price) * 2 + (random.NextDouble() < 0.2 ? random.Next(-1, 2) : 0), 1, 5);
            var item = new FeedbackItem($"r{i}", FeedbackKind.Review, "site", "B", "t", DateTimeOffset.UnixEpoch, Rating: rating);
            stats.Add(new ScoredFeedback(item, new FeedbackScores("en", SentimentScore.FromProbabilities(0.3f, 0.4f, 0.3f),
                [new FactorMention("price", price, 0, 0, 1), new FactorMention("delivery", delivery, 0, 0, 1)])));
        }

        var m = ActionMatrixMethod.Compute("B", stats, []);

        Assert.Equal(ImportanceMeasure.RatingCorrelation, m.Measure);
        Assert.True(m["price"]!.Importance.Value > 0.8);
        Assert.True(Math.Abs(m["delivery"]!.Importance.Value) < 0.2);
        Assert.True(m["price"]!.Importance.Low > m["delivery"]!.Importance.High);
    }

    [Fact]
    public void Importance_falls_back_to_share_of_mentions_with_too_few_rated_items()
    {
        var stats = new BrandStats();
        for (var i = 0; i < 100; i++)
        {
            var item = new FeedbackItem($"m{i}", FeedbackKind.Mention, "social", "B", "t", DateTimeOffset.UnixEpoch, Rating: i < 10 ? 5 : null);
            stats.Add(new ScoredFeedback(item, new FeedbackScores("en", SentimentScore.FromProbabilities(0.3f, 0.4f, 0.3f),
                [new FactorMention("price", (SentimentLabel)(i % 3), 0, 0, 1)])));
        }

        var m = ActionMatrixMethod.Compute("B", stats, [], new MatrixRules { Outcomes = [Outcome.Rating, Outcome.Nps] });

        Assert.Equal(ImportanceMeasure.ShareOfMentions, m.Measure);
        Assert.Equal(1.0, m["price"]!.Importance.Value, 9);
    }
}
