using System.Globalization;
using System.Text.Json;
using Listening.Core.Channels;
using Listening.Core.Feedback;

namespace Listening.Channels.Vk;

/// <summary>Where a VK item was written, as its external id keeps it: what an answer needs.</summary>
/// <param name="Kind"><c>wall</c>, <c>board</c>, <c>photo</c>, <c>market</c> (comments) or <c>message</c> (community messages).</param>
/// <param name="Owner">The wall / photo / market owner (negative for a community), the board's group id, or the message's peer id.</param>
/// <param name="Object">The post, topic, photo or market item; 0 for a message.</param>
/// <param name="Id">The comment, board post or message id.</param>
public sealed record VkPlace(string Kind, long Owner, long Object, long Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}:{Owner}:{Object}:{Id}");

    public bool Public => Kind != VkCallback.Message;

    public static VkPlace? Parse(string? externalId) =>
        externalId?.Split(':') is [var kind, var owner, var obj, var id]
        && kind is VkCallback.Wall or VkCallback.Board or VkCallback.Photo or VkCallback.Market or VkCallback.Message
        && long.TryParse(owner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var o)
        && long.TryParse(obj, NumberStyles.None, CultureInfo.InvariantCulture, out var b)
        && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var i)
            ? new VkPlace(kind, o, b, i) : null;
}

/// <summary>
/// VK Callback API events (API version 5.199 objects) as feedback: <c>wall_reply_new</c> (a comment under a post),
/// <c>board_post_new</c> (a message in a discussion topic), <c>photo_comment_new</c>, <c>market_comment_new</c> and
/// <c>message_new</c> (a message to the community). Not feedback: what a community writes (from_id &lt; 0 — our own
/// answers included), outgoing messages, empty texts, every other event type. VK repeats an event it got no "ok" for;
/// the repeat is the same item (the id comes from where it was written).
/// </summary>
public static class VkCallback
{
    public const string Wall = "wall", Board = "board", Photo = "photo", Market = "market", Message = "message";
    public const string Confirmation = "confirmation";

    /// <summary>The event's <c>secret</c> field, or null when the body is not a JSON object with one.</summary>
    public static string? SecretOf(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("secret", out var s)
                && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    public sealed record Event(string Type, long? GroupId, string? EventId);

    /// <summary>The event's type and group, and the item it carries (or why it carries none).</summary>
    /// <exception cref="WebhookPayloadException">the body is not a Callback API event.</exception>
    public static (Event Event, FeedbackItemDto? Item, string? Ignored) Parse(ReadOnlyMemory<byte> body, string brand)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 }); }
        catch (JsonException e) { throw new WebhookPayloadException($"vk: not JSON: {e.Message}"); }
        using var _ = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new WebhookPayloadException("vk: the event is not a JSON object");
        var type = Str(root, "type") ?? throw new WebhookPayloadException("vk: type is missing");
        var evt = new Event(type, Long(root, "group_id"), Str(root, "event_id"));
        if (type == Confirmation) return (evt, null, null);
        if (!root.TryGetProperty("object", out var o) || o.ValueKind != JsonValueKind.Object) return (evt, null, $"event {type} has no object");

        (VkPlace Place, JsonElement Source)? found = type switch
        {
            "wall_reply_new" => (new VkPlace(Wall, Long(o, "post_owner_id") ?? Long(o, "owner_id") ?? 0, Long(o, "post_id") ?? 0, Long(o, "id") ?? 0), o),
            "board_post_new" => (new VkPlace(Board, Math.Abs(Long(o, "topic_owner_id") ?? 0), Long(o, "topic_id") ?? 0, Long(o, "id") ?? 0), o),
            "photo_comment_new" => (new VkPlace(Photo, Long(o, "photo_owner_id") ?? 0, Long(o, "photo_id") ?? 0, Long(o, "id") ?? 0), o),
            "market_comment_new" => (new VkPlace(Market, Long(o, "market_owner_id") ?? 0, Long(o, "item_id") ?? 0, Long(o, "id") ?? 0), o),
            "message_new" when o.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object =>
                (new VkPlace(Message, Long(m, "peer_id") ?? Long(m, "from_id") ?? 0, 0,
                    Long(m, "id") is > 0 and var id ? id : Long(m, "conversation_message_id") ?? 0), m),
            _ => null,
        };
        if (found is not var (place, source)) return (evt, null, $"event {type} is not feedback");
        if (place.Id <= 0 || place.Owner == 0) throw new WebhookPayloadException($"vk: {type} lacks its ids");
        var from = Long(source, "from_id") ?? 0;
        if (from <= 0) return (evt, null, "written by a community (the brand's own answers included)");
        if (Long(source, "out") is 1) return (evt, null, "an outgoing message");
        var text = Str(source, "text");
        if (string.IsNullOrWhiteSpace(text)) return (evt, null, "no text");
        var date = Long(source, "date") is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix) : (DateTimeOffset?)null;
        var handle = string.Create(CultureInfo.InvariantCulture, $"id{from}");
        return (evt, new FeedbackItemDto
        {
            Kind = "mention",
            Source = VkSettings.Tool,
            Channel = "social",
            Brand = brand,
            ExternalId = place.ToString(),
            Text = text,
            Author = new AuthorDto(FeedbackIds.DeriveAuthorId(VkSettings.Tool, handle), null, handle, null),
            Url = LinkTo(place),
            CreatedAt = date,
        }, null);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    private static string? LinkTo(VkPlace p) => p.Kind switch
    {
        Wall => string.Create(CultureInfo.InvariantCulture, $"https://vk.com/wall{p.Owner}_{p.Object}?reply={p.Id}"),
        Board => string.Create(CultureInfo.InvariantCulture, $"https://vk.com/topic-{p.Owner}_{p.Object}?post={p.Id}"),
        Photo => string.Create(CultureInfo.InvariantCulture, $"https://vk.com/photo{p.Owner}_{p.Object}"),
        Market => string.Create(CultureInfo.InvariantCulture, $"https://vk.com/product{p.Owner}_{p.Object}"),
        _ => null,
    };
}
