using System.Text.Json.Nodes;

namespace Listening.Tests.Reports;

/// <summary>
/// Measures a page as it is laid out in Chromium (Runtime.evaluate of element boxes, not a screenshot): whether anything sticks
/// out sideways, and for every visible chart whether its text is readable (font size × the chart's scale), inside the chart
/// (not clipped) and clear of the other texts of that chart (no two labels on top of each other). Returns the problems found.
/// </summary>
public static class PageLayout
{
    public sealed record Measure(int Width, IReadOnlyList<string> Problems, JsonNode Facts);

    /// <summary>The A4 printable width at 96 dpi: 210 mm − 2 × 12 mm margins.</summary>
    public const int PrintWidth = 703;

    public static async Task<Measure> MeasureAsync(HeadlessChromium browser, string url, int width, string media = "screen", double minFont = 9)
    {
        await browser.OpenAsync(url, width, 1000, media);
        var json = (await browser.EvaluateAsync(Script.Replace("__MIN_FONT__", minFont.ToString(System.Globalization.CultureInfo.InvariantCulture))))!.GetValue<string>();
        var node = JsonNode.Parse(json)!;
        return new Measure(width, node["problems"]!.AsArray().Select(p => $"{width}px {media}: {p}").ToList(), node["facts"]!);
    }

    private const string Script = """
        (() => {
          const minFont = __MIN_FONT__;
          const vw = document.documentElement.clientWidth;
          const problems = [];
          const visible = el => el.checkVisibility({ visibilityProperty: true });
          const name = el => el.id ? `#${el.id}` : el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined && el.className ? '.' + String(el.className).trim().split(/\s+/).join('.') : '');
          const path = el => { const parts = []; for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e)); return parts.join(' > '); };
          if (document.documentElement.scrollWidth > vw + 1) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${vw}`);
          for (const el of document.body.querySelectorAll('*')) {
            if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
            if (!visible(el)) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            if (r.right > vw + 1 || r.left < -1) problems.push(`${path(el)} sticks out: ${Math.round(r.left)}…${Math.round(r.right)} in ${vw}`);
          }
          const charts = [];
          for (const svg of document.querySelectorAll('svg.chart')) {
            if (!visible(svg)) continue;
            const box = svg.getBoundingClientRect();
            const scale = box.width / svg.viewBox.baseVal.width;
            const texts = [...svg.querySelectorAll('text')].filter(t => visible(t) && t.textContent.trim().length > 0);
            let smallest = Infinity;
            const boxes = [];
            for (const t of texts) {
              const size = parseFloat(getComputedStyle(t).fontSize) * scale;
              smallest = Math.min(smallest, size);
              const label = `${svg.id}: "${t.textContent.trim().slice(0, 40)}"`;
              if (size < minFont - 0.05) problems.push(`${label} is ${size.toFixed(1)} px, under ${minFont}`);
              const r = t.getBoundingClientRect();
              if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
                problems.push(`${label} is cut off: ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} × ${Math.round(r.top - box.top)}…${Math.round(r.bottom - box.top)} in ${Math.round(box.width)} × ${Math.round(box.height)}`);
              boxes.push([label, r]);
            }
            for (let i = 0; i < boxes.length; i++)
              for (let j = i + 1; j < boxes.length; j++) {
                const [a, p] = boxes[i], [b, q] = boxes[j];
                const w = Math.min(p.right, q.right) - Math.max(p.left, q.left), h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
                if (w > 1.5 && h > 2.5) problems.push(`${a} collides with ${b.split(': ').slice(1).join(': ')} (${w.toFixed(1)} × ${h.toFixed(1)} px)`);
              }
            charts.push({ id: svg.id, width: Math.round(box.width), texts: texts.length, smallestFont: Math.round(smallest * 10) / 10 });
          }
          const table = document.querySelector('#action-table, #mentions');
          const row = table && table.querySelector('tbody tr');
          return JSON.stringify({
            problems,
            facts: {
              width: vw,
              charts,
              tableRowDisplay: row ? getComputedStyle(row).display : null,
              tableWidth: table ? Math.round(table.getBoundingClientRect().width) : null,
            },
          });
        })()
        """;
}
