using System.ComponentModel.DataAnnotations;
using Listening.Core.Alerts;

namespace Listening.Alerts;

/// <summary>
/// The immediate alerts' rules (<c>Listening:Alerts</c>; docs/alerts.md). Which brands get alerts and who receives them is
/// the report delivery's configuration (<c>Listening:Reports:Delivery:{brand}</c>, <c>Alerts: true</c> by default).
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "Listening:Alerts";

    /// <summary>The rolling window a spike is counted in (at most a day).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Full days before the window that make the baseline.</summary>
    [Range(7, 365)] public int BaselineDays { get; set; } = 28;

    /// <summary>Days of history a brand needs before it can spike.</summary>
    [Range(1, 365)] public int MinBaselineDays { get; set; } = 7;

    /// <summary>Negative mentions the window needs at least: three complaints at night are not a crisis.</summary>
    [Range(1, int.MaxValue)] public int MinCount { get; set; } = 10;

    /// <summary>How many times the expected count the window needs at least.</summary>
    [Range(1.0, 100.0)] public double MinRatio { get; set; } = 2.0;

    /// <summary>The quasi-Poisson tail probability the window must stay under.</summary>
    [Range(1e-12, 0.05)] public double Alpha { get; set; } = 1e-4;

    /// <summary>The recent days a competitor's factor is compared over (against the <see cref="BaselineDays"/> before them).</summary>
    [Range(1, 60)] public int CollapseDays { get; set; } = 7;

    [Range(1, int.MaxValue)] public int CollapseMinMentions { get; set; } = 20;

    /// <summary>The fall in net sentiment (−1…+1 scale) that counts as a collapse.</summary>
    [Range(0.05, 2.0)] public double CollapseDrop { get; set; } = 0.3;

    /// <summary>The z of the fall it needs at least.</summary>
    [Range(1.0, 10.0)] public double CollapseZ { get; set; } = 3;

    /// <summary>Whether a factor moving into "fix" (once a day, on the report over the last <c>PeriodDays</c>) is alerted.</summary>
    public bool FixAlerts { get; set; } = true;

    /// <summary>Sample quotes per alert (masked).</summary>
    [Range(0, 10)] public int Quotes { get; set; } = 3;

    public SpikeRule Spike => new() { MinCount = MinCount, MinRatio = MinRatio, Alpha = Alpha, MinBaselineDays = MinBaselineDays };

    public CollapseRule Collapse => new() { MinMentions = CollapseMinMentions, MinDrop = CollapseDrop, Z = CollapseZ };

    public double WindowDays => Window.TotalDays;
}
