using System.Text;
using System.Text.Json;
using MimeKit;

namespace Listening.Responses.Delivery;

/// <summary>
/// The body of an outbox e-mail from its payload's <c>data</c>: <c>body</c> as plain text; with <c>html</c> also an HTML
/// alternative, and each of <c>attachments</c> (<c>fileName</c>, <c>contentType</c>, <c>text</c> or <c>base64</c>) attached.
/// A reply to an author has only the text; a scheduled report letter has all three (docs/report.md, "Delivery").
/// </summary>
public static class MailBody
{
    public static MimeEntity From(JsonElement data)
    {
        var text = data.GetProperty("body").GetString() ?? "";
        var hasHtml = data.TryGetProperty("html", out var html) && html.ValueKind == JsonValueKind.String;
        var hasAttachments = data.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array;
        if (!hasHtml && !hasAttachments) return new TextPart("plain") { Text = text };

        var builder = new BodyBuilder { TextBody = text, HtmlBody = hasHtml ? html.GetString() : null };
        if (hasAttachments)
            foreach (var a in attachments.EnumerateArray())
            {
                var name = a.GetProperty("fileName").GetString() ?? "attachment";
                var type = ContentType.Parse(a.TryGetProperty("contentType", out var ct) ? ct.GetString() ?? "application/octet-stream" : "application/octet-stream");
                var bytes = a.TryGetProperty("base64", out var b64) ? Convert.FromBase64String(b64.GetString() ?? "")
                    : Encoding.UTF8.GetBytes(a.GetProperty("text").GetString() ?? "");
                if (type.MediaType == "text" || type.MimeType == "application/json") type.Charset ??= "utf-8";
                builder.Attachments.Add(name, bytes, type);
            }
        return builder.ToMessageBody();
    }
}
