namespace Listening.Core.Matrix;

/// <summary>
/// Sufficient statistics of (x, y) pairs — n, Σx, Σy, Σx², Σy², Σxy — from which the Pearson
/// correlation follows exactly; two sets merge by addition, so days add up to any period.
/// </summary>
public struct PairMoments
{
    public long N;
    public double SumX, SumY, SumXX, SumYY, SumXY;

    public void Add(double x, double y)
    {
        N++;
        SumX += x; SumY += y;
        SumXX += x * x; SumYY += y * y; SumXY += x * y;
    }

    public void Merge(in PairMoments other)
    {
        N += other.N;
        SumX += other.SumX; SumY += other.SumY;
        SumXX += other.SumXX; SumYY += other.SumYY; SumXY += other.SumXY;
    }

    /// <summary>Pearson r; NaN when either side has no variance.</summary>
    public readonly double Correlation()
    {
        if (N < 2) return double.NaN;
        var sxx = SumXX - SumX * SumX / N;
        var syy = SumYY - SumY * SumY / N;
        var sxy = SumXY - SumX * SumY / N;
        // Relative tolerance: sums of ±1 values cancel exactly only in exact arithmetic.
        if (sxx <= 1e-9 * Math.Max(1, SumXX) || syy <= 1e-9 * Math.Max(1, SumYY)) return double.NaN;
        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }
}
