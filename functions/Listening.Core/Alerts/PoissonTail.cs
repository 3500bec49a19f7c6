namespace Listening.Core.Alerts;

/// <summary>
/// Tail probabilities of counts: P(X ≥ k) for X ~ Poisson(λ), through the regularised lower incomplete gamma function
/// (P(X ≥ k) = P(k, λ) for integer k ≥ 1), so that a quasi-Poisson test can use non-integer scaled counts too.
/// Series and continued fraction as in Numerical Recipes §6.2; accurate to ~1e-12, ample for an alert threshold.
/// </summary>
public static class PoissonTail
{
    /// <summary>P(X ≥ k) for X ~ Poisson(λ); k may be fractional (the continuous extension P(k, λ)).</summary>
    public static double AtLeast(double k, double lambda)
    {
        if (k <= 0) return 1;
        if (lambda <= 0) return 0;
        return RegularizedLowerGamma(k, lambda);
    }

    /// <summary>P(a, x) = γ(a, x) / Γ(a).</summary>
    public static double RegularizedLowerGamma(double a, double x)
    {
        if (x <= 0) return 0;
        if (x < a + 1)
        {
            // Series: e^(−x) x^a / Γ(a + 1) · Σ x^n / ((a + 1)…(a + n)).
            double term = 1 / a, sum = term;
            for (var n = 1; n < 10_000; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * 1e-15) break;
            }
            return Math.Clamp(sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a)), 0, 1);
        }
        // Continued fraction for Q(a, x) (modified Lentz).
        const double tiny = 1e-300;
        double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15) break;
        }
        var q = Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
        return Math.Clamp(1 - q, 0, 1);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, n = 9).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        x -= 1;
        double[] g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        var sum = g[0];
        for (var i = 1; i < g.Length; i++) sum += g[i] / (x + i);
        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }
}
