using System.Globalization;
using Listening.Core.Factors.Evaluation;

namespace Listening.Cli;

/// <summary>
/// The matrix cells two readings of one story disagree on: where one places a factor in the labelled quadrant and the
/// other does not. Each with both readings' quadrant, item count, importance and performance, so a cell the hybrid
/// loses can be told apart by cause (its count fell below the placement line, polarity or importance moved it).
/// </summary>
internal static class MatrixCells
{
    public static string Differences(StoryMatrixComparison rules, StoryMatrixComparison hybrid)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var r in rules.Rows)
        {
            var h = hybrid.Rows.FirstOrDefault(x => x.Factor == r.Factor);
            if (h is null || h.Agrees == r.Agrees) continue;
            w.WriteLine($"    cell {(r.Agrees ? "LOST" : "GAINED")} {r.Factor}: labelled {r.Labelled} (n {r.LabelledN}, imp {r.LabelledImportance:0.000}, perf {r.LabelledPerformance:0.000}); "
                + $"rules {Shown(r)}; hybrid {Shown(h)}");
        }
        return w.ToString();
    }

    private static string Shown(StoryMatrixRow row) =>
        $"{row.Pipeline}{(row.PipelineAlternative is { } a ? "/" + a : "")} (n {row.PipelineN}, imp {row.PipelineImportance:0.000} Δ{row.PipelineImportanceDistance:+0.000;-0.000}, "
        + $"perf {row.PipelinePerformance:0.000} Δ{row.PipelinePerformanceDistance:+0.000;-0.000})";
}
