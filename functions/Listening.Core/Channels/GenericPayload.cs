using System.Text.Json;
using Listening.Core.Feedback;

namespace Listening.Core.Channels;

/// <summary>
/// The generic signed JSON webhook: the body is the canonical feedback item (or an array of them),
/// exactly the ingest shape; the brand in the URL wins over a brand in the body.
/// </summary>
public static class GenericPayload
{
    public static IReadOnlyList<FeedbackItemDto> Parse(ReadOnlyMemory<byte> body, string brand)
    {
        List<FeedbackItemDto?>? items;
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { MaxDepth = 64, AllowTrailingCommas = true });
            using var doc = JsonDocument.ParseValue(ref reader);
            items = doc.RootElement.ValueKind == JsonValueKind.Array
                ? doc.RootElement.Deserialize<List<FeedbackItemDto?>>(FeedbackItemDto.JsonOptions)
                : [doc.RootElement.Deserialize<FeedbackItemDto>(FeedbackItemDto.JsonOptions)];
        }
        catch (JsonException e) { throw new WebhookPayloadException($"generic: the body is not a feedback item ({e.Message})", e); }
        var result = new List<FeedbackItemDto>();
        foreach (var item in items ?? [])
        {
            if (item is null) continue;
            item.Brand = brand;
            item.Source ??= "webhook";
            result.Add(item);
        }
        return result;
    }
}
