namespace Listening.Reports;

/// <summary>The page's only stylesheet, inline: system fonts, no external resources, A4-friendly print rules.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink:#1d2733; --muted:#5f6b7a; --line:#e3e6ea; --brand:#1f3a5f; --bg:#f4f6f9; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin:0; background:var(--bg); color:var(--ink); font: 14px/1.5 "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; overflow-wrap: break-word; }
        a { color: #2d5a8a; } a.drill { text-decoration: none; border-bottom: 1px dotted currentColor; }
        header.top a { color:#fff; } header.top .online { margin: 8px 0 0; font-size: 12.5px; overflow-wrap: anywhere; } header.top .needs-key { opacity: .8; }
        main { max-width: 1080px; margin: 0 auto; padding: 0 24px 48px; }
        header.top { background: linear-gradient(120deg, #1f3a5f, #2d5a8a); color:#fff; padding: 28px 0 26px; margin-bottom: 22px; }
        header.top .inner { max-width:1080px; margin:0 auto; padding:0 24px; }
        header.top .kicker { text-transform: uppercase; letter-spacing:.08em; font-size:12px; opacity:.8; }
        header.top h1 { margin: 4px 0 6px; font-size: 30px; font-weight: 700; }
        header.top .meta { font-size: 13px; opacity:.92; }
        header.top .meta span { margin-right: 18px; white-space: nowrap; }
        section { background:#fff; border:1px solid var(--line); border-radius:10px; padding: 20px 24px; margin: 0 0 18px; break-inside: avoid-page; }
        section.flow { break-inside: auto; }
        h2 { font-size: 19px; margin: 0 0 4px; color: var(--brand); }
        h3 { font-size: 15px; margin: 14px 0 6px; }
        p.hint, .muted { color: var(--muted); }
        p.hint { margin: 0 0 12px; font-size: 12.5px; }
        .kpis { display:grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-bottom: 18px; }
        .kpi { background:#fff; border:1px solid var(--line); border-radius:10px; padding:14px 16px; }
        .kpi .label { font-size:12px; color:var(--muted); text-transform: uppercase; letter-spacing:.04em; }
        .kpi .value { font-size:30px; font-weight:700; line-height:1.15; margin:4px 0 2px; }
        .kpi .sub { font-size:12px; color:var(--muted); }
        .kpi.fix .value { color:#c8414b; }
        ul.takeaways { margin: 6px 0 0; padding-left: 0; list-style: none; }
        ul.takeaways li { padding: 7px 0 7px 14px; border-left: 4px solid var(--line); margin-bottom: 6px; background:#fafbfc; }
        ul.takeaways li.fix { border-color:#c8414b; } ul.takeaways li.promote { border-color:#2a9d5c; }
        ul.takeaways li.opening { border-color:#8e5bb5; } ul.takeaways li.watch { border-color:#d99a00; } ul.takeaways li.info { border-color:#3a6ea5; }
        .matrix-wrap { display:grid; grid-template-columns: 640px 1fr; gap: 18px; align-items:start; }
        .matrix-wrap > div { min-width: 0; }
        ol.chart-key { margin: 8px 0 0; padding-left: 22px; font-size: 13px; columns: 2; column-gap: 18px; }
        ol.chart-key li { break-inside: avoid; } ol.chart-key .sw { display:inline-block; width:9px; height:9px; border-radius:50%; margin-right:6px; }
        .axis-note { margin: 4px 0 0; font-size: 12px; color: var(--muted); }
        .npsbar .bar { display:flex; height: 26px; border-radius: 4px; overflow: hidden; max-width: 520px; }
        .npsbar .nps-segment { display:flex; align-items:center; justify-content:center; color:#fff; font-size:12px; font-weight:600; white-space:nowrap; overflow:hidden; }
        .npsbar .bar-legend { display:flex; flex-wrap:wrap; gap: 4px 16px; margin-top: 8px; font-size: 12px; }
        .npsbar .bar-legend i { display:inline-block; width:10px; height:10px; margin-right:5px; vertical-align:-1px; }
        tr.small-sample td { color: var(--muted); }
        .sparse-note .hollow { display:inline-block; width:9px; height:9px; border:2px solid var(--brand); border-radius:50%; vertical-align:-1px; }
        .legend div { display:flex; gap:8px; align-items:flex-start; margin-bottom:10px; font-size:13px; }
        .legend .sw { width:14px; height:14px; border-radius:50%; flex: 0 0 14px; margin-top:3px; }
        svg.chart { max-width:100%; height:auto; display:block; font-family: inherit; }
        /* Each wide chart is drawn twice; the width the page is shown at picks one (text in charts stays readable). */
        .narrow-only, .slim-only, .wheel-narrow { display:none !important; }
        svg.slim-only, .narrow-only svg.chart { width: 100%; max-width: 560px; }
        svg.wheel-narrow { width: 100%; max-width: 420px; }
        svg text { fill: var(--ink); } svg text.muted { fill: var(--muted); } svg .qlabel { font-weight:700; letter-spacing:.06em; }
        svg .factor-label { paint-order: stroke; stroke:#fff; stroke-width:3px; stroke-linejoin:round; }
        table { width:100%; border-collapse: collapse; font-size: 13px; }
        th { text-align:left; font-size:11.5px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); border-bottom:2px solid var(--line); padding:6px 8px; }
        td { border-bottom:1px solid var(--line); padding:8px; vertical-align: top; }
        tr { break-inside: avoid; }
        td.num, th.num { text-align:right; white-space:nowrap; font-variant-numeric: tabular-nums; }
        td .ci { display:block; font-size:11px; color:var(--muted); }
        td.comp { white-space: normal; min-width: 7em; } td.comp .vs { display:block; }
        td.why { font-size:12.5px; color:#39434f; max-width: 360px; }
        .chip { display:inline-block; padding:2px 9px; border-radius:999px; font-size:12px; font-weight:600; color:#fff; white-space:nowrap; }
        .chip.light { color: var(--ink); background:#eef0f3; }
        .chip.alt { background:#fff; border:1.5px dashed; padding:1px 8px; }
        .held { display:block; font-size:11px; color:var(--muted); margin-top:3px; }
        .neg { color:#c8414b; } .pos { color:#2a9d5c; }
        .grid2 { display:grid; grid-template-columns: 1fr 1fr; gap: 18px; }
        .grid3 { display:grid; grid-template-columns: repeat(3, 1fr); gap: 14px; }
        .mini { border:1px solid var(--line); border-radius:8px; padding:10px; }
        .mini h3 { margin-top:0; }
        .bignum { font-size:46px; font-weight:700; line-height:1; color: var(--brand); }
        .quotes { display:grid; grid-template-columns: 1fr 1fr; gap: 12px 18px; }
        .qf { break-inside: avoid; }
        .qf h3 { display:flex; gap:8px; align-items:center; }
        blockquote { margin: 0 0 8px; padding: 8px 12px; border-left: 3px solid #c3c9d1; background:#fafbfc; font-size:13px; }
        blockquote.negative { border-color:#c8414b; } blockquote.positive { border-color:#2a9d5c; }
        mark.clause { padding: 0 2px; border-radius: 3px; color: inherit; background:#eceef1; box-shadow: inset 0 -2px 0 #b8bec7; }
        mark.clause.positive { background:#dff3e7; box-shadow: inset 0 -2px 0 #2a9d5c; } mark.clause.negative { background:#fbe3e5; box-shadow: inset 0 -2px 0 #c8414b; }
        blockquote cite { display:block; font-style:normal; font-size:11px; color:var(--muted); margin-top:3px; }
        .rules td { font-size:13px; }
        .howto p { margin: 6px 0; font-size: 13.5px; }
        footer { color:var(--muted); font-size:12px; text-align:center; margin-top: 10px; }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { background:#fff; font-size: 11px; }
          header.top { padding: 14px 0; }
          main { padding: 0; max-width: none; }
          section { border: none; padding: 8px 0; margin-bottom: 8px; }
          .kpi { border-color:#ccc; }
          .matrix-wrap { grid-template-columns: 1fr; }
          a { color: inherit; text-decoration: none; }
          /* On A4 the reasons need the room: fixed column widths instead of content-driven ones. */
          #action-table { table-layout: fixed; font-size: 10px; }
          #action-table th { font-size: 8.5px; padding: 4px; }
          #action-table td { padding: 5px 4px; }
          #action-table .w-factor { width: 13%; } #action-table .w-action { width: 12%; } #action-table .w-num { width: 9%; }
          #action-table .w-n { width: 6%; } #action-table .w-comp { width: 16%; } #action-table .w-trend { width: 8%; }
          #action-table td.why { font-size: 9.5px; max-width: none; }
          #action-table svg.spark { width: 100%; height: auto; }
          .chip { font-size: 10px; padding: 1px 6px; }
          .kpis { grid-template-columns: repeat(4, 1fr) !important; }
          .kpi .value { font-size: 22px; }
          .broad-only, .wheel-wide, .narrow-only { display:none !important; }
          .slim-only, .wheel-narrow { display:block !important; }
          .wide-only { display:block !important; }
          header.top .meta span { white-space: normal; }
        }
        @media screen and (max-width: 999px) { .broad-only { display:none !important; } .slim-only { display:block !important; } }
        @media screen and (max-width: 900px) { .matrix-wrap, .grid2, .grid3, .quotes { grid-template-columns: 1fr; } .kpis { grid-template-columns: 1fr 1fr; } }
        /* Tables become cards: one block per row, each cell labelled — the eight-column action table below 900 px, the rest below 700. */
        @media screen and (max-width: 900px) {
          /* Tables become cards: one block per row, each cell labelled. */
          table.reflow.wide-table, table.reflow.wide-table tbody, table.reflow.wide-table tr, table.reflow.wide-table td { display:block; width:100%; }
          table.reflow.wide-table thead { display:none; }
          table.reflow.wide-table tr { border:1px solid var(--line); border-radius:8px; padding: 8px 10px; margin-bottom: 10px; background:#fff; }
          table.reflow.wide-table td { border:none; padding: 3px 0; text-align:left; white-space: normal; max-width:none; }
          table.reflow.wide-table td[data-label]::before { content: attr(data-label); display:block; font-size:10.5px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
          table.reflow.wide-table td.name { font-size: 15px; }
          table.reflow.wide-table td.num:not(.comp) { display:inline-block; width:32%; vertical-align:top; }
        }
        @media screen and (max-width: 700px) {
          /* Tables become cards: one block per row, each cell labelled. */
          table.reflow, table.reflow tbody, table.reflow tr, table.reflow td { display:block; width:100%; }
          table.reflow thead { display:none; }
          table.reflow tr { border:1px solid var(--line); border-radius:8px; padding: 8px 10px; margin-bottom: 10px; background:#fff; }
          table.reflow td { border:none; padding: 3px 0; text-align:left; white-space: normal; max-width:none; }
          table.reflow td[data-label]::before { content: attr(data-label); display:block; font-size:10.5px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
          table.reflow td.name { font-size: 15px; }
          table.reflow td.num:not(.comp) { display:inline-block; width:32%; vertical-align:top; }
        }
        @media screen and (max-width: 700px) {
          .wide-only, .wheel-wide { display:none !important; }
          .narrow-only, .wheel-narrow { display:block !important; }
          main { padding: 0 12px 32px; } header.top .inner { padding: 0 12px; } header.top h1 { font-size: 24px; }
          header.top .meta span { white-space: normal; display:block; margin-right:0; }
          section { padding: 14px 12px; }
          .kpi { padding: 10px 12px; } .kpi .value { font-size: 24px; } .bignum { font-size: 38px; }
          ol.chart-key { columns: 1; }
          td.num, th.num { white-space: normal; }
        }
        """;
}
