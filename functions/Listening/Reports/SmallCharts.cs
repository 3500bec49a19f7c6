using System.Text;

namespace Listening.Reports;

/// <summary>The small inline charts: factor dot plot against competitors, sparklines and the NPS bar.</summary>
internal static class SmallCharts
{
    /// <summary>
    /// One row per factor: performance on −1…+1, our dot and each competitor's, and under the factor's name each
    /// brand's number of mentions (in the legend's colours). A competitor with fewer mentions than the minimum is a
    /// faded dot (no Δ). On the right, Δ against the competitor we trail most (or lead least), named.
    /// </summary>
    public static void CompetitorDots(StringBuilder sb, IReadOnlyList<FactorRow> factors, IReadOnlyList<string> competitors, string brand, int minMentions, ReportText t)
    {
        const double width = 1000, rowH = 34, left = 230, right = 210, top = 34;
        var height = top + rowH * factors.Count + 26;
        var svg = new Svg(sb).Open("competitor-chart", width, height, t.CompetitorComparison, "dots");
        double pw = width - left - right;
        double X(double v) => left + (Math.Clamp(v, -1, 1) + 1) / 2 * pw;
        string Color(int brandIndex) => Palette.Brands[Math.Min(brandIndex, Palette.Brands.Length - 1)];
        foreach (var v in new[] { -1.0, -0.5, 0, 0.5, 1 })
        {
            svg.Line(X(v), top - 6, X(v), height - 22, v == 0 ? "stroke=\"#9aa3ad\"" : "stroke=\"#eceff2\"");
            svg.Text(X(v), height - 8, t.Signed(v, "+0.0;−0.0;0"), "text-anchor=\"middle\" font-size=\"10\" class=\"muted\"");
        }
        // Legend.
        var lx = left;
        foreach (var (name, i) in competitors.Prepend(brand).Select((n, i) => (n, i)))
        {
            svg.Circle(lx + 6, 12, i == 0 ? 6 : 5, $"fill=\"{Color(i)}\"");
            svg.Text(lx + 16, 16, name, $"font-size=\"12\"{(i == 0 ? " font-weight=\"700\"" : "")}");
            lx += 34 + name.Length * 7.5;
        }
        var header = t.DeltaVsTrailMost;
        var cut = header.IndexOf(' ', Math.Min(header.Length - 1, header.Length / 2));
        svg.Raw($"<text x=\"{Svg.N(width - right + 12)}\" y=\"11\" font-size=\"10.5\" font-weight=\"700\" class=\"delta-title\">"
            + $"<tspan>{Svg.E(cut > 0 ? header[..cut] : header)}</tspan><tspan x=\"{Svg.N(width - right + 12)}\" dy=\"12\">{Svg.E(cut > 0 ? header[(cut + 1)..] : "")}</tspan></text>");
        for (var r = 0; r < factors.Count; r++)
        {
            var f = factors[r];
            var y = top + r * rowH + rowH / 2;
            if (r % 2 == 0) svg.Rect(0, y - rowH / 2, width, rowH, "fill=\"#f7f8fa\"");
            svg.Text(8, y - 1, f.Name, "font-size=\"12.5\"");
            // Each brand's n, in the legend's colours: a dot is only as good as the mentions behind it.
            var counts = new StringBuilder($"<text x=\"8\" y=\"{Svg.N(y + 12)}\" font-size=\"9.5\" class=\"row-n\"><tspan class=\"muted\" fill=\"#5f6b7a\">n </tspan><tspan fill=\"{Color(0)}\" font-weight=\"700\">{Svg.E(t.Count(f.N))}</tspan>");
            for (var c = 0; c < f.Competitors.Count; c++)
                counts.Append($"<tspan fill=\"#5f6b7a\"> · </tspan><tspan class=\"competitor-n\" fill=\"{Color(c + 1)}\">{Svg.E(t.Count(f.Competitors[c].N))}</tspan>");
            svg.Raw(counts.Append("</text>").ToString());
            var values = new List<double>();
            for (var c = 0; c < f.Competitors.Count; c++)
                if (f.Competitors[c].Performance is { } cv)
                {
                    values.Add(cv);
                    var faded = f.Competitors[c].Delta is null;
                    svg.Circle(X(cv), y, 5, $"class=\"dot competitor{(faded ? " faded" : "")}\" fill=\"{Color(c + 1)}\" fill-opacity=\"{(faded ? 0.3 : 0.9)}\"",
                        $"{f.Competitors[c].Competitor}: {t.Signed(cv)}, n = {t.Count(f.Competitors[c].N)}" + (faded ? $" (n < {minMentions}: no Δ)" : ""));
                }
            if (f.Performance is { } ours)
            {
                if (values.Count > 0)
                    svg.Line(X(values.Append(ours).Min()), y, X(values.Append(ours).Max()), y, "stroke=\"#c3c9d1\" stroke-width=\"2\"");
                svg.Circle(X(ours), y, 7, $"class=\"dot ours\" fill=\"{Color(0)}\"", $"{brand}: {t.Signed(ours)}, n = {t.Count(f.N)}");
            }
            var deltaColor = f.Delta is < 0 ? Palette.Of("fix") : f.Delta is > 0 ? Palette.Of("promote") : "#5f6b7a";
            svg.Text(width - right + 12, y + 4, f.Delta is null ? "—" : $"{t.Signed(f.Delta)} {f.DeltaVs}", $"font-size=\"12\" class=\"delta\" style=\"fill:{deltaColor}\"");
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
