using System.Globalization;
using System.Text;
using Listening.Responses;
using static Listening.Reports.Svg;

namespace Listening.Reports;

// The report's Responses section (issue 15): the data is the responses feature's (ResponseTimeRow, read by
// ReportResponseTimes over the brand's own items of the period); this file only carries it in the model and draws one table.

public sealed partial record ReportModel
{
    /// <summary>Response times per channel for the brand's items of the period; null where the report has no responses store (a file).</summary>
    public ResponsesSection? Responses { get; init; }
}

/// <summary>Per channel: from the post's own timestamp to the platform's acknowledgement of the reply, against the channel's target.</summary>
public sealed record ResponsesSection(IReadOnlyList<ResponseTimeRow> Channels);

public static class ResponsesHtml
{
    public static void Render(StringBuilder sb, ReportModel m)
    {
        if (m.Responses is not { Channels.Count: > 0 } section) return;
        var ru = m.Lang == "ru";
        sb.Append($"<section id=\"responses\"><h2>{E(ru ? "Ответы авторам" : "Responses")}</h2><p class=\"hint\">{E(ru
            ? "Время ответа по каналам: от публикации отзыва до подтверждения ответа площадкой; «от получения» — от поступления отзыва к нам; цель — норматив канала"
            : "Response time per channel: from the post to the platform's acknowledgement of the reply; \"from arrival\" starts when the item reached us; the target is the channel's")}</p>");
        sb.Append($"<table id=\"responses-table\"><thead><tr><th>{E(ru ? "Канал" : "Channel")}</th><th class=\"num\">{E(ru ? "Цель" : "Target")}</th>"
            + $"<th class=\"num\">{E(ru ? "Отзывов" : "Posts")}</th><th class=\"num\">{E(ru ? "Отвечено" : "Answered")}</th><th class=\"num\">{E(ru ? "В срок" : "On time")}</th>"
            + $"<th class=\"num\">{E(ru ? "Медиана" : "Median")}</th><th class=\"num\">p90</th><th class=\"num\">{E(ru ? "От получения" : "From arrival")}</th>"
            + $"<th class=\"num\">{E(ru ? "Ждут ответа" : "Waiting")}</th></tr></thead><tbody>");
        foreach (var r in section.Channels)
        {
            var onTime = r.Replied == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100.0 * r.RepliedOnTime / r.Replied):0}%");
            sb.Append($"<tr><td>{E(r.Channel)}</td><td class=\"num\">{E(T(r.TargetMinutes))}</td><td class=\"num\">{r.Received}</td><td class=\"num\">{r.Replied}</td>"
                + $"<td class=\"num\">{E(onTime)}</td><td class=\"num\"><b>{E(T(r.MedianMinutes))}</b></td><td class=\"num\">{E(T(r.P90Minutes))}</td>"
                + $"<td class=\"num\">{E(T(r.MedianFromArrivalMinutes))}</td><td class=\"num\">{r.Waiting}{(r.Overdue > 0 ? $" ({r.Overdue} {(ru ? "просрочено" : "overdue")})" : "")}</td></tr>");
        }
        sb.Append("</tbody></table></section>");
    }

    private static string T(double? minutes) => ResponseMonitor.Format(minutes is { } v ? TimeSpan.FromMinutes(v) : null);
}
