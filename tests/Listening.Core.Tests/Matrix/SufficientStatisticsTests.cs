using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;

namespace Listening.Core.Tests.Matrix;

public class SufficientStatisticsTests
{
    private static readonly string[] FactorIds = ["price", "delivery", "staff", "quality"];
    private static readonly Outcome[] Default = [Outcome.Rating, Outcome.Nps, Outcome.DocumentSentiment];

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

    private static ScoredFeedback Item(string id, int? rating, int? nps, float sentiment, params (string Factor, SentimentLabel Label)[] mentions) =>
        new(new FeedbackItem(id, FeedbackKind.Review, "site", "B", "t", DateTimeOffset.UnixEpoch, Rating: rating, Nps: nps),
            new FeedbackScores("en", new SentimentScore(sentiment > 0 ? SentimentLabel.Positive : sentiment < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral,
                sentiment, 0.3f, 0.4f, 0.3f), mentions.Select(m => new FactorMention(m.Factor, m.Label, 0, 0, 1)).ToList()));

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

        Outcome[][] precedences = [Default, [Outcome.Nps, Outcome.Rating], [Outcome.DocumentSentiment]];
        foreach (var merged in new[] { spanned, regrouped })
        {
            Assert.Equal(direct.Factors.Keys.Order(), merged.Factors.Keys.Order());
            foreach (var (factor, d) in direct.Factors)
            {
                var m = merged.Factors[factor];
                Assert.Equal((d.Items, d.Positive, d.Neutral, d.Negative), (m.Items, m.Positive, m.Neutral, m.Negative));
                foreach (var precedence in precedences)
                    foreach (var outcome in precedence)
                    {
                        var (a, b) = (d.Outcomes.Of(outcome, precedence), m.Outcomes.Of(outcome, precedence));
                        Assert.Equal(a.N, b.N);
                        Assert.Equal(a.SumXY, b.SumXY, 9);
                        Assert.Equal(a.SumYY, b.SumYY, 9);
                    }
            }
            foreach (var outcome in Default)
                Assert.Equal(direct.Outcomes.Of(outcome, Default).SumY, merged.Outcomes.Of(outcome, Default).SumY, 9);
            var (dt, mt) = (direct.Totals(), merged.Totals());
            Assert.Equal((dt.Items, dt.Promoters, dt.Passives, dt.Detractors, dt.Rated), (mt.Items, mt.Promoters, mt.Passives, mt.Detractors, mt.Rated));
            Assert.Equal(dt.SatisfactionSquares, mt.SatisfactionSquares, 6);
            Assert.Equal(ActionMatrixMethod.Compute("B", direct, [])["price"]!.Importance.Value,
                ActionMatrixMethod.Compute("B", merged, [])["price"]!.Importance.Value, 9);
        }
    }

    [Fact]
    public void Each_item_contributes_the_first_outcome_it_carries_on_one_scale()
    {
        var stats = new BrandStats();
        stats.Add(Item("a", 5, 10, -0.4f, ("price", SentimentLabel.Positive)));   // rating wins over NPS: (5 − 3) / 2 = 1
        stats.Add(Item("b", null, 0, 0.9f, ("price", SentimentLabel.Negative)));  // NPS: (0 − 5) / 5 = −1
        stats.Add(Item("c", null, null, 0.3f));                                   // text sentiment only: 0.3

        var rating = stats.Outcomes.Of(Outcome.Rating, Default);
        var nps = stats.Outcomes.Of(Outcome.Nps, Default);
        var text = stats.Outcomes.Of(Outcome.DocumentSentiment, Default);
        Assert.Equal((1L, 1.0), (rating.N, rating.SumY));
        Assert.Equal((1L, -1.0), (nps.N, nps.SumY));
        Assert.Equal(1L, text.N);
        Assert.Equal(0.3, text.SumY, 6);

        // Another precedence is applied to the same statistics after the fact.
        Outcome[] npsFirst = [Outcome.Nps, Outcome.Rating, Outcome.DocumentSentiment];
        Assert.Equal(2, stats.Outcomes.Of(Outcome.Nps, npsFirst).N);
        Assert.Equal(0, stats.Outcomes.Of(Outcome.Rating, npsFirst).N);
        Assert.Equal(1 * 1.0 + -1 * -1.0, stats.Factors["price"].Outcomes.Of(Outcome.Nps, npsFirst).SumXY, 9);
    }

    [Fact]
    public void Importance_is_the_correlation_over_all_items_within_each_outcome_group_combined_by_fisher_z()
    {
        var items = Items(2000, 11);
        var stats = new BrandStats();
        foreach (var item in items) stats.Add(item);

        // Directly: per group of items (by the outcome each carries first), Pearson r of the item's mean "price"
        // label (0 when not mentioned) with that outcome; then Fisher z weighted by n − 3.
        static double Pearson(List<(double X, double Y)> pairs)
        {
            double mx = pairs.Average(p => p.X), my = pairs.Average(p => p.Y);
            return pairs.Sum(p => (p.X - mx) * (p.Y - my)) /
                   Math.Sqrt(pairs.Sum(p => (p.X - mx) * (p.X - mx)) * pairs.Sum(p => (p.Y - my) * (p.Y - my)));
        }
        double X(ScoredFeedback s) => s.Scores.Factors.Any(f => f.Factor == "price")
            ? s.Scores.Factors.Where(f => f.Factor == "price").Average(f => FactorStats.LabelValue(f.Label)) : 0;
        var groups = new[]
        {
            items.Where(s => s.Item.Rating is not null).Select(s => (X(s), (s.Item.Rating!.Value - 3) / 2.0)).ToList(),
            items.Where(s => s.Item.Rating is null && s.Item.Nps is not null).Select(s => (X(s), (s.Item.Nps!.Value - 5) / 5.0)).ToList(),
            items.Where(s => s.Item.Rating is null && s.Item.Nps is null).Select(s => (X(s), (double)s.Scores.Sentiment.Score)).ToList(),
        };
        var weight = groups.Sum(g => g.Count - 3.0);
        var expected = Math.Tanh(groups.Sum(g => (g.Count - 3) * Math.Atanh(Pearson(g))) / weight);

        var price = ActionMatrixMethod.Compute("B", stats, [])["price"]!;

        Assert.Equal(expected, price.Importance.Value, 9);
        Assert.Equal(Math.Tanh(Math.Atanh(expected) - 1.96 / Math.Sqrt(weight)), price.Importance.Low, 9);
        Assert.Equal(items.Count, price.Importance.N);
        Assert.Equal([Outcome.Rating, Outcome.Nps, Outcome.DocumentSentiment], price.ImportanceBasis.Select(b => b.Outcome));
        Assert.Equal(groups.Select(g => (long)g.Count), price.ImportanceBasis.Select(b => b.Items));
        Assert.Equal(items.Count(s => s.Item.Rating is not null && s.Scores.Factors.Any(f => f.Factor == "price")), price.ImportanceBasis[0].Mentions);
        for (var g = 0; g < 3; g++) Assert.Equal(Pearson(groups[g]), price.ImportanceBasis[g].R, 9);
    }

    [Fact]
    public void A_factor_short_of_ratings_changes_nothing_for_how_the_others_are_measured()
    {
        // 300 rated reviews about price and delivery (price drives the rating), 100 unrated social posts.
        var random = new Random(5);
        var items = new List<ScoredFeedback>();
        for (var i = 0; i < 300; i++)
        {
            var price = (SentimentLabel)random.Next(3);
            var delivery = (SentimentLabel)random.Next(3);
            var rating = Math.Clamp(3 + (int)FactorStats.LabelValue(price) * 2 + random.Next(-1, 2), 1, 5);
            items.Add(Item($"r{i}", rating, null, (float)(rating - 3) / 2, ("price", price), ("delivery", delivery)));
        }
        for (var i = 0; i < 100; i++)
            items.Add(Item($"s{i}", null, null, (float)(random.NextDouble() * 2 - 1), ("delivery", (SentimentLabel)random.Next(3))));
        MatrixRules rules = new() { MinPlacedFactors = 2 };

        var before = ActionMatrixMethod.FromItems("B", items, rules: rules);
        // The same items, now also read as mentioning "waiting" in 60 of the unrated posts: a factor with enough
        // mentions and not a single star rating (a spurious one, as a loose detector would find).
        var after = ActionMatrixMethod.FromItems("B", items.Select((s, i) => i >= 300 && i < 360
            ? s with { Scores = s.Scores with { Factors = [.. s.Scores.Factors, new FactorMention("waiting", SentimentLabel.Negative, -1, 0, 1)] } }
            : s), rules: rules);

        Assert.Equal(ImportanceMeasure.OutcomeCorrelation, before.Measure);
        Assert.Equal(ImportanceMeasure.OutcomeCorrelation, after.Measure);
        Assert.NotEqual(Quadrant.Insufficient, after["waiting"]!.Quadrant);
        foreach (var factor in new[] { "price", "delivery" })
        {
            Assert.Equal(before[factor]!.Importance, after[factor]!.Importance);
            Assert.Equal(before[factor]!.ImportanceBasis, after[factor]!.ImportanceBasis);
        }
        // Price drives the rating, so it matters; and the report can say what waiting's importance rests on.
        Assert.True(after["price"]!.Importance.Low > after["delivery"]!.Importance.High);
        var waiting = after["waiting"]!.ImportanceBasis;
        Assert.Equal(0, waiting.Single(b => b.Outcome == Outcome.Rating).Mentions);
        Assert.Equal(300, waiting.Single(b => b.Outcome == Outcome.Rating).Items);
        Assert.Equal(60, waiting.Single(b => b.Outcome == Outcome.DocumentSentiment).Mentions);
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
        Assert.Equal(1.0 / 3, staff.Outcomes.Of(Outcome.Rating, Default).SumX, 9);
    }

    [Fact]
    public void Importance_falls_back_to_share_of_mentions_with_too_few_items_carrying_an_outcome()
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
        Assert.Empty(m["price"]!.ImportanceBasis);
    }

    [Fact]
    public void From_items_builds_the_matrix_the_report_aggregation_builds_leaving_spam_out()
    {
        var items = Items(1500, 13);
        var rival = Items(600, 17).Select(s => s with { Item = s.Item with { Id = "x" + s.Item.Id, Brand = "R" } }).ToList();
        var spam = Items(200, 19).Select(s => s with { Item = s.Item with { Id = "s" + s.Item.Id, Spam = "flood" } }).ToList();
        var ours = new BrandStats();
        var theirs = new BrandStats();
        foreach (var s in items) ours.Add(s);
        foreach (var s in rival) theirs.Add(s);

        var expected = ActionMatrixMethod.Compute("B", ours, [("R", theirs)]);
        var actual = ActionMatrixMethod.FromItems("b", items.Concat(rival).Concat(spam), ["R"]);

        Assert.Equal(expected.Items, actual.Items);
        Assert.Equal(expected.Crosshairs, actual.Crosshairs);
        Assert.Equal(expected.Factors.Select(f => (f.Factor, f.Quadrant, f.Importance, f.Performance, f.Weakest?.Delta)),
            actual.Factors.Select(f => (f.Factor, f.Quadrant, f.Importance, f.Performance, f.Weakest?.Delta)));
    }
}
