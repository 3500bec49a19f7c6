using Listening.Core.Matrix;
using static Listening.Core.Tests.Matrix.MatrixData;

namespace Listening.Core.Tests.Matrix;

public class QuadrantRulesTests
{
    // 1000 items; shares 0.40 / 0.30 / 0.10 / 0.05 → importance median 0.20;
    // performance +0.6 / −0.4 / +0.5 / −0.2 → median +0.15.
    private static BrandStats Four() => Brand(1000,
        ("quality", 400, 280, 40),    // share 0.40, perf +0.60 → promote
        ("delivery", 300, 60, 180),   // share 0.30, perf −0.40 → fix
        ("website", 100, 60, 10),     // share 0.10, perf +0.50 → maintain
        ("payment", 50, 10, 20));     // share 0.05, perf −0.20 → watch

    [Fact]
    public void Each_factor_lands_in_the_quadrant_the_rules_give()
    {
        var m = ActionMatrixMethod.Compute("B", Four(), [], ByShare);

        Assert.Equal(ImportanceMeasure.ShareOfMentions, m.Measure);
        Assert.Equal(0.20, m.Crosshairs.Importance, 9);
        Assert.Equal(0.15, m.Crosshairs.Performance, 9);
        Assert.Equal(Quadrant.Promote, m["quality"]!.Quadrant);
        Assert.Equal(Quadrant.Fix, m["delivery"]!.Quadrant);
        Assert.Equal(Quadrant.Maintain, m["website"]!.Quadrant);
        Assert.Equal(Quadrant.Watch, m["payment"]!.Quadrant);
        Assert.Equal(["delivery", "quality", "website", "payment"], m.Factors.Select(f => f.Factor));
    }

    [Fact]
    public void No_competitor_data_counts_as_ahead_for_promote()
    {
        var quality = ActionMatrixMethod.Compute("B", Four(), [], ByShare)["quality"]!;

        Assert.Null(quality.Ahead);
        Assert.Null(quality.Weakest);
        Assert.Equal(Quadrant.Promote, quality.Quadrant);
    }

    [Fact]
    public void A_value_equal_to_the_median_counts_as_at_or_above()
    {
        // Three factors: the middle one *is* the median on both axes.
        var stats = Brand(1000,
            ("a", 500, 450, 50),   // share 0.5, perf +0.8
            ("b", 200, 120, 60),   // share 0.2, perf +0.3  ← both medians
            ("c", 100, 10, 60));   // share 0.1, perf −0.5
        var m = ActionMatrixMethod.Compute("B", stats, [], ByShare);

        Assert.Equal(0.2, m.Crosshairs.Importance, 9);
        Assert.Equal(0.3, m.Crosshairs.Performance, 9);
        var b = m["b"]!;
        Assert.True(b.ImportanceHigh);
        Assert.True(b.PerformanceHigh);
        Assert.Equal(Quadrant.Promote, b.Quadrant);
    }

    [Fact]
    public void A_factor_below_the_minimum_is_insufficient_and_does_not_move_the_crosshairs()
    {
        var withRare = Four();
        withRare.Factors["parking"] = new FactorStats { Items = 29, Negative = 29 };
        var m = ActionMatrixMethod.Compute("B", withRare, [], ByShare);
        var without = ActionMatrixMethod.Compute("B", Four(), [], ByShare);

        var parking = m["parking"]!;
        Assert.Equal(Quadrant.Insufficient, parking.Quadrant);
        Assert.Equal(29, parking.N);
        Assert.Equal(without.Crosshairs, m.Crosshairs);
        Assert.Equal(Quadrant.Insufficient, m.Factors[^1].Quadrant);
    }

    [Fact]
    public void The_minimum_is_configuration()
    {
        var withRare = Four();
        withRare.Factors["parking"] = new FactorStats { Items = 29, Negative = 29 };

        var m = ActionMatrixMethod.Compute("B", withRare, [], ByShare with { MinMentions = 20 });

        Assert.NotEqual(Quadrant.Insufficient, m["parking"]!.Quadrant);
        Assert.Equal(5, m.Crosshairs.Factors);
    }

    [Fact]
    public void A_competitor_ahead_on_a_strength_turns_promote_into_maintain()
    {
        var rival = Brand(1000, ("quality", 300, 250, 10)); // perf +0.80 > our +0.60
        var m = ActionMatrixMethod.Compute("B", Four(), [("Rival", rival)], ByShare);

        var quality = m["quality"]!;
        Assert.Equal(Quadrant.Maintain, quality.Quadrant);
        Assert.False(quality.Ahead);
        Assert.Equal("Rival", quality.Weakest!.Competitor);
        Assert.Equal(-0.2, quality.Weakest.Delta.Value, 9);
    }

