using System.Text;
using static Listening.Reports.Svg;

namespace Listening.Reports;

/// <summary>
/// The drill-down page: one factor's mentions as one self-contained HTML page in the report's style — filters as links
/// (polarity, channel, brand or competitor), the mentions newest first with the clause highlighted, the author masked to
/// initials and a link to the original post, and a pager. Every link is relative to the page's own URL
/// (<c>…/api/reports/{brand}/factors/{factor}</c>), so it works on both hosts; no scripts.
/// </summary>
public static class MentionsHtml
{
    public static string Render(MentionsPage p)
    {
        var ru = p.Lang == "ru";
        var t = ReportText.For(p.Lang);
        var sb = new StringBuilder(64 * 1024);
        var period = $"{p.From.ToString("d MMM yyyy", t.Culture)} – {p.To.ToString("d MMM yyyy", t.Culture)}";
        sb.Append($"<!DOCTYPE html><html lang=\"{p.Lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        sb.Append("<meta name=\"referrer\" content=\"no-referrer\">");
        sb.Append($"<title>{E(p.FactorName)} — {E(p.DisplayName)} — {E(period)}</title><style>{ReportStyle.Css}{Css}</style></head><body>");
        sb.Append("<header class=\"top\"><div class=\"inner\">");
        sb.Append($"<div class=\"kicker\">{E(ru ? "Упоминания фактора" : "Mentions of a factor")}</div><h1>{E(p.FactorName)} · {E(p.DisplayName)}</h1><div class=\"meta\">");
        sb.Append($"<span>{E(t.Period)}: <b>{E(period)}</b></span>");
        sb.Append($"<span id=\"total\">{E(ru ? "Найдено" : "Found")}: <b>{E(Plural.Mentions(p.Total, p.Lang))}</b>{(p.Total != p.AllMentions ? E(ru ? $" из {p.AllMentions}" : $" of {p.AllMentions}") : "")}</span>");
        sb.Append($"<span><a id=\"back\" href=\"{E(BackToReport(p))}\">← {E(ru ? "к отчёту" : "back to the report")}</a></span>");
        sb.Append("</div></div></header><main>");

        sb.Append($"<section id=\"filters\"><h2>{E(ru ? "Фильтры" : "Filters")}</h2>");
        Facet(sb, p, "polarity", ru ? "Тональность" : "Polarity", p.Polarities, p.Polarity, p.AllMentions, ru);
        Facet(sb, p, "channel", t.Channel, p.Channels, p.Channel, p.AllMentions, ru);
        if (p.Brands.Count > 1 || p.About is not null) Facet(sb, p, "about", ru ? "О ком" : "About", p.Brands, p.About, p.AllMentions, ru);
        sb.Append("</section>");

        sb.Append($"<section id=\"mentions-section\" class=\"flow\"><h2>{E(ru ? "Упоминания, сначала новые" : "Mentions, newest first")}</h2>");
        sb.Append($"<p class=\"hint\">{E(ru ? "Выделена часть предложения, где найден фактор, цветом её тональности. Имена, e-mail, телефоны и @ники скрыты; автор — инициалы." : "The clause the factor was found in is highlighted in the colour of its polarity. Names, e-mails, phone numbers and @handles are masked; the author is shown by initials.")}</p>");
        if (p.Mentions.Count == 0)
            sb.Append($"<p class=\"muted\" id=\"no-mentions\">{E(ru ? "Нет упоминаний с такими фильтрами." : "No mentions with these filters.")}</p>");
        else
        {
            var (open, close) = ru ? ("«", "»") : ("“", "”");
            var (date, about, channel, polarity, mention, author, post) = ru
                ? ("Дата", "О ком", "Канал", "Тональность", "Упоминание", "Автор", "Оригинал")
                : ("Date", "About", "Channel", "Polarity", "Mention", "Author", "Original");
            sb.Append($"<table id=\"mentions\" class=\"reflow\"><thead><tr><th class=\"w-date\">{date}</th><th>{about}</th><th>{channel}</th><th>{polarity}</th><th class=\"w-text\">{mention}</th><th>{author}</th><th>{post}</th></tr></thead><tbody>");
            foreach (var m in p.Mentions)
            {
                var start = Math.Clamp(m.ClauseStart, 0, m.Text.Length);
                var end = Math.Clamp(m.ClauseStart + m.ClauseLength, start, m.Text.Length);
                sb.Append($"<tr class=\"mention {m.Polarity}\" data-polarity=\"{m.Polarity}\" data-channel=\"{E(m.Channel)}\" data-about=\"{E(m.Brand)}\">");
                sb.Append($"<td class=\"name\">{E(m.Date.ToString("d MMM yyyy", t.Culture))}</td>");
                sb.Append($"<td data-label=\"{about}\">{E(m.BrandName)}{(m.Competitor ? $" <span class=\"muted\">({E(ru ? "конкурент" : "competitor")})</span>" : "")}</td>");
                sb.Append($"<td data-label=\"{channel}\">{E(m.ChannelName)} <span class=\"muted\">· {E(m.Source)}</span></td>");
                sb.Append($"<td data-label=\"{polarity}\"><span class=\"pol {m.Polarity}\">{E(StoredFactorMentions.PolarityName(m.Polarity, p.Lang))}</span></td>");
                sb.Append($"<td class=\"text\" data-label=\"{mention}\">{open}{E(m.Text[..start])}<mark class=\"clause {m.Polarity}\">{E(m.Text[start..end])}</mark>{E(m.Text[end..])}{close}</td>");
                sb.Append($"<td data-label=\"{author}\">{E(m.Author)}</td>");
                sb.Append($"<td data-label=\"{post}\">{(m.Url is { } url ? $"<a class=\"original\" href=\"{E(url)}\" rel=\"noopener noreferrer nofollow\">{E(Host(url))} ↗</a>" : "<span class=\"muted\">—</span>")}</td>");
                sb.Append("</tr>");
            }
            sb.Append("</tbody></table>");
        }
        Pager(sb, p, ru);
        sb.Append("</section>");
        sb.Append($"<footer>Listening · {E(p.DisplayName)} · {E(p.FactorName)} · {E(period)}</footer></main></body></html>");
        return sb.ToString();
    }

    private const string Css = """
        .facet { display:flex; flex-wrap:wrap; gap:6px 8px; align-items:baseline; margin: 6px 0 10px; }
        .facet .label { font-size:12px; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; margin-right:4px; }
        .facet a { display:inline-block; padding:2px 10px; border:1px solid var(--line); border-radius:999px; font-size:13px; text-decoration:none; color:var(--ink); background:#fff; }
        .facet a.on { background: var(--brand); color:#fff; border-color: var(--brand); }
        .facet a .n { color: var(--muted); margin-left:4px; } .facet a.on .n { color:#dbe4ef; }
        #mentions td.text { font-size: 13px; } #mentions .w-text { width: 46%; } #mentions .w-date { width: 9%; }
        .pol { font-weight:600; } .pol.negative { color:#c8414b; } .pol.positive { color:#2a9d5c; } .pol.neutral { color: var(--muted); }
        nav.pager { display:flex; flex-wrap:wrap; gap: 8px 16px; align-items:center; margin-top: 12px; font-size: 14px; }
        nav.pager a { text-decoration:none; }
        """;

    private static void Facet(StringBuilder sb, MentionsPage p, string name, string title, IReadOnlyList<FacetCount> values, string? current, long all, bool ru)
    {
        sb.Append($"<div class=\"facet\" id=\"facet-{name}\"><span class=\"label\">{E(title)}</span>");
        sb.Append($"<a class=\"{(current is null ? "on" : "")}\" href=\"{E(Link(p, name, null, 1))}\">{E(ru ? "все" : "all")}<span class=\"n\">{all}</span></a>");
        foreach (var v in values)
            sb.Append($"<a class=\"{(string.Equals(current, v.Value, StringComparison.OrdinalIgnoreCase) ? "on" : "")}\" data-value=\"{E(v.Value)}\" href=\"{E(Link(p, name, v.Value, 1))}\">{E(v.Label)}<span class=\"n\">{v.Count}</span></a>");
        sb.Append("</div>");
    }

    private static void Pager(StringBuilder sb, MentionsPage p, bool ru)
    {
        if (p.Pages <= 1) return;
        sb.Append("<nav class=\"pager\">");
        if (p.Page > 1) sb.Append($"<a rel=\"prev\" href=\"{E(Link(p, null, null, p.Page - 1))}\">← {E(ru ? "новее" : "newer")}</a>");
        sb.Append($"<span id=\"page\">{E(ru ? $"страница {p.Page} из {p.Pages}" : $"page {p.Page} of {p.Pages}")}</span>");
        if (p.Page < p.Pages) sb.Append($"<a rel=\"next\" href=\"{E(Link(p, null, null, p.Page + 1))}\">{E(ru ? "старше" : "older")} →</a>");
        sb.Append("</nav>");
    }

    /// <summary>This page with one filter changed (or only the page): a query-only URL, relative to the page itself.</summary>
    public static string Link(MentionsPage p, string? filter, string? value, int page)
    {
        var polarity = filter == "polarity" ? value : p.Polarity;
        var channel = filter == "channel" ? value : p.Channel;
        var about = filter == "about" ? value : p.About;
        var query = new List<string> { $"from={p.From:yyyy-MM-dd}", $"to={p.To:yyyy-MM-dd}", $"lang={p.Lang}" };
        if (polarity is not null) query.Add("polarity=" + Uri.EscapeDataString(polarity));
        if (channel is not null) query.Add("channel=" + Uri.EscapeDataString(channel));
        if (about is not null) query.Add("about=" + Uri.EscapeDataString(about));
        if (page > 1) query.Add($"page={page}");
        if (p.PageSize != 25) query.Add($"pageSize={p.PageSize}");
        return "?" + string.Join("&", query);
    }

    /// <summary>From <c>…/reports/{brand}/factors/{factor}</c> back to <c>…/reports/{brand}</c> for the same period.</summary>
    private static string BackToReport(MentionsPage p) => $"../../{Uri.EscapeDataString(p.Brand)}?from={p.From:yyyy-MM-dd}&to={p.To:yyyy-MM-dd}&lang={p.Lang}";

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : url;
}
