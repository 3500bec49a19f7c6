using System.Text;
using Listening.Core.Matrix;
using static Listening.Reports.Svg;

namespace Listening.Reports;

/// <summary>
/// Where the page may link. The served page (<c>GET /api/reports/{brand}</c>) links each factor to the page of its mentions
/// (a path relative to the report's own URL, so both hosts serve it); the copy in a letter and the file `listening report`
/// writes stay self-contained — no links that need the app — and at most name the online copy, marked as needing a key.
/// </summary>
public sealed record ReportLinks(string? MentionsBase = null, string? MentionsQuery = null, string? OnlineReport = null)
{
    public static readonly ReportLinks None = new();

    /// <summary>Links for the page served at <c>…/api/reports/{brand}</c>: <c>{brand}/factors/{factor}?from&amp;to&amp;lang</c>.</summary>
    public static ReportLinks Served(string brand, DateOnly from, DateOnly to, string lang) =>
        new($"{Uri.EscapeDataString(brand)}/factors/", $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&lang={lang}");

    public string? Mentions(string factor) =>
        MentionsBase is null ? null : $"{MentionsBase}{Uri.EscapeDataString(factor)}?{MentionsQuery}";
}

/// <summary>
/// Renders the report model as one self-contained HTML page: inline CSS and SVG, no scripts, no
/// fonts, images or links to fetch — it opens offline, mails as an attachment and prints on A4.
/// The page reflows from a phone (400 px) to a desktop: tables become cards, and each wide chart is drawn twice — for a
/// wide column and for a narrow one — so that its text stays readable at the width it is shown (CSS picks one).
/// </summary>
public static class ReportHtml
{
    public static string Render(ReportModel m, ReportLinks? links = null)
    {
        links ??= ReportLinks.None;
        var t = ReportText.For(m.Lang);
        var sb = new StringBuilder(320 * 1024);
        sb.Append($"<!DOCTYPE html><html lang=\"{m.Lang}\"><head><meta charset=\"utf-8\">");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        // Belt and braces: even if a quote carried markup, the browser may load nothing from outside.
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        sb.Append($"<title>{E(m.DisplayName)} — {E(t.Title)} — {E(Period(m, t))}</title><style>{ReportStyle.Css}</style></head><body>");
        Header(sb, m, t, links);
        sb.Append("<main>");
        Kpis(sb, m, t);
        Takeaways(sb, m, t);
        Matrix(sb, m, t);
        ActionTable(sb, m, t, links);
        if (m.Competitors.Count > 0) Competitors(sb, m, t);
        Nps(sb, m, t);
        Wheel(sb, m, t);
        Trends(sb, m, t);
        ResponsesHtml.Render(sb, m);
        Quotes(sb, m, t, links);
        HowToRead(sb, m, t);
        sb.Append($"<footer>Listening · {E(m.DisplayName)} · {E(Period(m, t))} · {E(t.Generated)} {E(m.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", t.Culture))}</footer>");
        sb.Append("</main></body></html>");
        return sb.ToString();
    }

    internal static string Period(ReportModel m, ReportText t) =>
        $"{m.From.ToString("d MMM yyyy", t.Culture)} – {m.To.ToString("d MMM yyyy", t.Culture)}";

    private static string Competitors(ReportModel m) => string.Join(", ", m.Competitors.Select(m.NameOf));

    private static void Header(StringBuilder sb, ReportModel m, ReportText t, ReportLinks links)
    {
        sb.Append("<header class=\"top\"><div class=\"inner\">");
        sb.Append($"<div class=\"kicker\">{E(t.Title)}</div><h1>{E(m.DisplayName)}</h1><div class=\"meta\">");
        sb.Append($"<span>{E(t.Period)}: <b>{E(Period(m, t))}</b></span>");
        sb.Append($"<span>{E(t.Competitors)}: <b>{E(m.Competitors.Count > 0 ? Competitors(m) : t.NoCompetitors)}</b></span>");
        sb.Append($"<span>{E(t.Generated)}: {E(m.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", t.Culture))}</span>");
        sb.Append("</div>");
        if (links.OnlineReport is { } online)
            sb.Append($"<p class=\"online\">{E(m.Lang == "ru" ? "Онлайн-версия с упоминаниями за каждым фактором" : "Online version, with the mentions behind every factor")}: "
                + $"<a href=\"{E(online)}\">{E(online)}</a> <span class=\"needs-key\">({E(m.Lang == "ru" ? "нужен ключ доступа" : "needs an access key")})</span></p>");
        sb.Append("</div></header>");
    }

    private static void Kpis(StringBuilder sb, ReportModel m, ReportText t)
    {
        var h = m.Headline;
        sb.Append("<div class=\"kpis\">");
        var prev = m.Items.PreviousPeriod > 0 ? $"{t.PreviousPeriod}: {Plural.Items(m.Items.PreviousPeriod, m.Lang)}" : "";
        var compCounts = string.Join(", ", m.Items.Competitors.Select(c => $"{m.NameOf(c.Brand)} {t.Count(c.Items)}"));
        var spam = m.Items.Spam > 0 ? $"{t.Count(m.Items.Spam)} {t.ExcludedAsSpam}" : "";
        Kpi(sb, "", t.ItemsAnalysed, t.Count(m.Items.Brand), string.Join(" · ", new[] { prev, compCounts, spam }.Where(s => s.Length > 0)));
        var change = h.PreviousNetSentiment?.Value is { } p && h.NetSentiment.Value is not null ? $" · {t.PreviousPeriod} {t.Signed(p)}" : "";
        var counts = h.Sentiment;
        var split = $" · {t.Count(counts.Positive)} + / {t.Count(counts.Neutral)} 0 / {t.Count(counts.Negative)} − · {t.Count(counts.Mixed)} {t.MixedItems}";
        Kpi(sb, "", t.NetSentiment, t.Signed(h.NetSentiment.Value), $"[{t.Signed(h.NetSentiment.Low)}; {t.Signed(h.NetSentiment.High)}] · n = {t.Count(h.NetSentiment.N)}{change}{split}");
        Kpi(sb, "", t.Nps, h.Nps.N > 0 ? t.Signed(h.Nps.Score, "+0;−0;0") : "—",
            h.Nps.N > 0 ? $"[{t.Signed(h.Nps.Low, "+0;−0;0")}; {t.Signed(h.Nps.High, "+0;−0;0")}] · n = {t.Count(h.Nps.N)}" : t.NpsNoAnswers);
        var fix = m.Factors.Count(f => f.Quadrant == "fix" && !f.Borderline);
        var maybe = m.Factors.Count(f => f.Quadrant == "fix" && f.Borderline);
        Kpi(sb, "fix", t.FactorsToFix, fix.ToString(t.Culture) + (maybe > 0 ? $" (+{maybe} {t.Borderline})" : ""),
            h.AverageRating is { } r ? $"{t.AverageRating}: {t.Num(r, "0.00")} ★ · n = {t.Count(h.Rated)}" : $"{m.Factors.Count(f => f.Quadrant != "insufficient")} / {m.Factors.Count}");
        sb.Append("</div>");
    }

    private static void Kpi(StringBuilder sb, string cls, string label, string value, string sub) =>
        sb.Append($"<div class=\"kpi {cls}\"><div class=\"label\">{E(label)}</div><div class=\"value\">{E(value)}</div><div class=\"sub\">{E(sub)}</div></div>");

    /// <summary>The key takeaways as (class, HTML) items: the page's list, and — tags stripped — the letter's plain-text summary.</summary>
    internal static List<(string Cls, string Html)> TakeawayItems(ReportModel m, ReportText t)
    {
        var ru = m.Lang == "ru";
        var items = new List<(string Cls, string Html)>();
        string Fig(FactorRow f) =>
            $"{E(t.Performance.ToLower(t.Culture))} {t.Signed(f.Performance)} [{t.Signed(f.PerformanceInterval.Low)}; {t.Signed(f.PerformanceInterval.High)}] ({E(Plural.Mentions(f.N, m.Lang))})";
        string Maybe(FactorRow f) => $"{E(f.Name)} ({(ru ? "или" : "or")} {E(QName(f.Alternative!, t))})";
        string Them(string? brand) => E(m.NameOf(brand ?? ""));
        // Headlines state only what the intervals make clear; borderline factors are named as such, with both quadrants.
        foreach (var f in m.Factors.Where(f => f.Quadrant == "fix" && !f.Borderline).Take(3))
        {
            var behind = f.Edge == "behind" && f.DeltaVs is not null
                ? (ru ? $" — отстаём от конкурента «{Them(f.DeltaVs)}» на {t.Num(-f.Delta!.Value)}" : $" — behind {Them(f.DeltaVs)} by {t.Num(-f.Delta!.Value)}") : "";
            items.Add(("fix", $"<b>{E(t.FixFirst)}: {E(f.Name)}</b> — {Fig(f)}{behind}."));
        }
        var maybeFix = m.Factors.Where(f => f.Quadrant == "fix" && f.Borderline).ToList();
        if (maybeFix.Count > 0)
            items.Add(("watch", $"<b>{E(t.BorderlineFix)}:</b> " + string.Join(", ", maybeFix.Select(Maybe)) + "."));
        foreach (var f in m.Factors.Where(f => f.Quadrant == "promote" && !f.Borderline).Take(2))
            items.Add(("promote", $"<b>{E(t.PromoteIt)}: {E(f.Name)}</b> — {Fig(f)}" + ((f.Edge == "ahead" && f.Delta is { } d)
                ? (ru ? $", впереди конкурентов (ближайший — «{Them(f.DeltaVs)}», отрыв {t.Num(d)})." : $", ahead of competitors (closest: {Them(f.DeltaVs)}, by {t.Num(d)}).")
                : (ru ? " — данных о конкурентах для сравнения нет." : " — no competitor data to compare with."))));
        var maybePromote = m.Factors.Where(f => f.Borderline && (f.Quadrant == "promote" || f.Alternative == "promote")).ToList();
        if (maybePromote.Count > 0)
            items.Add(("info", $"<b>{E(t.BorderlinePromote)}:</b> " + string.Join(", ", maybePromote.Select(f =>
                $"{E(f.Name)} ({E(QName(f.Quadrant, t))} {(ru ? "или" : "or")} {E(QName(f.Alternative!, t))})")) + "."));
        // Strengths that matter but do not qualify for advertising: say why, so nobody advertises them by mistake.
        var notYet = m.Factors.Where(f => f.Quadrant == "maintain" && f.ImportanceHigh && f.PerformanceHigh && !f.Borderline).ToList();
        if (notYet.Count > 0)
            items.Add(("info", $"<b>{E(t.NotAdvertised)}:</b> " + string.Join("; ", notYet.Select(f => E(f.Name) + " — " + (!f.ClearlyPositive
                ? (ru ? $"клиенты не настроены явно позитивно (интервал оценки до {t.Signed(f.PerformanceInterval.Low)})" : $"customers are not clearly positive (the interval reaches {t.Signed(f.PerformanceInterval.Low)})")
                : (ru ? $"нет преимущества перед «{Them(f.DeltaVs)}» (Δ {t.Signed(f.Delta)})" : $"no edge over {Them(f.DeltaVs)} (Δ {t.Signed(f.Delta)})")))) + "."));
        foreach (var c in m.CompetitorMatrices.Where(c => c.Openings.Count > 0))
            items.Add(("opening", (ru ? $"<b>Возможность: слабые места конкурента «{Them(c.Brand)}»</b> — " : $"<b>Opening: {Them(c.Brand)} is weak on</b> ")
                + E(string.Join(", ", c.Openings.Select(o => c.Factors.First(f => f.Factor == o).Name)))
                + (ru ? ", а мы там явно сильнее." : ", where we clearly do better.")));
        var changed = m.Factors.Where(f => f.PreviousQuadrant is { } p && p != "insufficient" && p != f.Quadrant).ToList();
        if (changed.Count > 0)
            items.Add(("info", (ru ? "<b>Изменения с прошлого периода:</b> " : "<b>Moved since the previous period:</b> ")
                + string.Join("; ", changed.Select(f => $"{E(f.Name)}: {E(QName(f.PreviousQuadrant!, t))} → {E(QName(f.Quadrant, t))}")) + "."));
        var held = m.Factors.Where(f => f.Held).Select(f => $"{E(f.Name)} ({E(QName(f.Quadrant, t))})").ToList();
        if (held.Count > 0)
            items.Add(("info", (ru ? "<b>Оставлены в прежнем квадранте</b> (сдвиг в пределах погрешности): " : "<b>Kept in last period's quadrant</b> (the move is within the margin of error): ")
                + string.Join(", ", held) + "."));
        if (!m.Method.HasQuadrants && m.Factors.Count > 0)
            items.Add(("info", E(t.CompetitorTable)));
        var sufficient = m.Wheel.Where(s => s.Sufficient && s.Score is not null).ToList();
        if (sufficient.Count >= 2)
        {
            var worst = sufficient.MinBy(s => s.Score)!;
            var best = sufficient.MaxBy(s => s.Score)!;
            // Only a gap the two intervals do not bridge.
            if (best.Score - worst.Score >= 1 && best.Low > worst.High)
                items.Add(("watch", ru ? $"<b>Колесо точек контакта:</b> слабее всего «{E(worst.Name)}» ({t.Num(worst.Score, "0.0")} из 10), лучше всего «{E(best.Name)}» ({t.Num(best.Score, "0.0")})."
                                       : $"<b>Touchpoint wheel:</b> weakest is {E(worst.Name)} ({t.Num(worst.Score, "0.0")} / 10), strongest {E(best.Name)} ({t.Num(best.Score, "0.0")})."));
        }
        if (items.Count == 0) items.Add(("info", E(t.NoData)));
        return items;
    }

    private static void Takeaways(StringBuilder sb, ReportModel m, ReportText t)
    {
        sb.Append($"<section id=\"takeaways\"><h2>{E(t.Takeaways)}</h2><ul class=\"takeaways\">");
        foreach (var (cls, html) in TakeawayItems(m, t)) sb.Append($"<li class=\"{cls}\">{html}</li>");
        sb.Append("</ul></section>");
    }

    internal static string QName(string code, ReportText t) =>
        t.QuadrantName(Enum.Parse<Quadrant>(code, ignoreCase: true));

    private static string Chip(string quadrant, ReportText t) =>
        $"<span class=\"chip q-{quadrant}\" style=\"background:{Palette.Of(quadrant)}\">{E(QName(quadrant, t))}</span>";

    /// <summary>A borderline factor's second quadrant: an outlined chip, so it never reads as the verdict.</summary>
    private static string AltChip(string quadrant, ReportText t) =>
        $"<span class=\"chip alt q-{quadrant}\" style=\"color:{Palette.Of(quadrant)};border-color:{Palette.Of(quadrant)}\">{E(QName(quadrant, t))}</span>";

    /// <summary>A numbered chart's key: number, name (the narrow and compact matrices number their dots).</summary>
    private static void NumberedKey(StringBuilder sb, IReadOnlyList<MatrixChart.Point> points, string cssClass)
    {
        sb.Append($"<ol class=\"chart-key {cssClass}\">");
        foreach (var p in points)
            sb.Append($"<li><span class=\"sw\" style=\"background:{Palette.Of(p.Quadrant)}\"></span>{E(p.Label)}</li>");
        sb.Append("</ol>");
    }

    private static void Matrix(StringBuilder sb, ReportModel m, ReportText t)
    {
        var ru = m.Lang == "ru";
        sb.Append($"<section id=\"matrix-section\"><h2>{E(t.Matrix)}</h2><p class=\"hint\">{E(t.MatrixHint)}</p><div class=\"matrix-wrap\"><div class=\"matrix-charts\">");
        var points = m.Factors.Where(f => f.Quadrant != "insufficient" && f.Importance is not null && f.Performance is not null)
            .Select(f => new MatrixChart.Point(f.Name, f.Importance!.Value, f.Performance!.Value,
                f.ImportanceInterval.Low ?? f.Importance.Value, f.ImportanceInterval.High ?? f.Importance.Value,
                f.PerformanceInterval.Low ?? f.Performance.Value, f.PerformanceInterval.High ?? f.Performance.Value, f.N, f.Quadrant, f.Held,
                f.Borderline && !f.Held)).ToList();
        if (m.Method.HasQuadrants)
        {
            MatrixChart.Render(sb, "matrix", points, m.Method.ImportanceCrosshair, m.Method.PerformanceCrosshair, t, MatrixChart.Layout.Wide, "wide-only");
            sb.Append("<div class=\"narrow-only\">");
            MatrixChart.Render(sb, "matrix-narrow", points, m.Method.ImportanceCrosshair, m.Method.PerformanceCrosshair, t, MatrixChart.Layout.Narrow);
            sb.Append($"<p class=\"axis-note\">↑ {E(t.Importance)} · → {E(t.Performance)}</p>");
            NumberedKey(sb, points, "matrix-key");
            sb.Append("</div>");
        }
        else
        {
            sb.Append($"<p class=\"hint\">{E(t.CompetitorTable)}</p>");
            FigureTable(sb, "matrix-table", m.Factors.Where(f => f.Unplaced == "too-few-factors")
                .Select(f => (f.Name, f.N, f.PerformanceInterval, f.Importance, f.Delta)).ToList(), t, ru ? "Δ к конкуренту" : "Δ vs competitor");
        }
        sb.Append("</div><div class=\"legend\">");
        foreach (var q in new[] { Quadrant.Fix, Quadrant.Promote, Quadrant.Maintain, Quadrant.Watch })
        {
            var code = ReportBuilder.Code(q);
            var names = m.Factors.Where(f => f.Quadrant == code).Select(f => f.Borderline && f.Alternative is not null
                ? $"{f.Name} ({(ru ? "или" : "or")} {QName(f.Alternative, t)})" : f.Name).ToList();
            sb.Append($"<div><span class=\"sw\" style=\"background:{Palette.Of(code)}\"></span><span><b>{E(t.QuadrantName(q))}</b> — {E(t.QuadrantMeanings[q])}"
                + (names.Count > 0 ? $"<br><span class=\"muted\">{E(string.Join(", ", names))}</span>" : "") + "</span></div>");
        }
        var few = m.Factors.Where(f => f.Quadrant == "insufficient" && f.Unplaced == "too-few-mentions").ToList();
        if (few.Count > 0)
            sb.Append($"<div><span class=\"sw\" style=\"background:{Palette.Of("insufficient")}\"></span><span><b>{E(t.Insufficient)}</b> (n &lt; {m.Method.MinMentions})<br><span class=\"muted\">"
                + E(string.Join(", ", few.Select(f => $"{f.Name} ({Plural.Mentions(f.N, m.Lang)})"))) + "</span></span></div>");
        if (m.Factors.Any(f => f.Borderline && !f.Held))
            sb.Append($"<div class=\"legend-borderline\"><span class=\"sw\" style=\"background:#fff;border:2px dashed #5f6b7a\"></span><span>{E(t.BorderlineMark)}</span></div>");
        if (m.Factors.Any(f => f.Held))
            sb.Append($"<div class=\"legend-held\"><span class=\"sw\" style=\"background:#fff;border:1.5px dashed #5f6b7a\"></span><span>{E(t.HeldMark)}</span></div>");
        sb.Append($"<p class=\"hint\">{E(t.Importance)}: {E(t.Measures[MeasureOf(m.Method.ImportanceMeasure)])}"
            + (m.Method.ImportanceItems.Count > 0 ? " — " + E(string.Join(", ", m.Method.ImportanceItems.Select(o =>
                $"{t.OutcomeName(OutcomeOf(o.Outcome))}: {t.Count(o.Items)}"))) : "") + ". "
            + (m.Method.HasQuadrants
                ? $"{(ru ? "Медианы" : "Medians")}: {E(t.Importance.ToLower(t.Culture))} {t.Num(m.Method.ImportanceCrosshair)}, {E(t.Performance.ToLower(t.Culture))} {t.Signed(m.Method.PerformanceCrosshair)} "
                  + $"({(ru ? "по" : "over")} {E(Plural.Factors(m.Method.FactorsWithEnoughMentions, m.Lang))} {(ru ? "с n ≥" : "with n ≥")} {m.Method.MinMentions})."
                : "") + "</p>");
        sb.Append("</div></div></section>");
    }

    /// <summary>Factors as a table of figures, where too few are placed for medians to mean anything.</summary>
    private static void FigureTable(StringBuilder sb, string id, IReadOnlyList<(string Name, long N, Figure Performance, double? Importance, double? Delta)> rows,
        ReportText t, string deltaTitle)
    {
        sb.Append($"<table id=\"{id}\" class=\"figure-table reflow\"><thead><tr><th>{E(t.Factor)}</th><th class=\"num\">n</th><th class=\"num\">{E(t.Performance)}</th>"
            + $"<th class=\"num\">{E(t.Importance)}</th><th class=\"num\">{E(deltaTitle)}</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var cls = r.Performance.Value is < 0 ? "neg" : r.Performance.Value is > 0 ? "pos" : "";
            sb.Append($"<tr class=\"figure-row\"><td class=\"name\">{E(r.Name)}</td><td class=\"num\" data-label=\"n\">{t.Count(r.N)}</td>"
                + $"<td class=\"num {cls}\" data-label=\"{E(t.Performance)}\">{t.Signed(r.Performance.Value)}<span class=\"ci\">[{t.Signed(r.Performance.Low)}; {t.Signed(r.Performance.High)}]</span></td>"
                + $"<td class=\"num\" data-label=\"{E(t.Importance)}\">{t.Num(r.Importance)}</td><td class=\"num\" data-label=\"{E(deltaTitle)}\">{t.Signed(r.Delta)}</td></tr>");
        }
        sb.Append("</tbody></table>");
    }

    internal static Core.Matrix.Outcome OutcomeOf(string code) => code switch
    {
        "rating" => Core.Matrix.Outcome.Rating,
        "nps" => Core.Matrix.Outcome.Nps,
        _ => Core.Matrix.Outcome.DocumentSentiment,
    };

    internal static ImportanceMeasure MeasureOf(string code) => code switch
    {
        "outcome-correlation" => ImportanceMeasure.OutcomeCorrelation,
        _ => ImportanceMeasure.ShareOfMentions,
    };

    private static void ActionTable(StringBuilder sb, ReportModel m, ReportText t, ReportLinks links)
    {
        var ru = m.Lang == "ru";
        sb.Append($"<section id=\"actions\" class=\"flow\"><h2>{E(t.ActionTable)}</h2><p class=\"hint\">{E(t.Interval)} {(ru ? "под каждым значением" : "under each figure")}; n = {(ru ? "число отзывов с упоминанием фактора" : "feedback items mentioning the factor")}"
            + (m.Competitors.Count > 0 ? (ru ? $"; Δ = наша оценка − оценка конкурента, n — его упоминания фактора (Δ нет, если их меньше {m.Method.MinCompetitorMentions})" : $"; Δ = our performance − the competitor's, n = its mentions of the factor (no Δ below {m.Method.MinCompetitorMentions})") : "")
            + (links.MentionsBase is not null ? (ru ? ". Название фактора ведёт к его упоминаниям за период" : ". A factor's name opens its mentions in the period") : "")
            + ".</p>");
        sb.Append($"<table id=\"action-table\" class=\"reflow wide-table\"><thead><tr><th class=\"w-factor\">{E(t.Factor)}</th><th class=\"w-action\">{E(t.Action)}</th><th class=\"num w-num\">{E(t.Importance)}</th><th class=\"num w-num\">{E(t.Performance)}</th><th class=\"num w-n\">n</th>");
        if (m.Competitors.Count > 0) sb.Append($"<th class=\"num w-comp\">{E(t.VsCompetitors)}</th>");
        sb.Append($"<th class=\"w-trend\">{E(t.Trend)}</th><th class=\"w-why\">{E(t.Why)}</th></tr></thead><tbody>");
        foreach (var f in m.Factors)
        {
            var name = links.Mentions(f.Factor) is { } href ? $"<a class=\"drill\" href=\"{E(href)}\">{E(f.Name)}</a>" : E(f.Name);
            sb.Append($"<tr class=\"factor-row\" data-quadrant=\"{f.Quadrant}\" data-factor=\"{E(f.Factor)}\"{(f.Borderline ? $" data-borderline=\"{f.Alternative}\"" : "")}><td class=\"name\"><b>{name}</b></td><td data-label=\"{E(t.Action)}\">{Chip(f.Quadrant, t)}");
            if (f.Borderline && f.Alternative is not null)
                sb.Append($"<span class=\"held borderline\">{E(t.Borderline)} · {(ru ? "или" : "or")} {AltChip(f.Alternative, t)}</span>");
            if (f.Held) sb.Append($"<span class=\"held\">{E(t.Held)}</span>");
            else if (f.PreviousQuadrant is { } p && p != f.Quadrant && p != "insufficient") sb.Append($"<span class=\"held\">{E(t.Previous)}: {E(QName(p, t))}</span>");
            sb.Append("</td>");
            sb.Append($"<td class=\"num\" data-label=\"{E(t.Importance)}\">{t.Num(f.Importance)}<span class=\"ci\">[{t.Num(f.ImportanceInterval.Low)}; {t.Num(f.ImportanceInterval.High)}]</span></td>");
            var cls = f.Performance is < 0 ? "neg" : f.Performance is > 0 ? "pos" : "";
            sb.Append($"<td class=\"num {cls}\" data-label=\"{E(t.Performance)}\">{t.Signed(f.Performance)}<span class=\"ci\">[{t.Signed(f.PerformanceInterval.Low)}; {t.Signed(f.PerformanceInterval.High)}]</span></td>");
            sb.Append($"<td class=\"num\" data-label=\"n\">{t.Count(f.N)}</td>");
            if (m.Competitors.Count > 0)
            {
                sb.Append($"<td class=\"num comp\" data-label=\"{E(t.VsCompetitors)}\">");
                foreach (var c in f.Competitors)
                {
                    var dc = c.Delta is < 0 ? "neg" : c.Delta is > 0 ? "pos" : "muted";
                    sb.Append($"<span class=\"vs\"><span class=\"{dc}\">{t.Signed(c.Delta)}</span> <span class=\"ci\" style=\"display:inline\">{E(m.NameOf(c.Competitor))} · n={t.Count(c.N)}</span></span>");
                }
                sb.Append("</td>");
            }
            sb.Append($"<td data-label=\"{E(t.Trend)}\">");
            SmallCharts.Sparkline(sb, f.Trend, Palette.Of(f.Quadrant));
            sb.Append($"</td><td class=\"why\" data-label=\"{E(t.Why)}\">{E(f.Reason)}{(f.Quadrant != "insufficient" || f.Unplaced == "too-few-factors" ? $"<span class=\"ci rests-on\">{E(t.ImportanceRestsOnTitle)}: {E(f.ImportanceRestsOn)}.</span>" : "")}</td></tr>");
        }
        sb.Append("</tbody></table></section>");
    }

    private static void Competitors(StringBuilder sb, ReportModel m, ReportText t)
    {
        var ru = m.Lang == "ru";
        sb.Append($"<section id=\"competitors\"><h2>{E(t.CompetitorComparison)}</h2><p class=\"hint\">{E(t.CompetitorHint)}</p>");
        var rows = m.Factors.Where(f => f.Performance is not null).ToList();
        var names = m.Competitors.Select(m.NameOf).ToList();
        SmallCharts.CompetitorDots(sb, rows, names, m.DisplayName, m.Method.MinCompetitorMentions, t, SmallCharts.DotsLayout.Wide, m.NameOf);
        SmallCharts.CompetitorDots(sb, rows, names, m.DisplayName, m.Method.MinCompetitorMentions, t, SmallCharts.DotsLayout.Narrow, m.NameOf);
        if (rows.Any(f => f.Competitors.Any(c => c.Performance is not null && c.Delta is null)))
            sb.Append($"<p class=\"hint\" id=\"faded-dots\">{E(t.FadedDot)} (n &lt; {m.Method.MinCompetitorMentions})</p>");
        sb.Append("</section>");
        sb.Append($"<section id=\"competitor-matrices\"><h2>{E(t.CompetitorMatrices)}</h2><p class=\"hint\">{E(t.OpeningsLine)}. "
            + (ru ? $"Те же правила, что и для нас; меньше {m.Method.MinPlacedFactors} факторов с n ≥ {m.Method.MinMentions} — таблица вместо матрицы. Точки пронумерованы, названия — под матрицей."
                  : $"The same rules as ours; with fewer than {m.Method.MinPlacedFactors} factors at n ≥ {m.Method.MinMentions}, a table instead of a matrix. Dots are numbered, the names are under each matrix.")
            + $"</p><div class=\"grid{(m.CompetitorMatrices.Count >= 3 ? 3 : 2)}\">");
        foreach (var c in m.CompetitorMatrices)
        {
            sb.Append($"<div class=\"mini\"><h3>{E(m.NameOf(c.Brand))} <span class=\"muted\" style=\"font-weight:400\">· n = {t.Count(c.Items)}</span></h3>");
            if (c.HasQuadrants)
            {
                var pts = c.Factors.Where(f => f.Quadrant != "insufficient" && f.Importance is not null && f.Performance is not null)
                    .Select(f => new MatrixChart.Point(f.Name, f.Importance!.Value, f.Performance!.Value, f.Importance.Value, f.Importance.Value,
                        f.Performance.Value, f.Performance.Value, f.N, f.Quadrant, Borderline: f.Borderline)).ToList();
                MatrixChart.Render(sb, "matrix-" + Slug(c.Brand), pts, c.ImportanceCrosshair, c.PerformanceCrosshair, t, MatrixChart.Layout.Compact);
                NumberedKey(sb, pts, "compact-key");
                var borderline = c.Factors.Where(f => f.Borderline && f.Alternative is not null).ToList();
                if (borderline.Count > 0)
                    sb.Append($"<p class=\"muted\" style=\"margin:6px 0 0;font-size:12px\">{E(t.Borderline)}: "
                        + E(string.Join(", ", borderline.Select(f => $"{f.Name} ({QName(f.Quadrant, t)} {(ru ? "или" : "or")} {QName(f.Alternative!, t)})"))) + "</p>");
            }
            else
            {
                sb.Append($"<p class=\"muted\" style=\"margin:0 0 6px;font-size:12px\">{E(t.CompetitorTable)}</p>");
                FigureTable(sb, "matrix-" + Slug(c.Brand), c.Factors.Where(f => f.N >= m.Method.MinMentions)
                    .Select(f => (f.Name, f.N, f.PerformanceInterval, f.Importance, f.DeltaVsUs)).ToList(), t,
                    ru ? $"Δ к «{m.DisplayName}»" : $"Δ vs {m.DisplayName}");
            }
            sb.Append($"<p style=\"margin:8px 0 0;font-size:13px\"><b>{E(t.Openings)}:</b> ")
              .Append(E(c.Openings.Count > 0 ? string.Join(", ", c.Openings.Select(o => c.Factors.First(f => f.Factor == o).Name)) : t.NoOpenings))
              .Append("</p></div>");
        }
        sb.Append("</div></section>");
    }

    private static void Nps(StringBuilder sb, ReportModel m, ReportText t)
    {
        var ru = m.Lang == "ru";
        var n = m.Nps.Brand;
        sb.Append($"<section id=\"nps\"><h2>{E(t.NpsTitle)}</h2><p class=\"hint\">{E(t.NpsHint)}.</p><div class=\"grid2\"><div>");
        sb.Append($"<div class=\"bignum\">{(n.N > 0 ? E(t.Signed(n.Score, "+0;−0;0")) : "—")}</div>");
        sb.Append($"<p class=\"muted\" style=\"margin:6px 0 12px\">{(n.N > 0 ? $"{E(t.Interval)} [{t.Signed(n.Low, "+0;−0;0")}; {t.Signed(n.High, "+0;−0;0")}] · n = {t.Count(n.N)}" : E(t.NpsNoAnswers))}</p>");
        SmallCharts.NpsBar(sb, n, t);
        var brands = m.Nps.Competitors.Where(c => c.Nps.N > 0).Select(c => (Label: m.NameOf(c.Brand), c.Nps, Sufficient: true)).ToList();
        if (brands.Count > 0)
        {
            sb.Append($"<h3>{E(t.Competitors)}</h3>");
            NpsTable(sb, "nps-brands", brands.Prepend((m.DisplayName, n, true)).ToList(), t, ru);
        }
        sb.Append("</div><div>");
        var rows = m.Nps.ByChannel.Select(c => (Label: t.ChannelName(c.Channel), c.Nps, c.Sufficient)).ToList();
        if (rows.Count > 0)
        {
            sb.Append($"<h3 style=\"margin-top:0\">{E(t.ByChannel)}</h3>");
            NpsTable(sb, "nps-channels", rows, t, ru);
            if (rows.Any(r => !r.Sufficient))
                sb.Append($"<p class=\"hint small-sample-note\">{E(ru ? $"«мало данных»: меньше {m.Method.MinWheelItems} ответов — интервал широк, канал не сравнивать с другими (как на колесе)." : $"“insufficient data”: fewer than {m.Method.MinWheelItems} answers — the interval is wide; do not rank the channel against the others (as on the wheel).")}</p>");
        }
        sb.Append("</div></div></section>");
    }

    private static void NpsTable(StringBuilder sb, string id, IReadOnlyList<(string Label, NpsValue Nps, bool Sufficient)> rows, ReportText t, bool ru)
    {
        sb.Append($"<table id=\"{id}\" class=\"nps-table\"><thead><tr><th></th><th class=\"num\">NPS</th><th class=\"num\">{E(t.Interval)}</th><th class=\"num\">n</th></tr></thead><tbody>");
        foreach (var (label, nps, sufficient) in rows)
            sb.Append($"<tr{(sufficient ? "" : " class=\"small-sample\"")}><td>{E(label)}{(sufficient ? "" : $" <span class=\"muted\">({E(t.Insufficient)})</span>")}</td>"
                + $"<td class=\"num\">{(sufficient ? "<b>" : "<span class=\"muted\">")}{t.Signed(nps.Score, "+0;−0;0")}{(sufficient ? "</b>" : "</span>")}</td>"
                + $"<td class=\"num muted\">[{t.Signed(nps.Low, "+0;−0;0")}; {t.Signed(nps.High, "+0;−0;0")}]</td><td class=\"num\">{t.Count(nps.N)}</td></tr>");
        sb.Append("</tbody></table>");
    }

    private static void Wheel(StringBuilder sb, ReportModel m, ReportText t)
    {
        sb.Append($"<section id=\"wheel-section\"><h2>{E(t.Wheel)}</h2><p class=\"hint\">{E(t.WheelHint)}</p><div class=\"grid2\"><div>");
        RadarChart.Render(sb, m.Wheel, t, RadarChart.Layout.Wide);
        RadarChart.Render(sb, m.Wheel, t, RadarChart.Layout.Narrow);
        sb.Append($"</div><div><table id=\"wheel-table\"><thead><tr><th>{E(t.Channel)}</th><th class=\"num\">{E(t.Score)} (0–10)</th><th class=\"num\">{E(t.Interval)}</th><th class=\"num\">n</th></tr></thead><tbody>");
        foreach (var s in m.Wheel.OrderBy(s => s.Score ?? double.MaxValue))
            sb.Append($"<tr><td>{E(s.Name)}{(s.Sufficient ? "" : $" <span class=\"muted\">({E(t.Insufficient)})</span>")}</td><td class=\"num\"><b>{t.Num(s.Score, "0.0")}</b></td>"
                + $"<td class=\"num muted\">[{t.Num(s.Low, "0.0")}; {t.Num(s.High, "0.0")}]</td><td class=\"num\">{t.Count(s.N)}</td></tr>");
        sb.Append("</tbody></table></div></div></section>");
    }

    /// <summary>Buckets with fewer items than this are drawn hollow, with their interval: a point on a handful of items is a guess.</summary>
    public const int SparseBucket = 10;

    private static void Trends(StringBuilder sb, ReportModel m, ReportText t)
    {
        var ru = m.Lang == "ru";
        var b = m.Trends.Buckets;
        var unit = m.Trends.Granularity switch { "day" => t.Day, "week" => t.Week, _ => t.Month };
        sb.Append($"<section id=\"trends\"><h2>{E(t.Trends)}</h2><p class=\"hint\">{E(t.TrendsHint)} ({E(unit)})</p>");
        var labels = b.Select(x => x.Start.ToString(m.Trends.Granularity == "month" ? "MMM yy" : "d MMM", t.Culture)).ToList();
        var series = new List<TrendChart.Series>
        {
            new(m.DisplayName, b.Select(x => x.NetSentiment.Value).ToList(), Palette.Brands[0], true,
                b.Select(x => new TrendChart.Spread(x.NetSentiment.Low, x.NetSentiment.High, x.NetSentiment.N)).ToList()),
        };
        for (var i = 0; i < m.Competitors.Count; i++)
            series.Add(new(m.NameOf(m.Competitors[i]), b.Select(x => x.Competitors[i].NetSentiment.Value).ToList(), Palette.Brands[Math.Min(i + 1, Palette.Brands.Length - 1)], false,
                b.Select(x => new TrendChart.Spread(x.Competitors[i].NetSentiment.Low, x.Competitors[i].NetSentiment.High, x.Competitors[i].NetSentiment.N)).ToList()));
        var all = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        var (min, max) = all.Count > 0 ? (Math.Max(-1, Math.Floor(all.Min() * 5 - 0.5) / 5), Math.Min(1, Math.Ceiling(all.Max() * 5 + 0.5) / 5)) : (-1.0, 1.0);
        sb.Append($"<h3>{E(t.NetSentiment)}</h3>");
        var counts = b.Select(x => x.N).ToList();
        TrendChart.Render(sb, "trend", t.NetSentiment, labels, counts, series, min, max, "+0.0#;−0.0#;0", t, TrendChart.Layout.Wide);
        TrendChart.Render(sb, "trend-narrow", t.NetSentiment, labels, counts, series, min, max, "+0.0#;−0.0#;0", t, TrendChart.Layout.Narrow);
        var sparse = b.Count(x => x.N < SparseBucket);
        if (b.Any(x => x.Nps.N > 0))
        {
            sb.Append($"<h3>NPS</h3>");
            var npsSeries = new List<TrendChart.Series>
            {
                new(m.DisplayName, b.Select(x => x.Nps.N > 0 ? x.Nps.Score : null).ToList(), Palette.Brands[0], true,
                    b.Select(x => new TrendChart.Spread(x.Nps.Low, x.Nps.High, x.Nps.N)).ToList()),
            };
            var npsCounts = b.Select(x => x.Nps.N).ToList();
            var (lo, hi) = (Math.Max(-100, Math.Floor((b.Where(x => x.Nps.N > 0).Min(x => x.Nps.Score ?? 0) - 5) / 20) * 20),
                Math.Min(100, Math.Ceiling((b.Where(x => x.Nps.N > 0).Max(x => x.Nps.Score ?? 0) + 5) / 20) * 20));
            TrendChart.Render(sb, "trend-nps", "NPS", labels, npsCounts, npsSeries, lo, hi, "+0;−0;0", t, TrendChart.Layout.Wide with { Height = 200 });
            TrendChart.Render(sb, "trend-nps-narrow", "NPS", labels, npsCounts, npsSeries, lo, hi, "+0;−0;0", t, TrendChart.Layout.Narrow with { Height = 190 });
            sparse += b.Count(x => x.Nps.N is > 0 and < SparseBucket);
        }
        if (sparse > 0)
            sb.Append($"<p class=\"hint sparse-note\"><span class=\"hollow\"></span> {E(ru ? $"Пустая точка с усами: в этом периоде меньше {SparseBucket} отзывов (или ответов NPS) — значение ненадёжно, усы показывают 95 % интервал." : $"Hollow point with whiskers: fewer than {SparseBucket} items (or NPS answers) in that period — the value is unreliable; the whiskers show its 95 % interval.")}</p>");
        sb.Append("</section>");
    }

    private static void Quotes(StringBuilder sb, ReportModel m, ReportText t, ReportLinks links)
    {
        sb.Append($"<section id=\"quotes\" class=\"flow\"><h2>{E(t.Quotes)}</h2><p class=\"hint\">{E(t.QuotesHint)}</p><div class=\"quotes\">");
        var (open, close) = m.Lang == "ru" ? ("«", "»") : ("“", "”");
        foreach (var f in m.Factors.Where(f => f.Quotes.Count > 0))
        {
            sb.Append($"<div class=\"qf\" data-factor=\"{E(f.Factor)}\"><h3>{E(f.Name)} {Chip(f.Quadrant, t)} <span class=\"muted\" style=\"font-weight:400;font-size:12px\">{E(Plural.Mentions(f.N, m.Lang))} · +{t.Count(f.Positive)} / −{t.Count(f.Negative)}</span></h3>");
            foreach (var q in f.Quotes)
            {
                // The clause the factor was found in, highlighted in the colour of that mention's polarity.
                var start = Math.Clamp(q.ClauseStart, 0, q.Text.Length);
                var end = Math.Clamp(q.ClauseStart + q.ClauseLength, start, q.Text.Length);
                sb.Append($"<blockquote class=\"quote {q.Sentiment}\">{open}{E(q.Text[..start])}<mark class=\"clause {q.Sentiment}\">{E(q.Text[start..end])}</mark>{E(q.Text[end..])}{close}"
                    + $"<cite>{E(q.Source)} · {E(q.Date.ToString("d MMM yyyy", t.Culture))}</cite></blockquote>");
            }
            if (links.Mentions(f.Factor) is { } href)
                sb.Append($"<p class=\"all-mentions\"><a class=\"drill\" href=\"{E(href)}\">{E(m.Lang == "ru" ? $"Все {Plural.Mentions(f.N, m.Lang)} →" : $"All {Plural.Mentions(f.N, m.Lang)} →")}</a></p>");
            sb.Append("</div>");
        }
        sb.Append("</div></section>");
    }

    private static void HowToRead(StringBuilder sb, ReportModel m, ReportText t)
    {
        var ru = m.Lang == "ru";
        var x = m.Method;
        var level = t.Num(x.ConfidenceLevel * 100, "0");
        sb.Append($"<section id=\"how-to-read\" class=\"howto\"><h2>{E(t.HowToRead)}</h2>");
        var outcomes = string.Join(" → ", x.Outcomes.Select(o => t.OutcomeName(OutcomeOf(o))));
        var margin = t.Num(x.Margin);
        var above = t.Signed(x.PromoteAbove);
        string[] paragraphs = ru
            ?
            [
                $"<b>Важность</b> выводится из данных, а не спрашивается: это корреляция тональности фактора в отзыве (0, если фактор не упомянут) с итоговой оценкой <i>этого же</i> отзыва — первой, что у него есть, в порядке {E(outcomes)}; каждая приведена к шкале −1…+1 (звёзды 1…5 → (r − 3)/2, NPS 0…10 → (p − 5)/5, тональность уже в −1…+1). Корреляция считается отдельно в каждой группе отзывов (по виду оценки) по всем отзывам бренда и объединяется через z-преобразование Фишера с весами n − 3. Так каждый фактор измерен на одних и тех же отзывах и оценках: фактор, у которого мало оценок в звёздах, не меняет меру для остальных. В таблице для каждого фактора указано, на чём основана его важность. Если отзывов с оценкой меньше {x.MinOutcomePairs} — доля упоминаний.",
                "<b>Оценка</b> фактора — индекс тональности его упоминаний: (позитивные − негативные) / все, от −1 до +1. Тональность берётся из предложения или части предложения, где упомянут фактор, а не из всего отзыва.",
                $"<b>Перекрестье</b> — медианы важности и оценки по факторам, у которых не меньше {x.MinMentions} упоминаний; если таких факторов меньше {x.MinPlacedFactors}, матрицы нет, только таблица. Факторы с меньшим числом упоминаний помечены «мало данных» и квадранта не получают. Значение на медиане (ближе {margin}) не считается ни «выше», ни «ниже»: такой фактор пограничный и показан по нижнюю сторону.",
                $"<b>Пограничные факторы.</b> Если интервал важности или оценки пересекает медиану (а для «продвигать» — интервал Δ включает 0) и от этого зависит квадрант, фактор пограничный: показан наиболее вероятный квадрант (по точечным оценкам) и второй возможный. В «Главном» уверенно называются только факторы, квадрант которых ясен.",
                $"<b>Продвигать</b> можно только то, что клиенты явно оценивают позитивно (весь интервал оценки выше {above}) и где мы впереди каждого конкурента с достаточными данными (Δ > 0) либо сравнить не с кем — в отчёте сказано, какой из двух случаев. Иначе фактор «поддерживать», и в отчёте сказано почему.",
                "<b>Δ к конкуренту</b> = наша оценка − оценка конкурента по тому же фактору (учитываются конкуренты с достаточным числом упоминаний). В сводке Δ указана к конкуренту, от которого мы больше всего отстаём (или меньше всего опережаем).",
                $"<b>Интервалы</b> ({level} %): для оценки и NPS — нормальное приближение для среднего ответов −1/0/+1 (дисперсия с поправкой на один позитивный и один негативный ответ); для корреляции — преобразование Фишера; для доли — интервал Уилсона; для колеса — нормальный интервал среднего.",
                $"<b>Смена квадранта.</b> Прошлый период — {E(x.PreviousFrom.ToString("d MMM yyyy", t.Culture))} – {E(x.PreviousTo.ToString("d MMM yyyy", t.Culture))}. Фактор меняет квадрант, только если интервал по изменившейся оси не пересекает медиану (для Δ — не включает 0); иначе он остаётся в прежнем квадранте с пометкой.",
                "<b>Конкуренты</b> оцениваются по тем же правилам, каждый по своим медианам; их слабые места, где мы явно сильнее (интервал Δ не включает 0), — наши возможности.",
                "<b>NPS</b> — из ответа 0–10 «порекомендуете ли вы нас»: промоутеры 9–10, нейтралы 7–8, критики 0–6; NPS = % промоутеров − % критиков (−100 … +100).",
                $"<b>Колесо точек контакта</b>: каждый канал оценён 0–10 по его отзывам — ответ NPS, если он есть, иначе оценка в звёздах ((звёзды − 1) × 2,5), иначе тональность текста ((тональность + 1) × 5). Каналы с менее чем {x.MinWheelItems} отзывами показаны пустой точкой.",
                "<b>Цитаты</b> — отрывки вокруг упоминания фактора; выделена часть предложения, где он найден, цветом тональности этого упоминания. Сначала цитаты той тональности, о которой говорит квадрант (исправить и наблюдать — негатив, продвигать — позитив, иначе преобладающая), затем одна противоположной. Выбор детерминирован: определённая тональность, утверждение, а не вопрос, удобная длина; имена, e-mail, телефоны и @ники скрыты.",
            ]
            :
            [
                $"<b>Importance</b> is derived, not asked: the correlation of the factor's sentiment in an item (0 where the item does not mention it) with <i>that item's own</i> outcome — the first it carries of {E(outcomes)}, each put on −1…+1 (stars 1…5 → (r − 3)/2, NPS 0…10 → (p − 5)/5, sentiment already −1…+1). The correlation is taken within each group of items (by the outcome they carry) over all the brand's items, and the groups are combined by Fisher z weighted by n − 3. So every factor is measured on the same items against the same outcomes: a factor short of star ratings changes nothing for the others. The table says what each importance rests on. With fewer than {x.MinOutcomePairs} items carrying an outcome: the share of mentions.",
                "<b>Performance</b> is the net sentiment of the factor's mentions: (positive − negative) / all, from −1 to +1. The sentiment is that of the sentence or clause where the factor is mentioned, not of the whole review.",
                $"<b>Crosshairs</b> are the medians of importance and performance over factors with at least {x.MinMentions} mentions; with fewer than {x.MinPlacedFactors} such factors there is no matrix, only a table. Factors with fewer mentions are marked “insufficient data” and get no quadrant. A value on a median (within {margin}) is neither above nor below it: the factor is borderline and shown on the lower side.",
                $"<b>Borderline factors.</b> When the importance or performance interval straddles its median (for “promote”, also when the Δ interval includes 0) and the quadrant depends on it, the factor is borderline: the most likely quadrant (from the point estimates) is shown with the other possible one. The key takeaways state as certain only factors whose quadrant is clear.",
                $"<b>Promote</b> needs a factor customers are clearly positive about (its whole performance interval above {above}) and an edge over every competitor with enough mentions (Δ > 0) — or no competitor to compare with, which the report then says. Otherwise the factor is “maintain”, and the report says why.",
                "<b>Δ against a competitor</b> = our performance − the competitor's on the same factor (competitors with enough mentions only). Where one Δ is given, it is against the competitor we trail most (or lead least).",
                $"<b>Intervals</b> ({level} %): performance and NPS — normal approximation for the mean of −1/0/+1 answers (variance adjusted by one extra positive and one extra negative answer); correlation — Fisher z; shares — Wilson; wheel — normal interval of the mean.",
                $"<b>Quadrant changes.</b> The previous period is {E(x.PreviousFrom.ToString("d MMM yyyy", t.Culture))} – {E(x.PreviousTo.ToString("d MMM yyyy", t.Culture))}. A factor moves to a new quadrant only when the interval on the axis that changed does not straddle the median (for Δ: does not include 0); otherwise it stays where it was, marked as kept.",
                "<b>Competitors</b> are placed by the same rules, each on its own medians; their weak spots where we are clearly ahead (the Δ interval excludes 0) are our openings.",
                "<b>NPS</b> comes from the 0–10 “would you recommend us” answer: promoters 9–10, passives 7–8, detractors 0–6; NPS = % promoters − % detractors (−100 … +100).",
                $"<b>Touchpoint wheel</b>: each channel is scored 0–10 from its feedback — the NPS answer when given, else the star rating ((stars − 1) × 2.5), else the text sentiment ((sentiment + 1) × 5). Channels with fewer than {x.MinWheelItems} items are drawn as hollow dots.",
                "<b>Quotes</b> are passages around a mention of the factor, with the clause it was found in highlighted in the colour of that mention's sentiment. First come quotes of the polarity the quadrant is about (fix and watch: negative; promote: positive; otherwise the prevailing one), then one of the other side. The choice is deterministic: a clear sentiment, a statement rather than a question, a readable length; names, e-mails, phone numbers and @handles are masked.",
            ];
        sb.Append("<table class=\"rules reflow\"><thead><tr>")
          .Append(ru ? "<th>Квадрант</th><th>Правило</th><th>Что делать</th>" : "<th>Quadrant</th><th>Rule</th><th>What it means</th>")
          .Append("</tr></thead><tbody>");
        (Quadrant Q, string Rule)[] rules = ru
            ?
            [
                (Quadrant.Fix, "важность выше медианы, оценка не выше медианы; порядок — сначала ясные, затем факторы, где мы позади конкурента, затем важность × отставание от медианы"),
                (Quadrant.Promote, $"важность и оценка выше медиан, весь интервал оценки выше {above}, впереди конкурентов (Δ > 0 или данных о конкурентах нет)"),
                (Quadrant.Maintain, "оценка выше медианы, и важность не выше медианы, или нет явного позитива, или нет преимущества перед конкурентом (Δ ≤ 0)"),
                (Quadrant.Watch, "важность и оценка не выше медиан"),
                (Quadrant.Insufficient, $"меньше {x.MinMentions} упоминаний (или меньше {x.MinPlacedFactors} факторов с достаточными данными)"),
            ]
            :
            [
                (Quadrant.Fix, "importance above the median, performance not above it; clear ones first, then factors behind a competitor, then by importance × gap to the median"),
                (Quadrant.Promote, $"importance and performance above their medians, the whole performance interval above {above}, ahead of competitors (Δ > 0, or no competitor data)"),
                (Quadrant.Maintain, "performance above the median, and importance not above it, or customers not clearly positive, or no edge over a competitor (Δ ≤ 0)"),
                (Quadrant.Watch, "importance and performance not above their medians"),
                (Quadrant.Insufficient, $"fewer than {x.MinMentions} mentions (or fewer than {x.MinPlacedFactors} factors with enough)"),
            ];
        foreach (var (q, rule) in rules)
            sb.Append($"<tr><td class=\"name\">{Chip(ReportBuilder.Code(q), t)}</td><td data-label=\"{(ru ? "Правило" : "Rule")}\">{E(rule)}</td><td data-label=\"{(ru ? "Что делать" : "What it means")}\">{E(t.QuadrantMeanings[q])}</td></tr>");
        sb.Append("</tbody></table>");
        foreach (var p in paragraphs) sb.Append($"<p>{p}</p>");
        sb.Append($"<p class=\"muted\" id=\"rules-in-force\">{(ru ? "Правила в силе" : "Rules in force")} (MatrixRules): minMentions {x.MinMentions}, minPlacedFactors {x.MinPlacedFactors}, "
            + $"minOutcomePairs {x.MinOutcomePairs}, outcomes [{string.Join(", ", x.Outcomes)}], z → {level} %, margin {t.Num(x.Margin)}, promoteAbove {t.Signed(x.PromoteAbove)}.</p>");
        sb.Append($"<p class=\"muted\">{(ru ? "Отзывов бренда" : "Brand items")}: {t.Count(m.Items.Brand)}; {(ru ? "в прошлом периоде" : "previous period")}: {t.Count(m.Items.PreviousPeriod)}; "
            + string.Join("; ", m.Items.Competitors.Select(c => $"{E(m.NameOf(c.Brand))}: {t.Count(c.Items)}" + (c.Spam > 0 ? $" ({t.Count(c.Spam)} {E(t.ExcludedAsSpam)})" : "")))
            + $"; {E(t.ExcludedAsSpam)}: {t.Count(m.Items.Spam)}"
            + (m.Items.Unscored > 0 ? $"; {E(t.NotYetScored)}: {t.Count(m.Items.Unscored)}" : "")
            + (m.Items.Duplicates > 0 ? $"; {(ru ? "дубликатов отброшено" : "duplicates dropped")}: {t.Count(m.Items.Duplicates)}" : "") + ".</p>");
        sb.Append("</section>");
    }


    private static string Slug(string s) => new(s.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