    [Fact]
    public void Promote_needs_an_edge_over_every_competitor_with_enough_mentions()
    {
        var behind = Brand(1000, ("quality", 300, 150, 30));  // +0.40: we lead by 0.2
        var ahead = Brand(1000, ("quality", 300, 200, 5));    // +0.65: they lead by 0.05
        var tooFew = Brand(1000, ("quality", 10, 10, 0));     // +1.00 but n < 30: ignored

        var leading = ActionMatrixMethod.Compute("B", Four(), [("X", behind), ("Z", tooFew)], ByShare)["quality"]!;
        var trailing = ActionMatrixMethod.Compute("B", Four(), [("X", behind), ("Y", ahead)], ByShare)["quality"]!;

        Assert.Equal(Quadrant.Promote, leading.Quadrant);
        Assert.Single(leading.Competitors);
        Assert.Equal(Quadrant.Maintain, trailing.Quadrant);
        Assert.Equal("Y", trailing.Weakest!.Competitor);
    }

    [Fact]
    public void Fix_lists_factors_behind_a_competitor_first_then_by_importance_times_gap()
    {
        // Nine factors: the importance median is the 5th share (0.24), the performance median +0.43.
        var stats = Brand(1000,
            ("quality", 400, 300, 20),  // 0.40, +0.70
            ("staff", 350, 250, 30),    // 0.35, +0.63
            ("delivery", 300, 90, 150), // 0.30, −0.20: priority 0.30 × 0.63 ≈ 0.19
            ("price", 250, 90, 110),    // 0.25, −0.08: smallest gap, but behind the rival
            ("support", 240, 30, 170),  // 0.24, −0.58: priority 0.24 × 1.01 ≈ 0.24
            ("website", 50, 40, 0),
            ("payment", 40, 30, 0),
            ("loyalty", 35, 20, 5),
            ("returns", 30, 0, 20));
        var rival = Brand(1000, ("price", 300, 150, 30));
        var m = ActionMatrixMethod.Compute("B", stats, [("Rival", rival)], ByShare);

        var fix = m.Factors.Where(f => f.Quadrant == Quadrant.Fix).Select(f => f.Factor).ToList();
        Assert.Equal(["price", "support", "delivery"], fix);
        var support = m["support"]!;
        var delivery = m["delivery"]!;
        Assert.True(support.Priority > delivery.Priority);
        Assert.Equal(support.Importance.Value * (m.Crosshairs.Performance - support.Performance.Value), support.Priority, 9);
    }

    [Fact]
    public void A_move_is_held_back_while_the_interval_straddles_the_crosshair()
    {
        // Previous period: "website" clearly weak → watch.
        var before = ActionMatrixMethod.Compute("B", Brand(1000,
            ("quality", 400, 280, 40), ("delivery", 300, 60, 180), ("website", 100, 20, 50), ("payment", 50, 10, 20)), [], ByShare);
        Assert.Equal(Quadrant.Watch, before["website"]!.Quadrant);

        // Now: 35 mentions at +0.20, just above the new median of 0 — but ±0.25 wide, so not a real move.
        var now = ActionMatrixMethod.Compute("B", Brand(1000,
            ("quality", 400, 280, 40), ("delivery", 300, 60, 180), ("website", 35, 14, 7), ("payment", 50, 10, 20)), [], ByShare, before);

        var website = now["website"]!;
        Assert.Equal(Quadrant.Maintain, website.RawQuadrant);
        Assert.Equal(Quadrant.Watch, website.Quadrant);
        Assert.Equal([MatrixAxis.Performance], website.HeldOn);
        Assert.True(website.Performance.Straddles(now.Crosshairs.Performance));
        Assert.False(website.Changed);
    }

    [Fact]
    public void A_move_whose_interval_clears_the_crosshair_is_shown()
    {
        var before = ActionMatrixMethod.Compute("B", Brand(1000,
            ("quality", 400, 280, 40), ("delivery", 300, 60, 180), ("website", 100, 20, 50), ("payment", 50, 10, 20)), [], ByShare);

        var now = ActionMatrixMethod.Compute("B", Brand(1000,
            ("quality", 400, 280, 40), ("delivery", 300, 60, 180), ("website", 100, 80, 5), ("payment", 50, 10, 20)), [], ByShare, before);

        var website = now["website"]!;
        Assert.Equal(Quadrant.Maintain, website.Quadrant);
        Assert.Equal(Quadrant.Watch, website.PreviousQuadrant);
        Assert.Empty(website.HeldOn);
        Assert.True(website.Changed);
    }

    [Fact]
    public void No_factor_with_enough_mentions_gives_no_quadrants_at_all()
    {
        var m = ActionMatrixMethod.Compute("B", Brand(100, ("quality", 10, 8, 1), ("price", 5, 0, 5)), [], ByShare);

        Assert.All(m.Factors, f => Assert.Equal(Quadrant.Insufficient, f.Quadrant));
        Assert.Equal(0, m.Crosshairs.Factors);
        Assert.True(double.IsNaN(m.Crosshairs.Performance));
    }
}
