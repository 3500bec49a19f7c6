using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Listening.Core.Feedback;
using Listening.Responses;

namespace Listening.Reports;

/// <summary>
/// The scheduled report as outbox messages, one per recipient: an e-mail (the HTML report inline — self-contained, no links
/// that need the app — the JSON attached, and a plain-text summary of the key takeaways) or a signed webhook (the JSON plus
/// a link to the served report). Ids derive from brand, rhythm, period and recipient, so a rerun of the schedule, a second
/// instance or a crash after the enqueue never sends a letter twice.
/// </summary>
public static partial class ReportLetters
{
    public const string Kind = "report";

    /// <summary><c>report-{brand}-{rhythm}-{to}-{recipient}</c>: ASCII (it is the e-mail's Message-ID and the webhook-id), and a
    /// hash stands for an e-mail address so that no address ends up in a log line.</summary>
    public static string Id(string brand, string rhythm, DateOnly to, string recipient) =>
        $"report-{AsciiKey(brand)}-{rhythm}-{to:yyyyMMdd}-{RecipientKey(recipient)}";

    /// <summary>The brand key when it is plain ASCII, else a short hash of it.</summary>
    public static string AsciiKey(string brand)
    {
        var key = BrandKey.Of(brand);
        return AsciiId().IsMatch(key) ? key : "b" + Hash(key);
    }

    /// <summary><c>webhook-{name}</c>, or <c>email-{hash}</c> for an address.</summary>
    public static string RecipientKey(string recipient) =>
        recipient.StartsWith("webhook:", StringComparison.Ordinal) ? "webhook-" + AsciiKey(recipient["webhook:".Length..]) : "email-" + Hash(recipient.Trim().ToLowerInvariant());

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];

    [GeneratedRegex("^[a-z0-9_.-]{1,40}$")]
    private static partial Regex AsciiId();

    public static string Subject(ReportModel model, string rhythm)
    {
        var t = ReportText.For(model.Lang);
        var period = ReportHtml.Period(model, t);
        return model.Lang == "ru"
            ? $"{model.DisplayName}: {(rhythm == "weekly" ? "еженедельный" : "ежедневный")} отчёт — матрица действий, {period}"
            : $"{model.DisplayName}: {rhythm} report — action matrix, {period}";
    }

    /// <summary>The plain-text part: the headline figures and the key takeaways, as the page states them.</summary>
    public static string Summary(ReportModel model, string? link)
    {
        var ru = model.Lang == "ru";
        var t = ReportText.For(model.Lang);
        var h = model.Headline;
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{model.DisplayName} — {t.Title}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{t.Period}: {ReportHtml.Period(model, t)}");
        if (model.Competitors.Count > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"{t.Competitors}: {string.Join(", ", model.Competitors.Select(model.NameOf))}");
        sb.AppendLine();
        sb.AppendLine($"{t.ItemsAnalysed}: {t.Count(model.Items.Brand)}" + (model.Items.PreviousPeriod > 0 ? $" ({t.PreviousPeriod}: {t.Count(model.Items.PreviousPeriod)})" : ""));
        sb.AppendLine($"{t.NetSentiment}: {t.Signed(h.NetSentiment.Value)} [{t.Signed(h.NetSentiment.Low)}; {t.Signed(h.NetSentiment.High)}], n = {t.Count(h.NetSentiment.N)}");
        sb.AppendLine(h.Nps.N > 0
            ? $"NPS: {t.Signed(h.Nps.Score, "+0;−0;0")} [{t.Signed(h.Nps.Low, "+0;−0;0")}; {t.Signed(h.Nps.High, "+0;−0;0")}], n = {t.Count(h.Nps.N)}"
            : $"NPS: {t.NpsNoAnswers}");
        sb.AppendLine();
        sb.AppendLine(t.Takeaways + ":");
        foreach (var (_, html) in ReportHtml.TakeawayItems(model, t))
            sb.AppendLine("• " + WebUtility.HtmlDecode(Tags().Replace(html, "")));
        sb.AppendLine();
        sb.AppendLine(ru ? "Полный отчёт — в письме (HTML) и во вложении (JSON)." : "The full report is in this e-mail (HTML) and attached (JSON).");
        if (link is not null)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{(ru ? "Онлайн, с упоминаниями за каждым фактором (нужен ключ доступа)" : "Online, with the mentions behind every factor (needs an access key)")}: {link}");
        return sb.ToString();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    public static OutboxMessage Email(string id, string address, ReportModel model, string rhythm, string? link, DateTimeOffset now)
    {
        var json = ReportJson.Serialize(model);
        var data = new JsonObject
        {
            ["address"] = address,
            ["subject"] = Subject(model, rhythm),
            ["body"] = Summary(model, link),
            ["html"] = ReportHtml.Render(model, new ReportLinks(OnlineReport: link)),
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["fileName"] = $"action-matrix-{AsciiKey(model.Brand)}-{model.From:yyyy-MM-dd}-{model.To:yyyy-MM-dd}.json",
                ["contentType"] = "application/json",
                ["text"] = json,
            }),
            ["brand"] = BrandKey.Of(model.Brand),
            ["rhythm"] = rhythm,
            ["from"] = model.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = model.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return new OutboxMessage(id, Kind, "email", ResponsePlanner.Payload("report.scheduled", now, data), now);
    }

    public static OutboxMessage Webhook(string id, string endpoint, ReportModel model, string rhythm, string? link, DateTimeOffset now)
    {
        var data = new JsonObject
        {
            ["brand"] = BrandKey.Of(model.Brand),
            ["displayName"] = model.DisplayName,
            ["rhythm"] = rhythm,
            ["from"] = model.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = model.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["lang"] = model.Lang,
            ["link"] = link,
            ["linkNeedsKey"] = link is not null,
            ["summary"] = Summary(model, link),
            ["report"] = JsonNode.Parse(ReportJson.Serialize(model)),
        };
        return new OutboxMessage(id, Kind, "webhook:" + endpoint, ResponsePlanner.Payload("report.scheduled", now, data), now);
    }

    /// <summary>The served report for the period, absolute, when <see cref="ReportOptions.PublicBaseUrl"/> is set.</summary>
    public static string? Link(ReportOptions options, string brand, DateOnly from, DateOnly to, string lang) =>
        string.IsNullOrWhiteSpace(options.PublicBaseUrl) ? null
            : $"{options.PublicBaseUrl.TrimEnd('/')}/api/reports/{Uri.EscapeDataString(BrandKey.Of(brand))}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&lang={lang}";
}
