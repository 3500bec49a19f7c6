using System.Text;

namespace Listening.Reports;

/// <summary>
/// The touchpoint wheel: one spoke per channel on a 0–10 scale; hollow dots have too few items. The radius leaves room
/// for each label at the width the chart is drawn for, so no label is cut off at the edge (drawn wide and narrow).
/// </summary>
internal static class RadarChart
{
    public sealed record Layout(string Id, double Width, double Height, int LabelFs, int ValueFs, string CssClass)
    {
        public static readonly Layout Wide = new("wheel", 540, 420, 12, 11, "wheel-wide");
        public static readonly Layout Narrow = new("wheel-narrow", 340, 320, 11, 10, "wheel-narrow");
    }

    public static void Render(StringBuilder sb, IReadOnlyList<WheelSpoke> spokes, ReportText t, Layout layout)
    {
        var (width, height) = (layout.Width, layout.Height);
        var svg = new Svg(sb).Open(layout.Id, width, height, t.Wheel, "radar " + layout.CssClass);
        double cx = width / 2, cy = height / 2;
        if (spokes.Count == 0)
        {
            svg.Text(cx, cy, t.NoData, "text-anchor=\"middle\" class=\"muted\"").Close();
            return;
        }
        // With fewer than three channels a polygon is meaningless: draw three axes anyway so it reads as a wheel.
        var count = Math.Max(3, spokes.Count);
        double Sin(int i) => Math.Sin(2 * Math.PI * i / count);
        double Cos(int i) => Math.Cos(2 * Math.PI * i / count);
        string Name(WheelSpoke s) => SmallCharts.Clip(s.Name, 18);
        string Value(WheelSpoke s) => $"{t.Num(s.Score, "0.0")} · n = {t.Count(s.N)}";
        // The largest radius at which every label (at 1.12 radius, two lines) stays inside the box.
        var radius = Math.Min(cx, cy) - 10;
        for (var i = 0; i < spokes.Count; i++)
        {
            var w = Math.Max(MatrixChart.TextWidth(Name(spokes[i]), layout.LabelFs), MatrixChart.TextWidth(Value(spokes[i]), layout.ValueFs)) + 6;
            var (sin, cos) = (Sin(i), Cos(i));
            var horizontal = Math.Abs(sin) < 0.1 ? w / 2 : w;
            if (Math.Abs(sin) > 1e-9) radius = Math.Min(radius, (cx - 4 - horizontal) / (Math.Abs(sin) * 1.12));
            var vertical = cos > 0.1 ? layout.LabelFs + 6 : cos < -0.1 ? layout.LabelFs + layout.ValueFs + 10 : layout.ValueFs + 6;
            if (Math.Abs(cos) > 1e-9) radius = Math.Min(radius, (cy - 4 - vertical) / (Math.Abs(cos) * 1.12));
        }
        radius = Math.Max(radius, 40);
        (double X, double Y) At(int i, double value) => (cx + radius * value / 10 * Sin(i), cy - radius * value / 10 * Cos(i));

        foreach (var ring in new[] { 2.0, 4, 6, 8, 10 })
        {
            svg.Polygon(Enumerable.Range(0, count).Select(i => At(i, ring)), $"fill=\"none\" stroke=\"#dde1e6\" stroke-width=\"{(ring == 10 ? 1.5 : 1)}\"");
            if (ring is 4 or 8) svg.Text(cx - 3, cy - radius * ring / 10 + 11, t.Num(ring, "0"), "class=\"tick muted\" font-size=\"10.5\" text-anchor=\"end\"");
        }
        for (var i = 0; i < count; i++)
        {
            var (x, y) = At(i, 10);
            svg.Line(cx, cy, x, y, "stroke=\"#dde1e6\"");
        }
        var scored = spokes.Select((s, i) => (s, i)).Where(p => p.s.Score is not null).ToList();
        if (scored.Count > 0)
            svg.Polygon(scored.Select(p => At(p.i, p.s.Score!.Value)),
                $"class=\"wheel-shape\" fill=\"{Palette.Brands[0]}\" fill-opacity=\"0.18\" stroke=\"{Palette.Brands[0]}\" stroke-width=\"2\"");
        for (var i = 0; i < spokes.Count; i++)
        {
            var s = spokes[i];
            if (s.Score is { } v)
            {
                var (x, y) = At(i, v);
                svg.Circle(x, y, s.Sufficient ? 5 : 4,
                    s.Sufficient ? $"class=\"spoke\" fill=\"{Palette.Brands[0]}\"" : $"class=\"spoke insufficient\" fill=\"#fff\" stroke=\"{Palette.Brands[0]}\" stroke-width=\"1.5\"",
                    $"{s.Name}: {t.Num(v, "0.0")} / 10, n = {t.Count(s.N)}");
            }
            var (lx, ly) = At(i, 11.2);
            var anchor = Math.Abs(Sin(i)) < 0.1 ? "middle" : Sin(i) > 0 ? "start" : "end";
            if (anchor == "middle") ly += Cos(i) > 0 ? -layout.ValueFs - 4 : layout.LabelFs;
            else ly += layout.LabelFs * 0.35;
            svg.Text(lx, ly, Name(s), $"class=\"spoke-label\" font-size=\"{layout.LabelFs}\" font-weight=\"600\" text-anchor=\"{anchor}\"");
            svg.Text(lx, ly + layout.ValueFs + 3, Value(s), $"class=\"spoke-value muted\" font-size=\"{layout.ValueFs}\" text-anchor=\"{anchor}\"");
        }
        svg.Close();
    }
}
