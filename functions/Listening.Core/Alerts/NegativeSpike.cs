namespace Listening.Core.Alerts;

/// <summary>
/// When negative mentions are a spike rather than noise (docs/alerts.md). All four must hold:
/// <list type="number">
/// <item>at least <see cref="MinBaselineDays"/> days of history (a brand's first week cannot spike against nothing);</item>
/// <item>at least <see cref="MinCount"/> negative mentions in the window — three complaints at night are not a crisis;</item>
/// <item>at least <see cref="MinRatio"/> times the expected count;</item>
/// <item>a quasi-Poisson upper tail P(X ≥ observed) ≤ <see cref="Alpha"/>, where the expected count is the trailing daily mean
/// scaled to the window and the dispersion (variance / mean of the daily counts, at least 1) widens the test for brands whose
/// daily counts vary more than Poisson (weekdays, campaigns).</item>
/// </list>
/// </summary>
public sealed record SpikeRule
{
    public int MinCount { get; init; } = 10;
    public double MinRatio { get; init; } = 2.0;
    public double Alpha { get; init; } = 0.0001;
    public int MinBaselineDays { get; init; } = 7;

    public static readonly SpikeRule Default = new();
}

public enum SpikeVerdict { Spike, NotEnoughHistory, TooFew, SmallRise, WithinNoise }

/// <summary>The test's figures: what was seen, what was expected, how unusual, and the verdict.</summary>
public sealed record SpikeTest(long Observed, double Expected, double Ratio, double Dispersion, double PValue, int BaselineDays, SpikeVerdict Verdict)
{
    public bool IsSpike => Verdict == SpikeVerdict.Spike;
}

public static class NegativeSpike
{
    /// <summary>
    /// <paramref name="observed"/> negative mentions in a window of <paramref name="windowDays"/> days (1 = 24 hours) against
    /// <paramref name="baselineDays"/>, the negative mentions of each full day of the trailing baseline (days with none count as 0).
    /// </summary>
    public static SpikeTest Evaluate(long observed, IReadOnlyList<long> baselineDays, double windowDays, SpikeRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        var n = baselineDays.Count;
        // Half a count added to the history: a factor never complained about before has a small positive rate, not zero.
        var mean = n > 0 ? (baselineDays.Sum() + 0.5) / n : 0;
        var variance = n > 1 ? baselineDays.Sum(x => (x - mean) * (x - mean)) / (n - 1) : mean;
        var dispersion = mean > 0 ? Math.Max(1, variance / mean) : 1;
        var expected = mean * windowDays;
        var ratio = expected > 0 ? observed / expected : double.PositiveInfinity;
        var p = expected > 0 ? PoissonTail.AtLeast(observed / dispersion, expected / dispersion) : 0;
        var verdict = n < rule.MinBaselineDays ? SpikeVerdict.NotEnoughHistory
            : observed < rule.MinCount ? SpikeVerdict.TooFew
            : ratio < rule.MinRatio ? SpikeVerdict.SmallRise
            : p > rule.Alpha ? SpikeVerdict.WithinNoise
            : SpikeVerdict.Spike;
        return new SpikeTest(observed, expected, ratio, dispersion, p, n, verdict);
    }
}
