using Listening.Core.Matrix;

namespace Listening.Core.Tests.Matrix;

/// <summary>Constructed statistics whose matrix is known by hand.</summary>
internal static class MatrixData
{
    /// <summary>Importance by share of mentions: with no outcomes configured the share is the importance.</summary>
    public static readonly MatrixRules ByShare = new() { Outcomes = [] };

    public static BrandStats Brand(long totalItems, params (string Factor, long Items, long Pos, long Neg)[] factors)
    {
        var stats = new BrandStats();
        stats.Channels["reviews"] = new ChannelStats { Items = totalItems, Neutral = totalItems };
        foreach (var (factor, items, pos, neg) in factors)
            stats.Factors[factor] = new FactorStats { Items = items, Positive = pos, Negative = neg, Neutral = items - pos - neg };
        return stats;
    }
}
