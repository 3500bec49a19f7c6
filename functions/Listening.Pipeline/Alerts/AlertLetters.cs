using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Listening.Reports;
using Listening.Responses;

namespace Listening.Alerts;

/// <summary>
/// An alert as outbox messages, one per recipient of the brand's report (e-mail: plain text plus a small HTML version;
/// webhook <c>alert.{kind}</c>: the figures, the quotes and the link as JSON). Ids derive from brand, kind, subject, window and
/// recipient: the same alert is queued once however often the job runs.
/// </summary>
public static class AlertLetters
{
    public const string MessageKind = "alert";

    public static string Id(Alert alert, string recipient) =>
        $"alert-{ReportLetters.AsciiKey(alert.Brand)}-{alert.Kind}-{ReportLetters.Hash(alert.Key)}-{alert.Stamp}-{ReportLetters.RecipientKey(recipient)}";

    public static string Text(Alert a)
    {
        var ru = a.Lang == "ru";
        var sb = new StringBuilder();
        sb.AppendLine(a.Headline).AppendLine();
        foreach (var line in a.Details) sb.AppendLine(line);
        if (a.Quotes.Count > 0)
        {
            sb.AppendLine().AppendLine(ru ? "Что пишут (персональные данные скрыты):" : "What customers say (personal data masked):");
            foreach (var q in a.Quotes) sb.AppendLine(CultureInfo.InvariantCulture, $"  {(ru ? "«" : "“")}{q.Text}{(ru ? "»" : "”")} — {q.Source}, {q.Date:yyyy-MM-dd}");
        }
        if (a.Link is not null)
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{(ru ? "Все упоминания (нужен ключ доступа)" : "All the mentions (needs an access key)")}: {a.Link}");
        return sb.ToString();
    }

    public static string Html(Alert a)
    {
        var ru = a.Lang == "ru";
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font:14px/1.5 Arial,sans-serif;color:#1d2733;max-width:640px\">");
        sb.Append($"<h2 style=\"font-size:17px;color:#c8414b\">{E(a.Headline)}</h2>");
        foreach (var line in a.Details) sb.Append($"<p style=\"margin:4px 0\">{E(line)}</p>");
        if (a.Quotes.Count > 0)
        {
            sb.Append($"<h3 style=\"font-size:14px\">{E(ru ? "Что пишут (персональные данные скрыты)" : "What customers say (personal data masked)")}</h3>");
            foreach (var q in a.Quotes)
            {
                var start = Math.Clamp(q.ClauseStart, 0, q.Text.Length);
                var end = Math.Clamp(q.ClauseStart + q.ClauseLength, start, q.Text.Length);
                var colour = q.Polarity == "negative" ? "#fbe3e5" : q.Polarity == "positive" ? "#dff3e7" : "#eceef1";
                sb.Append($"<blockquote style=\"margin:0 0 8px;padding:6px 10px;border-left:3px solid #c3c9d1\">{E(q.Text[..start])}<mark style=\"background:{colour}\">{E(q.Text[start..end])}</mark>{E(q.Text[end..])}"
                    + $"<br><small style=\"color:#5f6b7a\">{E(q.Source)} · {q.Date:yyyy-MM-dd}</small></blockquote>");
            }
        }
        if (a.Link is not null)
            sb.Append($"<p><a href=\"{E(a.Link)}\">{E(ru ? "Все упоминания" : "All the mentions")}</a> <small>({E(ru ? "нужен ключ доступа" : "needs an access key")})</small></p>");
        return sb.Append("</body></html>").ToString();
    }

    public static OutboxMessage Email(Alert alert, string id, string address, DateTimeOffset now) =>
        new(id, MessageKind, "email", ResponsePlanner.Payload("alert." + alert.Kind, now, new JsonObject
        {
            ["address"] = address,
            ["subject"] = $"[{alert.DisplayName}] {alert.Headline}",
            ["body"] = Text(alert),
            ["html"] = Html(alert),
            ["brand"] = alert.Brand,
            ["kind"] = alert.Kind,
        }), now);

    public static OutboxMessage Webhook(Alert alert, string id, string endpoint, DateTimeOffset now) =>
        new(id, MessageKind, "webhook:" + endpoint, ResponsePlanner.Payload("alert." + alert.Kind, now, new JsonObject
        {
            ["kind"] = alert.Kind,
            ["brand"] = alert.Brand,
            ["displayName"] = alert.DisplayName,
            ["factor"] = alert.Factor,
            ["factorName"] = alert.FactorName,
            ["competitor"] = alert.Competitor,
            ["competitorName"] = alert.CompetitorName,
            ["from"] = alert.From,
            ["to"] = alert.To,
            ["headline"] = alert.Headline,
            ["details"] = new JsonArray(alert.Details.Select(d => (JsonNode?)d).ToArray()),
            ["figures"] = new JsonObject(alert.Figures.Select(f => KeyValuePair.Create(f.Key, f.Value is { } v && double.IsFinite(v) ? (JsonNode?)Math.Round(v, 6) : null))),
            ["quotes"] = new JsonArray(alert.Quotes.Select(q => (JsonNode?)new JsonObject
            {
                ["text"] = q.Text, ["clauseStart"] = q.ClauseStart, ["clauseLength"] = q.ClauseLength, ["polarity"] = q.Polarity,
                ["source"] = q.Source, ["date"] = q.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }).ToArray()),
            ["link"] = alert.Link,
            ["linkNeedsKey"] = alert.Link is not null,
        }), now);
}
