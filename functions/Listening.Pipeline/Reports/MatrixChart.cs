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

    /// <summary>
    /// Sizes of one rendering. The chart scales with the page (viewBox), so each size is drawn for the width it is shown at:
    /// <see cref="Wide"/> beside its legend on a desktop and on A4, <see cref="Narrow"/> on a phone (numbered dots, the names
    /// listed under the chart), <see cref="Compact"/> for a competitor's own matrix in a grid cell.
    /// </summary>
    public sealed record Layout(double Width, double Height, double Left, double Right, double Top, double Bottom, int LabelFs, int AxisFs, int QuadrantFs,
        bool AxisTitles, bool Numbered, double MinRadius, double RadiusSpan)
    {
        public static readonly Layout Wide = new(640, 470, 56, 18, 18, 46, 12, 11, 13, true, false, 5, 9);
        public static readonly Layout Narrow = new(340, 330, 34, 10, 14, 30, 12, 11, 11, false, true, 6, 6);
        public static readonly Layout Compact = new(340, 290, 34, 10, 14, 30, 11, 10, 10, false, true, 5, 5);
    }

    public static void Render(StringBuilder sb, string id, IReadOnlyList<Point> points, double? impMedian, double? perfMedian,
        ReportText t, Layout? layout = null, string? cssClass = null)
    {
        var l = layout ?? Layout.Wide;
        var (width, height) = (l.Width, l.Height);
        var svg = new Svg(sb);
        svg.Open(id, width, height, t.Matrix, "matrix" + (cssClass is null ? "" : " " + cssClass));
        double left = l.Left, right = l.Right, top = l.Top, bottom = l.Bottom;
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
        // The boxes every later label must keep clear of: quadrant names, dots.
        var placed = new List<(double X1, double Y1, double X2, double Y2)>();
        var fs = l.QuadrantFs;
        void QuadrantName(Core.Matrix.Quadrant q, double x, double y, string anchor)
        {
            var name = t.QuadrantName(q).ToUpperInvariant();
            var w = TextWidth(name, fs) * 1.08; // letter-spaced capitals
            placed.Add(Box((x, y, anchor), w, fs + 2));
            svg.Text(x, y, name, $"class=\"qlabel\" font-size=\"{fs}\"{(anchor == "end" ? " text-anchor=\"end\"" : "")} fill=\"{Palette.Of(ReportBuilder.Code(q))}\"");
        }
        QuadrantName(Core.Matrix.Quadrant.Fix, left + 6, top + fs + 3, "start");
        QuadrantName(Core.Matrix.Quadrant.Promote, left + pw - 6, top + fs + 3, "end");
        QuadrantName(Core.Matrix.Quadrant.Maintain, left + pw - 6, top + ph - 6, "end");
        QuadrantName(Core.Matrix.Quadrant.Watch, left + 6, top + ph - 6, "start");
        svg.Rect(left, top, pw, ph, "fill=\"none\" stroke=\"#c9ced6\"");
        svg.Line(cx, top, cx, top + ph, "class=\"crosshair\" stroke=\"#5f6b7a\" stroke-dasharray=\"5 4\"");
        svg.Line(left, cy, left + pw, cy, "class=\"crosshair\" stroke=\"#5f6b7a\" stroke-dasharray=\"5 4\"");

        // Axes: ticks far enough apart for their labels.
        var axisFs = l.AxisFs;
        var xTicks = Ticks(xMin, xMax).ToList();
        var xLabelWidth = xTicks.Max(v => TextWidth(t.Signed(v, "+0.0#;−0.0#;0"), axisFs)) + 6;
        var xEvery = Math.Max(1, (int)Math.Ceiling(xLabelWidth / (pw / Math.Max(1, xTicks.Count))));
        for (var i = 0; i < xTicks.Count; i++)
        {
            var v = xTicks[i];
            svg.Line(X(v), top + ph, X(v), top + ph + 4, "stroke=\"#8a94a3\"");
            if (i % xEvery == 0) svg.Text(X(v), top + ph + 4 + axisFs, t.Signed(v, "+0.0#;−0.0#;0"), $"class=\"tick muted\" text-anchor=\"middle\" font-size=\"{axisFs}\"");
        }
        var yTicks = Ticks(yMin, yMax).ToList();
        var yEvery = Math.Max(1, (int)Math.Ceiling((axisFs + 3) / (ph / Math.Max(1, yTicks.Count))));
        for (var i = 0; i < yTicks.Count; i++)
        {
            var v = yTicks[i];
            svg.Line(left - 4, Y(v), left, Y(v), "stroke=\"#8a94a3\"");
            if (i % yEvery == 0) svg.Text(left - 6, Y(v) + axisFs * 0.35, t.Num(v, "0.0#"), $"class=\"tick muted\" text-anchor=\"end\" font-size=\"{axisFs}\"");
        }
        if (l.AxisTitles)
        {
            svg.Raw($"<text x=\"{Svg.N(left + pw / 2)}\" y=\"{Svg.N(height - 6)}\" text-anchor=\"middle\" font-size=\"12\" class=\"axis-title\"><tspan class=\"muted\" fill=\"#5f6b7a\">← {Svg.E(t.PerformanceAxisLow)}</tspan>   <tspan font-weight=\"700\">{Svg.E(t.Performance)}</tspan>   <tspan fill=\"#5f6b7a\">{Svg.E(t.PerformanceAxisHigh)} →</tspan></text>");
            svg.Raw($"<text x=\"14\" y=\"{Svg.N(top + ph / 2)}\" text-anchor=\"middle\" font-size=\"12\" class=\"axis-title\" transform=\"rotate(-90 14 {Svg.N(top + ph / 2)})\"><tspan fill=\"#5f6b7a\">← {Svg.E(t.ImportanceAxisLow)}</tspan>   <tspan font-weight=\"700\">{Svg.E(t.Importance)}</tspan>   <tspan fill=\"#5f6b7a\">{Svg.E(t.ImportanceAxisHigh)} →</tspan></text>");
        }

        var maxN = points.Max(p => p.N);
        double Radius(long n) => l.MinRadius + l.RadiusSpan * Math.Sqrt(n / (double)Math.Max(1, maxN));
        foreach (var p in points)
        {
            var (x, y) = (X(p.Performance), Y(p.Importance));
            var color = Palette.Of(p.Quadrant);
            svg.Line(X(p.PerfLow), y, X(p.PerfHigh), y, $"class=\"whisker\" stroke=\"{color}\" stroke-opacity=\"0.45\" stroke-width=\"1.5\"");
            svg.Line(x, Y(p.ImpLow), x, Y(p.ImpHigh), $"class=\"whisker\" stroke=\"{color}\" stroke-opacity=\"0.45\" stroke-width=\"1.5\"");
        }
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
        // Labels (the name, or on a small chart its number in the list below it): the free spot nearest the dot — right,
        // left, above, below, then the diagonals, then further out — inside the plot; else the one that overlaps least.
        var labelFs = l.LabelFs;
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var (x, y) = (X(p.Performance), Y(p.Importance));
            var r = Radius(p.N);
            var label = l.Numbered ? (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : p.Label;
            var w = TextWidth(label, labelFs);
            var h = labelFs + 2;
            var candidates = new List<(double X, double Y, string Anchor)>();
            foreach (var gap in new[] { 3.0, 12, 24, 38 })
            {
                var d = r + gap;
                candidates.AddRange(
                [
                    (x + d, y + labelFs * 0.35, "start"), (x - d, y + labelFs * 0.35, "end"),
                    (x, y - d, "middle"), (x, y + d + labelFs * 0.8, "middle"),
                    (x + d * 0.75, y - d * 0.75, "start"), (x + d * 0.75, y + d * 0.75 + labelFs * 0.7, "start"),
                    (x - d * 0.75, y - d * 0.75, "end"), (x - d * 0.75, y + d * 0.75 + labelFs * 0.7, "end"),
                ]);
            }
            bool Inside((double X1, double Y1, double X2, double Y2) box) => box.X1 >= left + 1 && box.X2 <= left + pw - 1 && box.Y1 >= top + 1 && box.Y2 <= top + ph - 1;
            double Overlap((double X1, double Y1, double X2, double Y2) box) => placed.Sum(b =>
                Math.Max(0, Math.Min(b.X2, box.X2) - Math.Max(b.X1, box.X1)) * Math.Max(0, Math.Min(b.Y2, box.Y2) - Math.Max(b.Y1, box.Y1)));
            var inside = candidates.Where(c => Inside(Box(c, w, h))).ToList();
            var chosen = inside.FirstOrDefault(c => Overlap(Box(c, w, h)) == 0);
            if (chosen.Anchor is null) chosen = inside.OrderBy(c => Overlap(Box(c, w, h))).DefaultIfEmpty(candidates[0]).First();
            placed.Add(Box(chosen, w, h));
            svg.Text(chosen.X, chosen.Y, label, $"class=\"factor-label\" data-factor=\"{Svg.E(p.Label)}\" font-size=\"{labelFs}\" text-anchor=\"{chosen.Anchor}\"");
        }
        svg.Close();
    }

    /// <summary>A generous estimate of a label's width in the page's sans-serif: a label must not touch another when drawn.</summary>
    internal static double TextWidth(string text, double fontSize) =>
        text.Sum(c => char.IsUpper(c) ? 0.7 : char.IsDigit(c) ? 0.58 : c is ' ' or '.' or ',' or ':' ? 0.32 : c is '—' or '−' or '+' ? 0.7 : 0.58) * fontSize;

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
