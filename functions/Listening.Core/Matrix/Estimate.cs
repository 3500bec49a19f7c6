namespace Listening.Core.Matrix;

/// <summary>A figure with its sample size and a 95 % (by default) confidence interval.</summary>
public sealed record Estimate(double Value, double Low, double High, long N)
{
    public bool Straddles(double line) => Low <= line && line <= High;

    public static readonly Estimate Empty = new(double.NaN, double.NaN, double.NaN, 0);

    /// <summary>
    /// Net score (pos − neg) / n of −1/0/+1 answers with an adjusted-Wald interval: the variance is
    /// estimated with one extra positive and one extra negative answer, so that an all-positive
    /// sample of 5 does not claim a zero-width interval.
    /// </summary>
    public static Estimate NetScore(long positive, long neutral, long negative, double z = 1.96)
    {
        var n = positive + neutral + negative;
        if (n == 0) return Empty;
        var value = (positive - negative) / (double)n;
        double pa = (positive + 1.0) / (n + 2.0), na = (negative + 1.0) / (n + 2.0);
        var variance = pa + na - (pa - na) * (pa - na);
        var half = z * Math.Sqrt(variance / n);
        return new Estimate(value, Math.Max(-1, value - half), Math.Min(1, value + half), n);
    }

    /// <summary>Pearson correlation with a Fisher z interval (tanh(atanh r ± z/√(n−3))).</summary>
    public static Estimate Correlation(double r, long n, double z = 1.96)
    {
        if (double.IsNaN(r) || n < 4) return new Estimate(r, -1, 1, n);
        var clipped = Math.Clamp(r, -0.999999, 0.999999);
        var fz = Math.Atanh(clipped);
        var half = z / Math.Sqrt(n - 3);
        return new Estimate(r, Math.Tanh(fz - half), Math.Tanh(fz + half), n);
    }

    /// <summary>
    /// Correlations measured on separate groups, combined: Fisher z of each weighted by n − 3 (groups with fewer than
    /// four items or an undefined r are left out); the interval is tanh(z̄ ± z/√Σ(n − 3)). N is the items used.
    /// </summary>
    public static Estimate CombinedCorrelation(IEnumerable<(double R, long N)> groups, double z = 1.96)
    {
        double sum = 0, weight = 0;
        long n = 0;
        foreach (var (r, count) in groups)
        {
            if (double.IsNaN(r) || count < 4) continue;
            var w = count - 3.0;
            sum += w * Math.Atanh(Math.Clamp(r, -0.999999, 0.999999));
            weight += w;
            n += count;
        }
        if (weight == 0) return new Estimate(double.NaN, -1, 1, n);
        var centre = sum / weight;
        var half = z / Math.Sqrt(weight);
        return new Estimate(Math.Tanh(centre), Math.Tanh(centre - half), Math.Tanh(centre + half), n);
    }

    /// <summary>Proportion k/n with a Wilson score interval.</summary>
    public static Estimate Proportion(long k, long n, double z = 1.96)
    {
        if (n == 0) return Empty;
        var p = k / (double)n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Estimate(p, Math.Max(0, centre - half), Math.Min(1, centre + half), n);
    }

    /// <summary>Mean from Σx and Σx² with a normal interval (t ≈ z for the sample sizes we report).</summary>
    public static Estimate Mean(double sum, double sumSquares, long n, double lowest, double highest, double z = 1.96)
    {
        if (n == 0) return Empty;
        var mean = sum / n;
        var variance = n > 1 ? Math.Max(0, (sumSquares - n * mean * mean) / (n - 1)) : 0;
        var half = z * Math.Sqrt(variance / n);
        return new Estimate(mean, Math.Max(lowest, mean - half), Math.Min(highest, mean + half), n);
    }
}
