using Listening.Core.Matrix;

namespace Listening.Reports;

/// <summary>What a report is about: a brand, its named competitors, a period (inclusive days) and a language.</summary>
public sealed record ReportRequest(
    string Brand,
    IReadOnlyList<string> Competitors,
    DateOnly From,
    DateOnly To,
    string Lang = "en",
    MatrixRules? Rules = null,
    int MinWheelItems = 30)
{
    public MatrixRules MatrixRules => Rules ?? MatrixRules.Default;
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The equally long period just before this one: where "previous quadrant" comes from.</summary>
    public (DateOnly From, DateOnly To) Previous => (From.AddDays(-Days), From.AddDays(-1));

    public bool IsAbout(string brand)
    {
        // Called once per input line: a plain loop, no closure.
        if (string.Equals(brand, Brand, StringComparison.OrdinalIgnoreCase)) return true;
        for (var i = 0; i < Competitors.Count; i++)
            if (string.Equals(brand, Competitors[i], StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
