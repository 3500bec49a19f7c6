using System.Text;

namespace Listening.Reports;

/// <summary>The small inline charts: factor dot plot against competitors, sparklines and the NPS bar.</summary>
internal static class SmallCharts
{
    /// <summary>The dot chart drawn for a wide column (shown from 1000 px and up) or a narrow one (phones, tablets, A4).</summary>
    public enum DotsLayout { Wide, Narrow }

    /// <summary>
    /// One row per factor: performance on −1…+1, our dot and each competitor's, and under the factor's name each
    /// brand's number of mentions (in the legend's colours). A competitor with fewer mentions than the minimum is a
    /// faded dot (no Δ). On the right, Δ against the competitor we trail most (or lead least), named. The narrow layout
    /// puts the name and Δ on one line, the dots under them and the counts under the dots.
    /// </summary>
    public static void CompetitorDots(StringBuilder sb, IReadOnlyList<FactorRow> factors, IReadOnlyList<string> competitors, string brand, int minMentions,
        ReportText t, DotsLayout layout = DotsLayout.Wide, Func<string, string>? nameOf = null)
    {
        var name = nameOf ?? (b => b);
        var narrow = layout == DotsLayout.Narrow;
        double width = narrow ? 360 : 1000, rowH = narrow ? 50 : 34, left = narrow ? 10 : 230, right = narrow ? 10 : 210;
        double pw = width - left - right;
        string Color(int brandIndex) => Palette.Brands[Math.Min(brandIndex, Palette.Brands.Length - 1)];

        // Legend, wrapped onto as many lines as it needs.
        var legend = new List<(double X, double Y, string Name, int Index)>();
        double lx = narrow ? 4 : left, ly = 12, legendRight = width - (narrow ? 4 : right);
        foreach (var (label, i) in competitors.Prepend(brand).Select((n, i) => (Clip(n, 28), i)))
        {
            var w = 16 + MatrixChart.TextWidth(label, 12) + 16;
            if (lx + w > legendRight && lx > (narrow ? 4 : left)) { lx = narrow ? 4 : left; ly += 18; }
            legend.Add((lx, ly, label, i));
            lx += w;
        }
        var titleLines = narrow ? 0 : Wrap(t.DeltaVsTrailMost, right - 16, 10.5).Count;
        var top = Math.Max(ly, titleLines * 12 - 4) + 22;
        var height = top + rowH * factors.Count + 26;
        var svg = new Svg(sb).Open(narrow ? "competitor-chart-narrow" : "competitor-chart", width, height, t.CompetitorComparison, "dots " + (narrow ? "slim-only" : "broad-only"));
        double X(double v) => left + (Math.Clamp(v, -1, 1) + 1) / 2 * pw;
        foreach (var v in new[] { -1.0, -0.5, 0, 0.5, 1 })
        {
            svg.Line(X(v), top - 6, X(v), height - 22, v == 0 ? "stroke=\"#9aa3ad\"" : "stroke=\"#eceff2\"");
            var anchor = narrow && v == -1 ? "start" : narrow && v == 1 ? "end" : "middle";
            svg.Text(X(v), height - 8, t.Signed(v, "+0.0;−0.0;0"), $"class=\"tick muted\" text-anchor=\"{anchor}\" font-size=\"11\"");
        }
        foreach (var (x, y, label, i) in legend)
        {
            svg.Circle(x + 6, y, i == 0 ? 6 : 5, $"fill=\"{Color(i)}\"");
            svg.Text(x + 16, y + 4, label, $"class=\"legend-label\" font-size=\"12\"{(i == 0 ? " font-weight=\"700\"" : "")}");
        }
        if (!narrow)
        {
            // The Δ column's title, wrapped to the column.
            var lines = Wrap(t.DeltaVsTrailMost, right - 16, 10.5);
            var title = new StringBuilder($"<text x=\"{Svg.N(width - right + 12)}\" y=\"11\" font-size=\"10.5\" font-weight=\"700\" class=\"delta-title\">");
            for (var i = 0; i < lines.Count; i++)
                title.Append($"<tspan x=\"{Svg.N(width - right + 12)}\" dy=\"{(i == 0 ? 0 : 12)}\">{Svg.E(lines[i])}</tspan>");
            svg.Raw(title.Append("</text>").ToString());
        }
        for (var r = 0; r < factors.Count; r++)
        {
            var f = factors[r];
            var rowTop = top + r * rowH;
            if (r % 2 == 0) svg.Rect(0, rowTop, width, rowH, "fill=\"#f7f8fa\"");
            var deltaColor = f.Delta is < 0 ? Palette.Of("fix") : f.Delta is > 0 ? Palette.Of("promote") : "#5f6b7a";
            var delta = f.Delta is null ? "—" : $"{t.Signed(f.Delta)} {Clip(name(f.DeltaVs ?? ""), narrow ? 16 : 22)}";
            double y, nameY, countsY;
            if (narrow)
            {
                (nameY, y, countsY) = (rowTop + 15, rowTop + 29, rowTop + 45);
                var deltaWidth = MatrixChart.TextWidth(delta, 12);
                svg.Text(width - 4, nameY, delta, $"class=\"delta\" text-anchor=\"end\" font-size=\"12\" style=\"fill:{deltaColor}\"");
                svg.Text(4, nameY, ClipToWidth(f.Name, width - 8 - deltaWidth - 10, 12.5), "class=\"row-name\" font-size=\"12.5\" font-weight=\"600\"");
            }
            else
            {
                (nameY, y, countsY) = (rowTop + rowH / 2 - 1, rowTop + rowH / 2, rowTop + rowH / 2 + 12);
                svg.Text(8, nameY, ClipToWidth(f.Name, left - 16, 12.5), "class=\"row-name\" font-size=\"12.5\"");
                svg.Text(width - right + 12, y + 4, delta, $"font-size=\"12\" class=\"delta\" style=\"fill:{deltaColor}\"");
            }
            // Each brand's n, in the legend's colours: a dot is only as good as the mentions behind it.
            var counts = new StringBuilder($"<text x=\"{Svg.N(narrow ? 4 : 8)}\" y=\"{Svg.N(countsY)}\" font-size=\"{(narrow ? 10.5 : 10)}\" class=\"row-n\"><tspan class=\"muted\" fill=\"#5f6b7a\">n </tspan><tspan fill=\"{Color(0)}\" font-weight=\"700\">{Svg.E(t.Count(f.N))}</tspan>");
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
                        $"{name(f.Competitors[c].Competitor)}: {t.Signed(cv)}, n = {t.Count(f.Competitors[c].N)}" + (faded ? $" (n < {minMentions}: no Δ)" : ""));
                }
            if (f.Performance is { } ours)
            {
                if (values.Count > 0)
                    svg.Line(X(values.Append(ours).Min()), y, X(values.Append(ours).Max()), y, "stroke=\"#c3c9d1\" stroke-width=\"2\"");
                svg.Circle(X(ours), y, 7, $"class=\"dot ours\" fill=\"{Color(0)}\"", $"{brand}: {t.Signed(ours)}, n = {t.Count(f.N)}");
            }
        }
        svg.Close();
        if (narrow) sb.Append($"<p class=\"hint slim-only\">{Svg.E(t.DeltaVsTrailMost)}.</p>");
    }

    /// <summary>Words on lines no wider than <paramref name="width"/> at <paramref name="fontSize"/>.</summary>
    internal static List<string> Wrap(string text, double width, double fontSize)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && MatrixChart.TextWidth(candidate, fontSize) > width) { lines.Add(line); line = word; }
            else line = candidate;
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    /// <summary>A name cut to at most <paramref name="max"/> characters, with "…".</summary>
    internal static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>A name cut to fit <paramref name="width"/> at <paramref name="fontSize"/> (the full name is in the table).</summary>
    internal static string ClipToWidth(string text, double width, double fontSize)
    {
        if (MatrixChart.TextWidth(text, fontSize) <= width) return text;
        for (var n = text.Length - 1; n > 1; n--)
            if (MatrixChart.TextWidth(text[..n] + "…", fontSize) <= width) return text[..n].TrimEnd() + "…";
        return text[..1] + "…";
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

    /// <summary>Promoters / passives / detractors as one stacked bar, in HTML so that its labels wrap instead of shrinking.</summary>
    public static void NpsBar(StringBuilder sb, NpsValue nps, ReportText t, string id = "nps-bar")
    {
        sb.Append($"<div id=\"{id}\" class=\"npsbar\" role=\"img\" aria-label=\"{Svg.E(t.NpsTitle)}\">");
        if (nps.N == 0) { sb.Append($"<p class=\"muted\">{Svg.E(t.NpsNoAnswers)}</p></div>"); return; }
        var parts = new[] { (nps.Detractors, "#c8414b", t.Detractors, "detractors"), (nps.Passives, "#b8bec7", t.Passives, "passives"), (nps.Promoters, "#2a9d5c", t.Promoters, "promoters") };
        sb.Append("<div class=\"bar\">");
        foreach (var (count, color, label, cls) in parts)
        {
            var share = 100.0 * count / nps.N;
            if (count == 0) continue;
            sb.Append($"<span class=\"nps-segment {cls}\" style=\"width:{Svg.N(share)}%;background:{color}\" title=\"{Svg.E(label)}: {t.Count(count)}\">{(share >= 12 ? $"{t.Num(share, "0")} %" : "")}</span>");
        }
        sb.Append("</div><div class=\"bar-legend\">");
        foreach (var (count, color, label, _) in parts)
            sb.Append($"<span><i style=\"background:{color}\"></i>{Svg.E(label)}: {t.Count(count)} ({t.Num(100.0 * count / nps.N, "0")} %)</span>");
        sb.Append("</div></div>");
    }
}
