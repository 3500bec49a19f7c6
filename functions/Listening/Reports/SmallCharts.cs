using System.Text;

namespace Listening.Reports;

/// <summary>The small inline charts: factor dot plot against competitors, sparklines and the NPS bar.</summary>
internal static class SmallCharts
{
    /// <summary>One row per factor: performance on −1…+1, our dot and each competitor's.</summary>
    public static void CompetitorDots(StringBuilder sb, IReadOnlyList<FactorRow> factors, IReadOnlyList<string> competitors, string brand, ReportText t)
    {
        const double width = 1000, rowH = 30, left = 230, right = 190, top = 30;
        var height = top + rowH * factors.Count + 26;
        var svg = new Svg(sb).Open("competitor-chart", width, height, t.CompetitorComparison, "dots");
        double pw = width - left - right;
        double X(double v) => left + (Math.Clamp(v, -1, 1) + 1) / 2 * pw;
        foreach (var v in new[] { -1.0, -0.5, 0, 0.5, 1 })
        {
            svg.Line(X(v), top - 6, X(v), height - 22, v == 0 ? "stroke=\"#9aa3ad\"" : "stroke=\"#eceff2\"");
            svg.Text(X(v), height - 8, t.Signed(v, "+0.0;−0.0;0"), "text-anchor=\"middle\" font-size=\"10\" class=\"muted\"");
        }
        // Legend.
        var lx = left;
        foreach (var (name, i) in competitors.Prepend(brand).Select((n, i) => (n, i)))
        {
            svg.Circle(lx + 6, 12, i == 0 ? 6 : 5, $"fill=\"{Palette.Brands[Math.Min(i, Palette.Brands.Length - 1)]}\"");
            svg.Text(lx + 16, 16, name, $"font-size=\"12\"{(i == 0 ? " font-weight=\"700\"" : "")}");
            lx += 34 + name.Length * 7.5;
        }
        svg.Text(width - right + 12, 16, "Δ", "font-size=\"12\" font-weight=\"700\"");
        for (var r = 0; r < factors.Count; r++)
        {
            var f = factors[r];
            var y = top + r * rowH + rowH / 2;
            if (r % 2 == 0) svg.Rect(0, y - rowH / 2, width, rowH, "fill=\"#f7f8fa\"");
            svg.Text(8, y + 4, f.Name, "font-size=\"12.5\"");
            svg.Text(left - 10, y + 4, $"n={t.Count(f.N)}", "font-size=\"10\" text-anchor=\"end\" class=\"muted\"");
            var values = new List<double>();
            for (var c = 0; c < f.Competitors.Count; c++)
                if (f.Competitors[c].Performance is { } cv)
                {
                    values.Add(cv);
                    var color = Palette.Brands[Math.Min(c + 1, Palette.Brands.Length - 1)];
                    svg.Circle(X(cv), y, 5, $"class=\"dot competitor\" fill=\"{color}\" fill-opacity=\"{(f.Competitors[c].Delta is null ? 0.35 : 0.9)}\"",
                        $"{f.Competitors[c].Competitor}: {t.Signed(cv)}, n = {t.Count(f.Competitors[c].N)}");
                }
            if (f.Performance is { } ours)
            {
                if (values.Count > 0)
                    svg.Line(X(values.Append(ours).Min()), y, X(values.Append(ours).Max()), y, "stroke=\"#c3c9d1\" stroke-width=\"2\"");
                svg.Circle(X(ours), y, 7, $"class=\"dot ours\" fill=\"{Palette.Brands[0]}\"", $"{brand}: {t.Signed(ours)}, n = {t.Count(f.N)}");
            }
            var deltas = string.Join("  ", f.Competitors.Where(c => c.Delta is not null).Select(c => t.Signed(c.Delta)));
            var deltaColor = f.Delta is < 0 ? Palette.Of("fix") : f.Delta is > 0 ? Palette.Of("promote") : "#5f6b7a";
            svg.Text(width - right + 12, y + 4, deltas.Length > 0 ? deltas : "—", $"font-size=\"12\" fill=\"{deltaColor}\"");
        }
        svg.Close();
    }

    public static void Sparkline(StringBuilder sb, IReadOnlyList<TrendPoint> points, string color)
    {
        const double w = 90, h = 22;
        var values = points.Select(p => p.Performance).ToList();
        sb.Append($"<svg class=\"spark\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" aria-hidden=\"true\">");
        // Scaled to the factor's own range, but at least 0.5 wide so that week-to-week noise is not drawn as drama.
        var known = values.Where(v => v is not null).Select(v => v!.Value).ToList();
        var mid = known.Count > 0 ? (known.Max() + known.Min()) / 2 : 0;
        var half = Math.Max(0.25, known.Count > 0 ? (known.Max() - known.Min()) / 2 : 0.25);
        var pts = values.Select((v, i) => (v, i)).Where(p => p.v is not null)
            .Select(p => (X: values.Count == 1 ? w / 2 : p.i * (w - 4) / (values.Count - 1) + 2, Y: h / 2 - (p.v!.Value - mid) / half * (h / 2 - 2))).ToList();
        if (pts.Count > 1)
            sb.Append($"<polyline points=\"{string.Join(' ', pts.Select(p => Svg.N(p.X) + "," + Svg.N(p.Y)))}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.6\"/>");
        if (pts.Count > 0)
            sb.Append($"<circle cx=\"{Svg.N(pts[^1].X)}\" cy=\"{Svg.N(pts[^1].Y)}\" r=\"2.2\" fill=\"{color}\"/>");
        sb.Append("</svg>");
    }

    /// <summary>Promoters / passives / detractors as one stacked bar.</summary>
    public static void NpsBar(StringBuilder sb, NpsValue nps, ReportText t, string id = "nps-bar")
    {
        const double w = 520, h = 56;
        var svg = new Svg(sb).Open(id, w, h, t.NpsTitle, "npsbar");
        if (nps.N == 0) { svg.Text(0, 20, t.NpsNoAnswers, "class=\"muted\" font-size=\"12\"").Close(); return; }
        double x = 0;
        foreach (var (count, color, label) in new[] { (nps.Detractors, "#c8414b", t.Detractors), (nps.Passives, "#b8bec7", t.Passives), (nps.Promoters, "#2a9d5c", t.Promoters) })
        {
            var width = w * count / nps.N;
            svg.Rect(x, 0, width, 26, $"class=\"nps-segment\" fill=\"{color}\"");
            if (width > 44) svg.Text(x + width / 2, 17, $"{t.Num(100.0 * count / nps.N, "0")} %", "text-anchor=\"middle\" font-size=\"12\" fill=\"#fff\" font-weight=\"600\"");
            x += width;
        }
        double lx = 0;
        foreach (var (color, label, count) in new[] { ("#c8414b", t.Detractors, nps.Detractors), ("#b8bec7", t.Passives, nps.Passives), ("#2a9d5c", t.Promoters, nps.Promoters) })
        {
            svg.Rect(lx, 38, 10, 10, $"fill=\"{color}\"");
            svg.Text(lx + 14, 47, $"{label}: {t.Count(count)}", "font-size=\"11\"");
            lx += 175;
        }
        svg.Close();
    }
}
