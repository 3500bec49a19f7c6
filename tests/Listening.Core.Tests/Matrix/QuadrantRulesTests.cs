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
    public void Clear_factors_get_one_quadrant_and_are_not_borderline()
    {
        var m = ActionMatrixMethod.Compute("B", Four(), [], ByShare);

        Assert.All(m.Factors, f =>
        {
            Assert.False(f.Borderline);
            Assert.Null(f.Alternative);
            Assert.Empty(f.Uncertain);
        });
    }

    [Fact]
    public void A_value_on_the_median_is_not_above_it_and_the_factor_is_borderline()
    {
        // Three factors: the middle one *is* the median on both axes. It is not "rated well" (nor important) by a tie.
        var stats = Brand(1000,
            ("a", 500, 450, 50),   // share 0.5, perf +0.8
            ("b", 200, 120, 60),   // share 0.2, perf +0.3  ← both medians
            ("c", 100, 10, 60));   // share 0.1, perf −0.5
        var m = ActionMatrixMethod.Compute("B", stats, [], ByShare);

        Assert.Equal(0.2, m.Crosshairs.Importance, 9);
        Assert.Equal(0.3, m.Crosshairs.Performance, 9);
        var b = m["b"]!;
        Assert.False(b.ImportanceHigh);
        Assert.False(b.PerformanceHigh);
        Assert.Equal(Quadrant.Watch, b.Quadrant);
        Assert.True(b.Borderline);
        Assert.Contains(b.Alternative!.Value, new[] { Quadrant.Fix, Quadrant.Maintain });
        Assert.Equal([MatrixAxis.Importance, MatrixAxis.Performance], b.Uncertain.Order());
    }

    [Fact]
    public void A_factor_whose_interval_straddles_a_crosshair_is_borderline_with_its_likely_quadrant_and_the_other()
    {
        // "support": share 0.23 just above the importance median 0.215, but with 230 of 1000 items its Wilson
        // interval (±0.026) reaches below it — fix or watch, most likely fix. "delivery" is as weak but clearly important.
        var stats = Brand(1000,
            ("quality", 400, 300, 20),   // 0.40, +0.70
            ("delivery", 300, 40, 200),  // 0.30, −0.53: clearly fix
            ("support", 230, 30, 160),   // 0.23, −0.57
            ("staff", 200, 150, 10),     // 0.20, +0.70
            ("website", 100, 60, 10),    // 0.10, +0.50
            ("payment", 50, 10, 30));    // 0.05, −0.40
        var m = ActionMatrixMethod.Compute("B", stats, [], ByShare);

        Assert.Equal(0.215, m.Crosshairs.Importance, 9);
        var support = m["support"]!;
        Assert.Equal(Quadrant.Fix, support.Quadrant);
        Assert.True(support.Borderline);
        Assert.Equal(Quadrant.Watch, support.Alternative);
        Assert.Equal([MatrixAxis.Importance], support.Uncertain);
        var delivery = m["delivery"]!;
        Assert.Equal(Quadrant.Fix, delivery.Quadrant);
        Assert.False(delivery.Borderline);
        // Clear before borderline within a quadrant.
        Assert.Equal(["delivery", "support"], m.Factors.Where(f => f.Quadrant == Quadrant.Fix).Select(f => f.Factor));
    }

    [Fact]
    public void A_straddled_line_that_would_not_change_the_quadrant_does_not_make_a_factor_borderline()
    {
        // "website" sits near the importance median, but it is rated above the performance median and its interval lies
        // below 0: promote is out of reach, and maintain holds on both sides of the importance line.
        var stats = Brand(1000,
            ("quality", 400, 300, 20),   // 0.40, +0.70
            ("delivery", 300, 40, 200),  // 0.30, −0.53
            ("website", 230, 40, 63),    // 0.23, −0.10 [−0.19; −0.01]: above the performance median −0.30, below 0
            ("staff", 200, 40, 60),      // 0.20, −0.10
            ("payment", 100, 10, 60),    // 0.10, −0.50
            ("returns", 50, 5, 40));     // 0.05, −0.70
        var m = ActionMatrixMethod.Compute("B", stats, [], ByShare);

        var website = m["website"]!;
        Assert.True(website.Importance.Straddles(m.Crosshairs.Importance));
        Assert.True(website.PerformanceHigh);
        Assert.False(website.Performance.Straddles(m.Crosshairs.Performance));
        Assert.False(website.ClearlyPositive);
        Assert.Equal(Quadrant.Maintain, website.Quadrant);
        Assert.False(website.Borderline);
    }

    [Fact]
    public void Promote_needs_customers_clearly_positive_the_performance_interval_above_zero()
    {
        // Performance median −0.30: "quality" at +0.05 is above it, important — but its interval [−0.03; +0.13]
        // includes 0, so it is maintained, not advertised; whether customers are clearly positive is exactly what the
        // interval cannot tell, so it is borderline between maintain and promote, on performance.
        var stats = Brand(1000,
            ("quality", 400, 120, 100),  // 0.40, +0.05
            ("delivery", 300, 60, 180),  // 0.30, −0.40
            ("website", 100, 10, 60),    // 0.10, −0.50
            ("payment", 50, 10, 20));    // 0.05, −0.20
        var m = ActionMatrixMethod.Compute("B", stats, [], ByShare);

        var quality = m["quality"]!;
        Assert.True(quality.ImportanceHigh);
        Assert.True(quality.PerformanceHigh);
        Assert.False(quality.ClearlyPositive);
        Assert.Equal(Quadrant.Maintain, quality.Quadrant);
        Assert.True(quality.Borderline);
        Assert.Equal(Quadrant.Promote, quality.Alternative);
        Assert.Equal([MatrixAxis.Performance], quality.Uncertain);

        // Rated above the median but clearly not positive (interval below 0): maintain, and promote is out of reach.
        var negative = Brand(1000,
            ("quality", 400, 100, 140),  // 0.40, −0.10 [−0.18; −0.02]
            ("delivery", 300, 60, 180),  // 0.30, −0.40
            ("website", 100, 10, 60),    // 0.10, −0.50
            ("payment", 50, 10, 20));    // 0.05, −0.20
        var firm = ActionMatrixMethod.Compute("B", negative, [], ByShare)["quality"]!;
        Assert.Equal(Quadrant.Maintain, firm.Quadrant);
        Assert.False(firm.Borderline);

        // The threshold is configuration.
        var lenient = ActionMatrixMethod.Compute("B", stats, [], ByShare with { PromoteAbove = -0.5 });
        Assert.Equal(Quadrant.Promote, lenient["quality"]!.Quadrant);
    }

    [Fact]
    public void A_difference_within_the_margin_is_on_the_line_however_many_items()
    {
        // A million items: intervals of ±0.001. "b" at 0.443 against a median of 0.440 is clear by its interval,
        // but a third-decimal difference decides nothing.
        var stats = Brand(1_000_000,
            ("a", 600_000, 500_000, 10_000),
            ("b", 443_000, 100_000, 200_000),
            ("c", 437_000, 300_000, 10_000),
            ("d", 200_000, 10_000, 100_000));
        var m = ActionMatrixMethod.Compute("B", stats, [], ByShare);
        var strict = ActionMatrixMethod.Compute("B", stats, [], ByShare with { Margin = 0 });

        Assert.Equal(0.44, m.Crosshairs.Importance, 9);
        Assert.False(m["b"]!.Importance.Straddles(0.44));
        Assert.False(m["b"]!.ImportanceHigh);
        Assert.True(m["b"]!.Borderline);
        Assert.Contains(MatrixAxis.Importance, m["b"]!.Uncertain);
        Assert.True(strict["b"]!.ImportanceHigh);
        Assert.DoesNotContain(MatrixAxis.Importance, strict["b"]!.Uncertain);
    }

    [Fact]
    public void With_fewer_than_three_placed_factors_there_are_no_medians_and_no_quadrants()
    {
        // One factor would sit on both its own medians and be called anything: no single dot labelled "promote".
        var one = ActionMatrixMethod.Compute("R", Brand(1000, ("price", 400, 390, 2), ("staff", 10, 0, 10)), [], ByShare);
        var two = ActionMatrixMethod.Compute("R", Brand(1000, ("price", 400, 390, 2), ("quality", 300, 10, 280)), [], ByShare);

        foreach (var m in new[] { one, two })
        {
            Assert.False(m.HasQuadrants);
            Assert.True(double.IsNaN(m.Crosshairs.Importance));
            Assert.All(m.Factors, f => Assert.Equal(Quadrant.Insufficient, f.Quadrant));
        }
        Assert.Equal(Unplaced.TooFewFactors, one["price"]!.Unplaced);
        Assert.Equal(Unplaced.TooFewMentions, one["staff"]!.Unplaced);
        Assert.Equal(0.97, one["price"]!.Performance.Value, 2);
        // Three are enough, and the minimum is configuration.
        Assert.True(ActionMatrixMethod.Compute("R", Brand(1000, ("price", 400, 390, 2), ("quality", 300, 10, 280), ("staff", 100, 50, 20)), [], ByShare).HasQuadrants);
        Assert.True(ActionMatrixMethod.Compute("R", Brand(1000, ("price", 400, 390, 2), ("quality", 300, 10, 280)), [], ByShare with { MinPlacedFactors = 2 }).HasQuadrants);
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
        Assert.False(quality.Borderline);
        Assert.False(quality.Ahead);
        Assert.Equal("Rival", quality.Weakest!.Competitor);
        Assert.Equal(-0.2, quality.Weakest.Delta.Value, 9);
    }

    [Fact]
    public void Promote_needs_an_edge_over_every_competitor_with_enough_mentions()
    {
        var behind = Brand(1000, ("quality", 300, 150, 30));  // +0.40: we lead by 0.2
        var ahead = Brand(1000, ("quality", 300, 200, 5));    // +0.65: they lead by 0.05
        var tooFew = Brand(1000, ("quality", 9, 9, 0));       // +1.00 but n < 10 (MinCompetitorMentions): ignored

        var leading = ActionMatrixMethod.Compute("B", Four(), [("X", behind), ("Z", tooFew)], ByShare)["quality"]!;
        var trailing = ActionMatrixMethod.Compute("B", Four(), [("X", behind), ("Y", ahead)], ByShare)["quality"]!;

        Assert.Equal(Quadrant.Promote, leading.Quadrant);
        Assert.False(leading.Borderline);
        Assert.Single(leading.Competitors);
        Assert.Equal(Quadrant.Maintain, trailing.Quadrant);
        Assert.Equal("Y", trailing.Weakest!.Competitor);
        // They lead by 0.05 only: within the Δ interval, so promote stays possible — borderline, not certain.
        Assert.True(trailing.Borderline);
        Assert.Equal(Quadrant.Promote, trailing.Alternative);
        Assert.Equal([MatrixAxis.CompetitorEdge], trailing.Uncertain);
    }

    [Fact]
    public void A_rival_with_twenty_clearly_happier_mentions_keeps_a_strength_out_of_promote()
    {
        // Twenty mentions: below the 30 a quadrant needs, above the 10 a Δ needs — enough to say "no edge to advertise".
        var happier = Brand(1000, ("quality", 20, 19, 0));

        var position = ActionMatrixMethod.Compute("B", Four(), [("X", happier)], ByShare)["quality"]!;

        Assert.Equal("X", position.Weakest!.Competitor);
        Assert.True(position.Weakest.Delta.Value < 0);
        Assert.Equal(Quadrant.Maintain, position.Quadrant);
    }

    [Fact]
    public void A_lower_quadrant_minimum_lowers_what_a_competitor_needs_for_delta_too()
    {
        var rules = MatrixRules.Default with { MinMentions = 5 };

        Assert.Equal(5, rules.CompetitorMentionsForDelta);
        Assert.Equal(10, MatrixRules.Default.CompetitorMentionsForDelta);
    }

    [Fact]
    public void Fix_lists_factors_behind_a_competitor_first_then_by_importance_times_gap()
    {
        // Ten factors: the importance median is (0.24 + 0.05) / 2, the performance median (+0.43 + +0.63) / 2 = +0.53.
        var stats = Brand(1000,
            ("quality", 400, 300, 20),  // 0.40, +0.70
            ("staff", 350, 250, 30),    // 0.35, +0.63
            ("delivery", 300, 90, 150), // 0.30, −0.20: priority 0.30 × 0.73 ≈ 0.22
            ("price", 250, 90, 110),    // 0.25, −0.08: smallest gap, but behind the rival
            ("support", 240, 30, 170),  // 0.24, −0.58: priority 0.24 × 1.11 ≈ 0.27
            ("website", 50, 40, 0),
            ("cleanliness", 45, 30, 0),
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
