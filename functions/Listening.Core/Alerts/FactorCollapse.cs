namespace Listening.Core.Alerts;

/// <summary>Mention polarities of one factor (or brand) over some days: the counts net sentiment is made of.</summary>
public sealed record PolarityCounts(long Positive, long Neutral, long Negative)
{
    public static readonly PolarityCounts None = new(0, 0, 0);

    public long N => Positive + Neutral + Negative;

    /// <summary>(pos − neg) / n; 0 without mentions.</summary>
    public double Net => N == 0 ? 0 : (Positive - Negative) / (double)N;

    /// <summary>Variance of the net score's estimate, adjusted by one extra positive and one extra negative answer (the report's
    /// adjusted-Wald interval), so that a handful of mentions never looks certain.</summary>
    public double NetVariance
    {
        get
        {
            double total = N + 2, p = (Positive + 1) / total, q = (Negative + 1) / total;
            return (p + q - (p - q) * (p - q)) / total;
        }
    }

    public PolarityCounts Plus(PolarityCounts other) => new(Positive + other.Positive, Neutral + other.Neutral, Negative + other.Negative);
}

/// <summary>
/// When a factor's net sentiment has collapsed (a competitor's weak spot opening up): at least <see cref="MinMentions"/>
/// mentions in both spans, a drop of at least <see cref="MinDrop"/> on the −1…+1 scale, and a two-sample z of the drop at
/// least <see cref="Z"/> (adjusted-Wald variances) — a real fall, not the noise of a small sample.
/// </summary>
public sealed record CollapseRule
{
    public int MinMentions { get; init; } = 20;
    public double MinDrop { get; init; } = 0.3;
    public double Z { get; init; } = 3;

    public static readonly CollapseRule Default = new();
}

public sealed record CollapseTest(double Before, double Now, double Drop, double ZScore, long MentionsBefore, long MentionsNow, bool IsCollapse);

public static class FactorCollapse
{
    public static CollapseTest Evaluate(PolarityCounts now, PolarityCounts before, CollapseRule rule)
    {
        var drop = before.Net - now.Net;
        var z = drop / Math.Sqrt(now.NetVariance + before.NetVariance);
        var collapse = now.N >= rule.MinMentions && before.N >= rule.MinMentions && drop >= rule.MinDrop && z >= rule.Z;
        return new CollapseTest(before.Net, now.Net, drop, z, before.N, now.N, collapse);
    }
}
