using System.Text;

namespace Listening.Reports;

/// <summary>
/// Lines over the period's buckets: one per brand (us bold), on a fixed scale, with n under each bucket. A bucket with
/// fewer than <see cref="ReportHtml.SparseBucket"/> items is drawn as a hollow point with its 95 % interval as whiskers,
/// so a week on a handful of items never reads as a firm value. Drawn for a wide column (legend at the right of the lines)
/// and a narrow one (legend under the chart, fewer date labels).
/// </summary>
internal static class TrendChart
{
    /// <summary>A bucket's interval and sample size.</summary>
    public sealed record Spread(double? Low, double? High, long N);

    public sealed record Series(string Name, IReadOnlyList<double?> Values, string Color, bool Bold, IReadOnlyList<Spread>? Spreads = null);

    public sealed record Layout(double Width, double Height, double Left, double Right, double Top, double Bottom, int Fs, bool LegendBelow, string CssClass)
    {
        public static readonly Layout Wide = new(1000, 260, 48, 140, 14, 46, 11, false, "broad-only");
        public static readonly Layout Narrow = new(360, 230, 36, 12, 12, 44, 11, true, "slim-only");
    }

    public static void Render(StringBuilder sb, string id, string label, IReadOnlyList<string> buckets, IReadOnlyList<long> counts,
        IReadOnlyList<Series> series, double min, double max, string format, ReportText t, Layout layout)
    {
        var (width, fs) = (layout.Width, layout.Fs);
        var legendLines = layout.LegendBelow ? LegendRows(series, width).Count : 0;
        var height = layout.Height + legendLines * 16;
        var svg = new Svg(sb).Open(id, width, height, label, "trend " + layout.CssClass);
        double left = layout.Left, right = layout.Right, top = layout.Top, bottom = layout.Bottom;
        double pw = width - left - right, ph = layout.Height - top - bottom;
        double X(int i) => buckets.Count == 1 ? left + pw / 2 : left + i * pw / (buckets.Count - 1);
        double Y(double v) => top + ph - (Math.Clamp(v, min, max) - min) / (max - min) * ph;

        foreach (var v in MatrixChart.Ticks(min, max))
        {
            svg.Line(left, Y(v), left + pw, Y(v), Math.Abs(v) < 1e-9 ? "stroke=\"#9aa3ad\"" : "stroke=\"#eceff2\"");
            svg.Text(left - 5, Y(v) + 4, t.Num(v, format), $"class=\"tick muted\" text-anchor=\"end\" font-size=\"{fs}\"");
        }
        // Date labels as far apart as their width needs; the first and the last always (when they fit).
        var labelWidth = buckets.Count == 0 ? 0 : Math.Max(buckets.Max(b => MatrixChart.TextWidth(b, fs)), MatrixChart.TextWidth("n=" + t.Count(counts.Max()), fs - 1)) + 8;
        var every = buckets.Count <= 1 ? 1 : Math.Max(1, (int)Math.Ceiling(labelWidth / (pw / (buckets.Count - 1))));
        var shown = Enumerable.Range(0, buckets.Count).Where(i => i % every == 0).ToList();
        if (buckets.Count > 1 && shown[^1] != buckets.Count - 1)
        {
            if ((buckets.Count - 1 - shown[^1]) * pw / (buckets.Count - 1) < labelWidth) shown.RemoveAt(shown.Count - 1);
            shown.Add(buckets.Count - 1);
        }
        foreach (var i in shown)
        {
            var anchor = buckets.Count > 1 && i == 0 && X(i) - labelWidth / 2 < 0 ? "start" : i == buckets.Count - 1 && X(i) + labelWidth / 2 > width ? "end" : "middle";
            svg.Text(X(i), top + ph + 15, buckets[i], $"class=\"tick bucket muted\" text-anchor=\"{anchor}\" font-size=\"{fs}\"");
            svg.Text(X(i), top + ph + 29, $"n={t.Count(counts[i])}", $"class=\"tick bucket-n muted\" text-anchor=\"{anchor}\" font-size=\"{fs - 1}\"");
        }
        foreach (var s in series)
        {
            var segment = new List<(double, double)>();
            void Flush()
            {
                if (segment.Count > 1) svg.Polyline(segment, $"class=\"trend-line\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"{(s.Bold ? 3 : 1.8)}\" stroke-linejoin=\"round\"");
                segment.Clear();
            }
            for (var i = 0; i < s.Values.Count; i++)
            {
                if (s.Values[i] is { } v)
                {
                    segment.Add((X(i), Y(v)));
                    var spread = s.Spreads?[i];
                    var sparse = spread is { N: > 0 and < ReportHtml.SparseBucket };
                    if (sparse && s.Bold && spread!.Low is { } lo && spread.High is { } hi)
                        svg.Line(X(i), Y(lo), X(i), Y(hi), $"class=\"trend-ci\" stroke=\"{s.Color}\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"");
                    if (sparse && s.Bold)
                        svg.Circle(X(i), Y(v), 4.5, $"class=\"trend-point sparse\" fill=\"#fff\" stroke=\"{s.Color}\" stroke-width=\"2\"",
                            $"{s.Name} {buckets[i]}: {t.Num(v, format)} [{t.Num(spread!.Low, format)}; {t.Num(spread.High, format)}], n = {t.Count(spread.N)}");
                    else if (s.Bold || s.Values.Count <= 20)
                        svg.Circle(X(i), Y(v), s.Bold ? 3.5 : 2.5, $"class=\"trend-point\" fill=\"{s.Color}\"", $"{s.Name} {buckets[i]}: {t.Num(v, format)}");
                }
                else Flush();
            }
            Flush();
        }
        if (layout.LegendBelow)
        {
            var y = layout.Height + 2;
            foreach (var row in LegendRows(series, width))
            {
                foreach (var (s, x) in row)
                {
                    svg.Line(x, y - 4, x + 14, y - 4, $"stroke=\"{s.Color}\" stroke-width=\"{(s.Bold ? 3 : 2)}\"");
                    svg.Text(x + 18, y, s.Name, $"class=\"legend-label\" font-size=\"{fs}\" font-weight=\"{(s.Bold ? 700 : 500)}\"");
                }
                y += 16;
            }
        }
        else
        {
            // Legend at the right end of each line, moved apart so that no two names touch.
            var used = new List<double>();
            foreach (var s in series)
            {
                var last = s.Values.LastOrDefault(v => v is not null);
                var y = last is { } v ? Y(v) + 4 : top + 10;
                while (used.Any(u => Math.Abs(u - y) < 15)) y += 15;
                used.Add(y);
                svg.Text(left + pw + 8, y, SmallCharts.ClipToWidth(s.Name, right - 12, 12), $"class=\"legend-label\" font-size=\"12\" fill=\"{s.Color}\" font-weight=\"{(s.Bold ? 700 : 500)}\"");
            }
        }
        svg.Close();
    }

    private static List<List<(Series Series, double X)>> LegendRows(IReadOnlyList<Series> series, double width)
    {
        var rows = new List<List<(Series, double)>> { new() };
        double x = 4;
        foreach (var s in series)
        {
            var w = 18 + MatrixChart.TextWidth(s.Name, 11) + 14;
            if (x + w > width - 4 && rows[^1].Count > 0) { rows.Add([]); x = 4; }
            rows[^1].Add((s, x));
            x += w;
        }
        return rows;
    }
}
