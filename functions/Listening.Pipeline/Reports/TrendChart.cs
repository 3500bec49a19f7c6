using System.Text;

namespace Listening.Reports;

/// <summary>Lines over the period's buckets: one per brand (us bold), on a fixed scale, with n under each bucket.</summary>
internal static class TrendChart
{
    public sealed record Series(string Name, IReadOnlyList<double?> Values, string Color, bool Bold);

    public static void Render(StringBuilder sb, string id, string label, IReadOnlyList<string> buckets, IReadOnlyList<long> counts,
        IReadOnlyList<Series> series, double min, double max, string format, ReportText t, double width = 1000, double height = 260)
    {
        var svg = new Svg(sb).Open(id, width, height, label, "trend");
        double left = 48, right = 130, top = 14, bottom = 46;
        double pw = width - left - right, ph = height - top - bottom;
        double X(int i) => buckets.Count == 1 ? left + pw / 2 : left + i * pw / (buckets.Count - 1);
        double Y(double v) => top + ph - (Math.Clamp(v, min, max) - min) / (max - min) * ph;

        foreach (var v in MatrixChart.Ticks(min, max))
        {
            svg.Line(left, Y(v), left + pw, Y(v), Math.Abs(v) < 1e-9 ? "stroke=\"#9aa3ad\"" : "stroke=\"#eceff2\"");
            svg.Text(left - 6, Y(v) + 4, t.Num(v, format), "text-anchor=\"end\" font-size=\"10\" class=\"muted\"");
        }
        var every = Math.Max(1, (int)Math.Ceiling(buckets.Count / 14.0));
        for (var i = 0; i < buckets.Count; i++)
        {
            if (i % every != 0 && i != buckets.Count - 1) continue;
            svg.Text(X(i), top + ph + 15, buckets[i], "text-anchor=\"middle\" font-size=\"10\" class=\"muted\"");
            svg.Text(X(i), top + ph + 28, $"n={t.Count(counts[i])}", "text-anchor=\"middle\" font-size=\"9\" class=\"muted\"");
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
                    if (s.Bold || s.Values.Count <= 20) svg.Circle(X(i), Y(v), s.Bold ? 3.5 : 2.5, $"fill=\"{s.Color}\"", $"{s.Name} {buckets[i]}: {t.Num(v, format)}");
                }
                else Flush();
            }
            Flush();
        }
        // Legend at the right end of each line.
        var used = new List<double>();
        foreach (var s in series)
        {
            var last = s.Values.LastOrDefault(v => v is not null);
            var y = last is { } v ? Y(v) + 4 : top + 10;
            while (used.Any(u => Math.Abs(u - y) < 13)) y += 13;
            used.Add(y);
            svg.Text(left + pw + 8, y, s.Name, $"font-size=\"12\" fill=\"{s.Color}\" font-weight=\"{(s.Bold ? 700 : 500)}\"");
        }
        svg.Close();
    }
}
