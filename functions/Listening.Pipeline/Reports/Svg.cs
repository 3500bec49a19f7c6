using System.Globalization;
using System.Net;
using System.Text;

namespace Listening.Reports;

/// <summary>Just enough SVG writing for the report's inline charts: numbers in invariant culture, text encoded.</summary>
internal sealed class Svg(StringBuilder sb)
{
    public static string N(double v) => Math.Round(v, 1).ToString(CultureInfo.InvariantCulture);
    public static string E(string s) => WebUtility.HtmlEncode(s);

    public Svg Open(string id, double width, double height, string label, string? cssClass = null)
    {
        sb.Append($"<svg id=\"{id}\" class=\"chart {cssClass}\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" role=\"img\" aria-label=\"{E(label)}\">");
        return this;
    }

    public Svg Close() { sb.Append("</svg>"); return this; }

    public Svg Raw(string s) { sb.Append(s); return this; }

    public Svg Rect(double x, double y, double w, double h, string attrs) =>
        Raw($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" {attrs}/>");

    public Svg Line(double x1, double y1, double x2, double y2, string attrs) =>
        Raw($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" {attrs}/>");

    public Svg Circle(double cx, double cy, double r, string attrs, string? title = null) =>
        Raw(title is null
            ? $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" {attrs}/>"
            : $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" {attrs}><title>{E(title)}</title></circle>");

    public Svg Text(double x, double y, string text, string attrs = "") =>
        Raw($"<text x=\"{N(x)}\" y=\"{N(y)}\" {attrs}>{E(text)}</text>");

    public Svg Polyline(IEnumerable<(double X, double Y)> points, string attrs) =>
        Raw($"<polyline points=\"{string.Join(' ', points.Select(p => N(p.X) + "," + N(p.Y)))}\" {attrs}/>");

    public Svg Polygon(IEnumerable<(double X, double Y)> points, string attrs) =>
        Raw($"<polygon points=\"{string.Join(' ', points.Select(p => N(p.X) + "," + N(p.Y)))}\" {attrs}/>");
}

/// <summary>The quadrant colours, shared by charts, chips and the legend.</summary>
internal static class Palette
{
    public static string Of(string quadrant) => quadrant switch
    {
        "fix" => "#c8414b",
        "promote" => "#2a9d5c",
        "maintain" => "#3a6ea5",
        "watch" => "#d99a00",
        _ => "#9aa0a6",
    };

    public static string Tint(string quadrant) => quadrant switch
    {
        "fix" => "#fbeaec",
        "promote" => "#e6f5ec",
        "maintain" => "#e8eff7",
        "watch" => "#fcf3dc",
        _ => "#f1f3f4",
    };

    /// <summary>Us first (the brand colour), then one colour per competitor.</summary>
    public static readonly string[] Brands = ["#1f3a5f", "#e07a1f", "#8e5bb5", "#2b9aa0", "#a3554a", "#6b7280"];
}
