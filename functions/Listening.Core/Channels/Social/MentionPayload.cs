using System.Text.Json;
using Listening.Core.Feedback;

namespace Listening.Core.Channels.Social;

/// <summary>
/// A social mention in the shape social-listening services push:
/// <c>{"id","network","author":{"handle","name"} | "author":"@handle","url","text","time"}</c>
/// (also accepted: <c>created_at</c>/<c>createdAt</c>, <c>lang</c>, <c>rating</c>), or an array of them,
/// or <c>{"mentions":[…]}</c>.
/// </summary>
public static class MentionPayload
{
    public static IReadOnlyList<FeedbackItemDto> Parse(ReadOnlyMemory<byte> body, string brand)
    {
        using var doc = JsonReading.Parse(body, "mention");
        var root = doc.RootElement;
        var list = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray()
            : root.Prop("mentions") is { ValueKind: JsonValueKind.Array } m ? m.EnumerateArray()
            : (IEnumerable<JsonElement>)[root];
        return list.Select((e, i) => ToDto(e, brand, i)).ToList();
    }

    private static FeedbackItemDto ToDto(JsonElement e, string brand, int index)
    {
        var network = (e.Str("network") ?? e.Str("source") ?? "social").Trim().ToLowerInvariant();
        var id = e.Str("id") ?? throw new WebhookPayloadException($"mention[{index}]: id is missing");
        var text = e.Str("text") ?? e.Str("content") ?? throw new WebhookPayloadException($"mention[{index}]: text is missing");
        var author = e.Prop("author");
        string? handle = author?.ValueKind == JsonValueKind.String ? author.Str() : author.Prop("handle").Str() ?? author.Prop("username").Str();
        var name = author?.ValueKind == JsonValueKind.Object ? author.Prop("name").Str() : null;
        handle ??= e.Str("author_handle") ?? e.Str("authorHandle");
        return new FeedbackItemDto
        {
            Kind = "mention",
            Source = network.Length > 64 ? network[..64] : network,
            Channel = "social",
            Brand = brand,
            ExternalId = $"{network}:{id}",
            Text = text,
            Author = handle is null && name is null ? null : new AuthorDto(null, name, handle?.Trim(), null),
            Url = e.Str("url"),
            Lang = e.Str("lang"),
            Rating = e.Prop("rating").Num() is { } r and >= 1 and <= 5 ? (int)Math.Round(r) : null,
            CreatedAt = (e.Prop("time") ?? e.Prop("created_at") ?? e.Prop("createdAt")).Time(),
        };
    }
}
