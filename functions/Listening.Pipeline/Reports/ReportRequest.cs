using Listening.Core.Feedback;
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
    int MinWheelItems = 30,
    BrandNames? Names = null)
{
    public MatrixRules MatrixRules => Rules ?? MatrixRules.Default;
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The equally long period just before this one: where "previous quadrant" comes from.</summary>
    public (DateOnly From, DateOnly To) Previous => (From.AddDays(-Days), From.AddDays(-1));

    public bool IsAbout(string brand)
    {
        // Called once per input line: a plain loop, no closure.
        var comparer = BrandKey.Comparer;
        if (comparer.Equals(brand, Brand)) return true;
        for (var i = 0; i < Competitors.Count; i++)
            if (comparer.Equals(brand, Competitors[i])) return true;
        return false;
    }
}
