using System.Text;

namespace Listening.Reports;

/// <summary>
/// The action matrix as a scatter: performance across, importance up, the medians as crosshairs,
/// the four quadrants tinted and named, each factor a labelled dot sized by its mentions with its
/// 95 % intervals as whiskers. Factors with too few mentions are not plotted (listed under the chart).
/// A borderline factor (an interval crosses a median) is drawn with a dashed outline and a lighter fill.
/// </summary>
internal static class MatrixChart
{
    public sealed record Point(string Label, double Importance, double Performance, double ImpLow, double ImpHigh,
        double PerfLow, double PerfHigh, long N, string Quadrant, bool Held = false, bool Borderline = false);

    public static void Render(StringBuilder sb, string id, IReadOnlyList<Point> points, double? impMedian, double? perfMedian,
        ReportText t, double width = 640, double height = 470, bool compact = false)
    {
        var svg = new Svg(sb);
        svg.Open(id, width, height, t.Matrix, "matrix");
        double left = compact ? 34 : 56, right = compact ? 10 : 18, top = compact ? 14 : 18, bottom = compact ? 30 : 46;
        double pw = width - left - right, ph = height - top - bottom;
        if (points.Count == 0 || impMedian is null || perfMedian is null)
        {
            svg.Rect(left, top, pw, ph, "fill=\"#f6f7f9\" stroke=\"#d5d9de\"");
            svg.Text(left + pw / 2, top + ph / 2, t.NoData, "text-anchor=\"middle\" class=\"muted\"").Close();
            return;
        }

        var (xMin, xMax) = Range(points.Select(p => p.Performance).Append(perfMedian.Value), -1, 1, 0.08);
        var (yMin, yMax) = Range(points.Select(p => p.Importance).Append(impMedian.Value), -1, 1, 0.06);
        double X(double v) => left + (Math.Clamp(v, xMin, xMax) - xMin) / (xMax - xMin) * pw;
        double Y(double v) => top + ph - (Math.Clamp(v, yMin, yMax) - yMin) / (yMax - yMin) * ph;
        double cx = X(perfMedian.Value), cy = Y(impMedian.Value);

        // Quadrants: fix top-left, promote top-right, maintain bottom-right, watch bottom-left.
        svg.Rect(left, top, cx - left, cy - top, $"class=\"quadrant q-fix\" fill=\"{Palette.Tint("fix")}\"");
        svg.Rect(cx, top, left + pw - cx, cy - top, $"class=\"quadrant q-promote\" fill=\"{Palette.Tint("promote")}\"");
        svg.Rect(cx, cy, left + pw - cx, top + ph - cy, $"class=\"quadrant q-maintain\" fill=\"{Palette.Tint("maintain")}\"");
        svg.Rect(left, cy, cx - left, top + ph - cy, $"class=\"quadrant q-watch\" fill=\"{Palette.Tint("watch")}\"");
        var fs = compact ? 10 : 13;
        svg.Text(left + 8, top + fs + 4, t.QuadrantName(Core.Matrix.Quadrant.Fix).ToUpperInvariant(), $"class=\"qlabel\" font-size=\"{fs}\" fill=\"{Palette.Of("fix")}\"");
        svg.Text(left + pw - 8, top + fs + 4, t.QuadrantName(Core.Matrix.Quadrant.Promote).ToUpperInvariant(), $"class=\"qlabel\" font-size=\"{fs}\" text-anchor=\"end\" fill=\"{Palette.Of("promote")}\"");
        svg.Text(left + pw - 8, top + ph - 8, t.QuadrantName(Core.Matrix.Quadrant.Maintain).ToUpperInvariant(), $"class=\"qlabel\" font-size=\"{fs}\" text-anchor=\"end\" fill=\"{Palette.Of("maintain")}\"");
        svg.Text(left + 8, top + ph - 8, t.QuadrantName(Core.Matrix.Quadrant.Watch).ToUpperInvariant(), $"class=\"qlabel\" font-size=\"{fs}\" fill=\"{Palette.Of("watch")}\"");
        svg.Rect(left, top, pw, ph, "fill=\"none\" stroke=\"#c9ced6\"");
        svg.Line(cx, top, cx, top + ph, "class=\"crosshair\" stroke=\"#5f6b7a\" stroke-dasharray=\"5 4\"");
        svg.Line(left, cy, left + pw, cy, "class=\"crosshair\" stroke=\"#5f6b7a\" stroke-dasharray=\"5 4\"");

        // Axes.
        var axisFs = compact ? 9 : 11;
        foreach (var v in Ticks(xMin, xMax))
        {
            svg.Line(X(v), top + ph, X(v), top + ph + 4, "stroke=\"#8a94a3\"");
            svg.Text(X(v), top + ph + 4 + axisFs, t.Signed(v, "+0.0#;−0.0#;0"), $"text-anchor=\"middle\" font-size=\"{axisFs}\" class=\"muted\"");
        }
        foreach (var v in Ticks(yMin, yMax))
        {
            svg.Line(left - 4, Y(v), left, Y(v), "stroke=\"#8a94a3\"");
            svg.Text(left - 6, Y(v) + 4, t.Num(v, "0.0#"), $"text-anchor=\"end\" font-size=\"{axisFs}\" class=\"muted\"");
        }
        if (!compact)
        {
            svg.Raw($"<text x=\"{Svg.N(left + pw / 2)}\" y=\"{Svg.N(height - 6)}\" text-anchor=\"middle\" font-size=\"12\" class=\"axis-title\"><tspan class=\"muted\" fill=\"#5f6b7a\">← {Svg.E(t.PerformanceAxisLow)}</tspan>   <tspan font-weight=\"700\">{Svg.E(t.Performance)}</tspan>   <tspan fill=\"#5f6b7a\">{Svg.E(t.PerformanceAxisHigh)} →</tspan></text>");
            svg.Raw($"<text x=\"14\" y=\"{Svg.N(top + ph / 2)}\" text-anchor=\"middle\" font-size=\"12\" class=\"axis-title\" transform=\"rotate(-90 14 {Svg.N(top + ph / 2)})\"><tspan fill=\"#5f6b7a\">← {Svg.E(t.ImportanceAxisLow)}</tspan>   <tspan font-weight=\"700\">{Svg.E(t.Importance)}</tspan>   <tspan fill=\"#5f6b7a\">{Svg.E(t.ImportanceAxisHigh)} →</tspan></text>");
        }

        var maxN = points.Max(p => p.N);
        double Radius(long n) => (compact ? 3.5 : 5) + (compact ? 5 : 9) * Math.Sqrt(n / (double)Math.Max(1, maxN));
        foreach (var p in points)
        {
            var (x, y) = (X(p.Performance), Y(p.Importance));
            var color = Palette.Of(p.Quadrant);
            svg.Line(X(p.PerfLow), y, X(p.PerfHigh), y, $"class=\"whisker\" stroke=\"{color}\" stroke-opacity=\"0.45\" stroke-width=\"1.5\"");
            svg.Line(x, Y(p.ImpLow), x, Y(p.ImpHigh), $"class=\"whisker\" stroke=\"{color}\" stroke-opacity=\"0.45\" stroke-width=\"1.5\"");
        }
        var placed = new List<(double X1, double Y1, double X2, double Y2)>();
        foreach (var p in points.OrderByDescending(p => p.N))
        {
            var (x, y) = (X(p.Performance), Y(p.Importance));
            var r = Radius(p.N);
            placed.Add((x - r, y - r, x + r, y + r));
            // A factor kept in last period's quadrant sits where the point estimates put it, ringed.
            if (p.Held) svg.Circle(x, y, r + 4, $"class=\"held-ring\" fill=\"none\" stroke=\"{Palette.Of(p.Quadrant)}\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"");
            svg.Circle(x, y, r, p.Borderline
                    ? $"class=\"factor-point borderline\" data-factor=\"{Svg.E(p.Label)}\" fill=\"{Palette.Of(p.Quadrant)}\" fill-opacity=\"0.4\" stroke=\"{Palette.Of(p.Quadrant)}\" stroke-width=\"2\" stroke-dasharray=\"3 2\""
                    : $"class=\"factor-point\" data-factor=\"{Svg.E(p.Label)}\" fill=\"{Palette.Of(p.Quadrant)}\" fill-opacity=\"0.85\" stroke=\"#fff\" stroke-width=\"1.5\"",
                $"{p.Label}: {t.Importance} {t.Num(p.Importance)}, {t.Performance} {t.Signed(p.Performance)}, n = {t.Count(p.N)}" + (p.Borderline ? $" ({t.Borderline})" : ""));
        }
        // Labels: try right, left, above, below, then step down until the box is free.
        var labelFs = compact ? 10 : 12;
        foreach (var p in points.OrderByDescending(p => p.N))
        {
            var (x, y) = (X(p.Performance), Y(p.Importance));
            var r = Radius(p.N);
            var w = p.Label.Length * labelFs * 0.6;
            var h = labelFs + 2;
            (double X, double Y, string Anchor)[] candidates =
            [
                (x + r + 4, y + labelFs * 0.35, "start"), (x - r - 4, y + labelFs * 0.35, "end"),
                (x, y - r - 4, "middle"), (x, y + r + labelFs, "middle"),
                (x + r + 4, y + labelFs * 1.4, "start"), (x + r + 4, y - labelFs * 0.8, "start"),
                (x - r - 4, y + labelFs * 1.4, "end"), (x - r - 4, y - labelFs * 0.8, "end"),
            ];
            bool Inside((double X1, double Y1, double X2, double Y2) box) => box.X1 >= left && box.X2 <= left + pw && box.Y1 >= top && box.Y2 <= top + ph;
            // Free and inside the plot; else inside it with the least overlap (a label cut off at the edge is worse
            // than one that touches another).
            double Overlap((double X1, double Y1, double X2, double Y2) box) => placed.Sum(b =>
                Math.Max(0, Math.Min(b.X2, box.X2) - Math.Max(b.X1, box.X1)) * Math.Max(0, Math.Min(b.Y2, box.Y2) - Math.Max(b.Y1, box.Y1)));
            var chosen = candidates.Where(c => Inside(Box(c, w, h))).OrderBy(c => Overlap(Box(c, w, h))).DefaultIfEmpty(candidates[0]).First();
            placed.Add(Box(chosen, w, h));
            svg.Text(chosen.X, chosen.Y, p.Label, $"class=\"factor-label\" font-size=\"{labelFs}\" text-anchor=\"{chosen.Anchor}\"");
        }
        svg.Close();
    }

    private static (double X1, double Y1, double X2, double Y2) Box((double X, double Y, string Anchor) c, double w, double h)
    {
        var x1 = c.Anchor switch { "start" => c.X, "end" => c.X - w, _ => c.X - w / 2 };
        return (x1, c.Y - h + 3, x1 + w, c.Y + 3);
    }

    internal static (double Min, double Max) Range(IEnumerable<double> values, double floor, double ceiling, double pad)
    {
        var list = values.Where(v => !double.IsNaN(v)).ToList();
        var min = list.Count > 0 ? list.Min() : floor;
        var max = list.Count > 0 ? list.Max() : ceiling;
        var span = Math.Max(max - min, 0.2);
        min = Math.Max(floor, min - span * pad - 0.02);
        max = Math.Min(ceiling, max + span * pad + 0.02);
        return (min, max);
    }

    /// <summary>About five round ticks (1, 2 or 5 × 10^k apart) across [min, max].</summary>
    internal static IEnumerable<double> Ticks(double min, double max)
    {
        var raw = Math.Max(max - min, 1e-9) / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = raw / magnitude >= 5 ? 5 * magnitude : raw / magnitude >= 2 ? 2 * magnitude : magnitude;
        for (var v = Math.Ceiling(min / step) * step; v <= max + 1e-9; v += step)
            yield return Math.Round(v, 4);
    }
}
