using Listening.Core.Alerts;

namespace Listening.Core.Tests.Alerts;

/// <summary>The spike rule on synthetic daily series with known spikes and known quiet stretches.</summary>
public class NegativeSpikeTests
{
    /// <summary>Poisson draws (Knuth), seeded: the same series on every run.</summary>
    private static long Poisson(Random random, double lambda)
    {
        double limit = Math.Exp(-lambda), product = random.NextDouble();
        long k = 0;
        while (product > limit) { k++; product *= random.NextDouble(); }
        return k;
    }

    /// <summary>Scans a daily series the way the alert job does: each day against the 28 days before it.</summary>
    private static List<int> SpikeDays(IReadOnlyList<long> days, SpikeRule? rule = null)
    {
        var found = new List<int>();
        for (var d = 0; d < days.Count; d++)
        {
            var baseline = days.Skip(Math.Max(0, d - 28)).Take(Math.Min(d, 28)).ToList();
            if (NegativeSpike.Evaluate(days[d], baseline, 1, rule ?? SpikeRule.Default).IsSpike) found.Add(d);
        }
        return found;
    }

    [Fact]
    public void The_poisson_tail_matches_known_values()
    {
        Assert.Equal(0.0011025, PoissonTail.AtLeast(10, 3), 6);          // 1 − CDF(9; 3)
        Assert.Equal(1 - Math.Exp(-2.5), PoissonTail.AtLeast(1, 2.5), 12);
        Assert.Equal(0.5188083, PoissonTail.AtLeast(50, 50), 6);          // 1 − CDF(49; 50)
        Assert.Equal(1, PoissonTail.AtLeast(0, 4));
        Assert.True(PoissonTail.AtLeast(400, 100) < 1e-60);
    }

    [Fact]
    public void A_quiet_year_of_ordinary_days_raises_no_alert_and_a_known_spike_raises_one_on_its_day()
    {
        var random = new Random(7);
        // A brand with about 6 complaints a day, more at weekends: a year of it, with one bad day (day 200).
        var days = Enumerable.Range(0, 365).Select(d => Poisson(random, d % 7 >= 5 ? 9 : 5)).ToList();
        var quietAlerts = SpikeDays(days); Assert.True(quietAlerts.Count == 0, string.Join("; ", quietAlerts.Select(d => $"day {d}: {days[d]} vs {string.Join(",", days.Skip(d - 28).Take(28))}")));

        days[200] = 41;
        Assert.Equal([200], SpikeDays(days));
    }

    [Fact]
    public void Three_complaints_at_night_are_not_a_crisis_even_for_a_brand_that_almost_never_gets_any()
    {
        var quiet = Enumerable.Repeat(0L, 28).ToList();
        quiet[5] = 1;

        var night = NegativeSpike.Evaluate(3, quiet, 1, SpikeRule.Default);
        var storm = NegativeSpike.Evaluate(12, quiet, 1, SpikeRule.Default);

        Assert.Equal(SpikeVerdict.TooFew, night.Verdict);
        Assert.Equal(SpikeVerdict.Spike, storm.Verdict);
        Assert.True(storm.PValue < 1e-10);
    }

    [Fact]
    public void A_big_brand_needs_a_real_multiple_of_its_usual_level_not_just_more_than_ten()
    {
        var random = new Random(11);
        var baseline = Enumerable.Range(0, 28).Select(_ => Poisson(random, 200)).ToList();

        Assert.Equal(SpikeVerdict.SmallRise, NegativeSpike.Evaluate(260, baseline, 1, SpikeRule.Default).Verdict);
        Assert.Equal(SpikeVerdict.Spike, NegativeSpike.Evaluate(520, baseline, 1, SpikeRule.Default).Verdict);
    }

    [Fact]
    public void A_brand_whose_days_swing_widely_is_tested_against_its_own_spread()
    {
        // Campaign days every week: the daily counts are far more variable than Poisson (dispersion ≫ 1).
        var swinging = Enumerable.Range(0, 28).Select(d => d % 7 == 0 ? 40L : 4L).ToList();

        var test = NegativeSpike.Evaluate(38, swinging, 1, SpikeRule.Default);

        Assert.True(test.Dispersion > 5, $"dispersion {test.Dispersion}");
        Assert.Equal(SpikeVerdict.WithinNoise, test.Verdict); // a plain Poisson test would call this a spike
        Assert.True(PoissonTail.AtLeast(38, test.Expected) < 1e-6);
    }

    [Fact]
    public void A_new_brand_cannot_spike_against_less_than_a_week_of_history()
    {
        Assert.Equal(SpikeVerdict.NotEnoughHistory, NegativeSpike.Evaluate(50, [1, 0, 2], 1, SpikeRule.Default).Verdict);
    }

    [Fact]
    public void A_shorter_window_is_compared_with_the_daily_rate_scaled_to_its_length()
    {
        var baseline = Enumerable.Repeat(24L, 28).ToList();

        var sixHours = NegativeSpike.Evaluate(30, baseline, 0.25, SpikeRule.Default);

        Assert.Equal(6.0, sixHours.Expected, 1);
        Assert.True(sixHours.IsSpike);
        Assert.False(NegativeSpike.Evaluate(30, baseline, 1, SpikeRule.Default).IsSpike);
    }
}

public class FactorCollapseTests
{
    [Fact]
    public void A_competitor_factor_falling_from_praise_to_complaints_is_a_collapse()
    {
        var before = new PolarityCounts(Positive: 120, Neutral: 40, Negative: 40);
        var now = new PolarityCounts(Positive: 8, Neutral: 6, Negative: 26);

        var test = FactorCollapse.Evaluate(now, before, CollapseRule.Default);

        Assert.True(test.IsCollapse);
        Assert.Equal(0.4, test.Before, 3);
        Assert.Equal(-0.45, test.Now, 3);
        Assert.True(test.ZScore > 3);
    }

    [Fact]
    public void A_few_bad_mentions_or_a_mild_dip_is_not_a_collapse()
    {
        var before = new PolarityCounts(120, 40, 40);
        Assert.False(FactorCollapse.Evaluate(new PolarityCounts(1, 1, 6), before, CollapseRule.Default).IsCollapse); // 8 mentions
        Assert.False(FactorCollapse.Evaluate(new PolarityCounts(16, 8, 12), before, CollapseRule.Default).IsCollapse); // 0.40 → 0.11
        Assert.False(FactorCollapse.Evaluate(new PolarityCounts(120, 40, 40), before, CollapseRule.Default).IsCollapse);
    }
}
