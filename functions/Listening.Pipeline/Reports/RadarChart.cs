using System.Text;

namespace Listening.Reports;

/// <summary>The touchpoint wheel: one spoke per channel on a 0–10 scale; thin spokes have too few items.</summary>
internal static class RadarChart
{
    public static void Render(StringBuilder sb, IReadOnlyList<WheelSpoke> spokes, ReportText t, double size = 420)
    {
        // Wider than tall: spoke labels left and right need room.
        var width = size + 120;
        var svg = new Svg(sb).Open("wheel", width, size, t.Wheel, "radar");
        double c = size / 2, radius = size / 2 - 60;
        var cxOffset = 60.0;
        if (spokes.Count == 0)
        {
            svg.Text(c, c, t.NoData, "text-anchor=\"middle\" class=\"muted\"").Close();
            return;
        }
        // With fewer than three channels a polygon is meaningless: draw three axes anyway so it reads as a wheel.
        var count = Math.Max(3, spokes.Count);
        (double X, double Y) At(int i, double value) =>
            (cxOffset + c + radius * value / 10 * Math.Sin(2 * Math.PI * i / count), c - radius * value / 10 * Math.Cos(2 * Math.PI * i / count));

        foreach (var ring in new[] { 2.0, 4, 6, 8, 10 })
        {
            svg.Polygon(Enumerable.Range(0, count).Select(i => At(i, ring)), $"fill=\"none\" stroke=\"#dde1e6\" stroke-width=\"{(ring == 10 ? 1.5 : 1)}\"");
            svg.Text(cxOffset + c - 3, c - radius * ring / 10 + 11, t.Num(ring, "0"), "font-size=\"9\" text-anchor=\"end\" class=\"muted\"");
        }
        for (var i = 0; i < count; i++)
        {
            var (x, y) = At(i, 10);
            svg.Line(cxOffset + c, c, x, y, "stroke=\"#dde1e6\"");
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
            var anchor = Math.Abs(lx - cxOffset - c) < 8 ? "middle" : lx > cxOffset + c ? "start" : "end";
            if (anchor == "middle") ly += ly < c ? -12 : 4;
            svg.Text(lx, ly, s.Name, $"font-size=\"12\" font-weight=\"600\" text-anchor=\"{anchor}\"");
            svg.Text(lx, ly + 14, $"{t.Num(s.Score, "0.0")} · n = {t.Count(s.N)}", $"font-size=\"11\" text-anchor=\"{anchor}\" class=\"muted\"");
        }
        svg.Close();
    }
}
