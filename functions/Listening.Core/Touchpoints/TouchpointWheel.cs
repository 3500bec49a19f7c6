using Listening.Core.Matrix;

namespace Listening.Core.Touchpoints;

/// <summary>One spoke: a channel's mean 0–10 satisfaction with its interval; null score when too few items.</summary>
public sealed record Touchpoint(string Channel, Estimate Score, bool Sufficient);

/// <summary>
/// The touchpoint wheel: every channel (site, contact centre, social, reviews, delivery …) scored 0–10
/// from its own feedback — each item's NPS answer, else its star rating mapped to 0–10, else its
/// document sentiment mapped to 0–10 — averaged per channel.
/// </summary>
public sealed record TouchpointWheel(IReadOnlyList<Touchpoint> Spokes, int MinItems)
{
    public static TouchpointWheel Of(BrandStats stats, int minItems = 30, double z = 1.96) =>
        new(stats.Channels
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new Touchpoint(c.Key,
                Estimate.Mean(c.Value.SatisfactionSum, c.Value.SatisfactionSquares, c.Value.Items, 0, 10, z),
                c.Value.Items >= minItems))
            .ToList(), minItems);

    /// <summary>How far from round the wheel is: best spoke − worst spoke among sufficient ones (0 = round).</summary>
    public double Dent => Spokes.Where(s => s.Sufficient).Select(s => s.Score.Value).DefaultIfEmpty(0).Max()
                          - Spokes.Where(s => s.Sufficient).Select(s => s.Score.Value).DefaultIfEmpty(0).Min();
}
