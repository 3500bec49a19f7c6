using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Listening.Tests.Channels.Platforms;

/// <summary>
/// A stand-in for the VK API (dev.vk.com/method) on loopback — not VK itself. Documented wire format:
/// <c>POST /method/{name}</c> with form parameters including <c>access_token</c> and <c>v</c>; HTTP 200 with
/// <c>{"response": …}</c> or <c>{"error": {"error_code", "error_msg", "request_params"}}</c>. Implemented:
/// <c>wall.createComment</c> (→ <c>{"comment_id", "parents_stack"}</c>), <c>board.createComment</c>,
/// <c>photos.createComment</c>, <c>market.createComment</c> (→ the new id), <c>messages.send</c> (→ the message id;
/// <c>random_id</c> required), each idempotent on its key as documented (<c>guid</c>, <c>random_id</c>: a repeat
/// returns the first id and posts nothing). Not implemented: attachments, keyboards, edits, execute.
/// </summary>
public sealed class VkApiFake : LoopbackPlatform
{
    public const string AccessToken = "vk1.a.community-token-for-tests";
    private int nextId = 500;
    private readonly ConcurrentDictionary<string, int> byKey = new();

    public static async Task<VkApiFake> StartAsync()
    {
        var fake = new VkApiFake();
        await fake.ListenAsync();
        return fake;
    }

    /// <summary>Distinct replies posted (a repeated guid / random_id is one).</summary>
    public int Posted => byKey.Count;

    protected override (int, string) Answer(PlatformRequest request)
    {
        var method = request.Path.StartsWith("/method/", StringComparison.Ordinal) ? request.Path["/method/".Length..] : "";
        if (request.Param("access_token") != AccessToken) return (200, Error(5, "User authorization failed: invalid access_token (4).", request));
        if (string.IsNullOrEmpty(request.Param("v"))) return (200, Error(8, "Invalid request: v is required", request));
        if (string.IsNullOrEmpty(request.Param("message"))) return (200, Error(100, "One of the parameters specified was missing or invalid: message is undefined", request));
        string? key;
        switch (method)
        {
            case "wall.createComment" when request.Param("post_id") is not null:
            case "board.createComment" when request.Param("topic_id") is not null:
            case "photos.createComment" when request.Param("photo_id") is not null:
            case "market.createComment" when request.Param("item_id") is not null:
                key = $"{method}|{request.Param("guid") ?? Guid.NewGuid().ToString()}";
                break;
            case "messages.send" when request.Param("peer_id") is not null:
                if (request.Param("random_id") is not { } random) return (200, Error(100, "One of the parameters specified was missing or invalid: random_id is a required parameter", request));
                key = $"{method}|{request.Param("peer_id")}|{random}";
                break;
            default:
                return (200, Error(100, $"One of the parameters specified was missing or invalid ({method})", request));
        }
        var id = byKey.GetOrAdd(key, _ => Interlocked.Increment(ref nextId));
        JsonNode response = method == "wall.createComment" ? new JsonObject { ["comment_id"] = id, ["parents_stack"] = new JsonArray() } : JsonValue.Create(id);
        return (200, new JsonObject { ["response"] = response }.ToJsonString());
    }

    public static string Error(int code, string message, PlatformRequest? request = null) =>
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["error_code"] = code,
                ["error_msg"] = message,
                ["request_params"] = new JsonArray((request?.Form ?? new Dictionary<string, string>())
                    .Where(p => p.Key != "access_token").Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray()),
            },
        }.ToJsonString();

    /// <summary>A Callback API event as VK posts it (API version 5.199 object shapes).</summary>
    public static string Event(string type, JsonObject obj, long groupId, string secret, string? eventId = null) =>
        new JsonObject
        {
            ["group_id"] = groupId, ["type"] = type, ["event_id"] = eventId ?? Guid.NewGuid().ToString("N"), ["v"] = "5.199",
            ["object"] = obj, ["secret"] = secret,
        }.ToJsonString();

    public static string Confirmation(long groupId, string secret) =>
        new JsonObject { ["type"] = "confirmation", ["group_id"] = groupId, ["secret"] = secret }.ToJsonString();

    public static JsonObject WallReply(long id, long fromId, long ownerId, long postId, string text, long date = 1_795_000_000) => new()
    {
        ["id"] = id, ["from_id"] = fromId, ["date"] = date, ["text"] = text, ["post_owner_id"] = ownerId, ["owner_id"] = ownerId, ["post_id"] = postId,
        ["parents_stack"] = new JsonArray(), ["thread"] = new JsonObject { ["count"] = 0 },
    };

    public static JsonObject BoardPost(long id, long fromId, long groupId, long topicId, string text, long date = 1_795_000_000) => new()
    {
        ["id"] = id, ["from_id"] = fromId, ["date"] = date, ["text"] = text, ["topic_owner_id"] = -groupId, ["topic_id"] = topicId,
    };

    public static JsonObject PhotoComment(long id, long fromId, long ownerId, long photoId, string text, long date = 1_795_000_000) => new()
    {
        ["id"] = id, ["from_id"] = fromId, ["date"] = date, ["text"] = text, ["photo_owner_id"] = ownerId, ["photo_id"] = photoId,
    };

    public static JsonObject MarketComment(long id, long fromId, long ownerId, long itemId, string text, long date = 1_795_000_000) => new()
    {
        ["id"] = id, ["from_id"] = fromId, ["date"] = date, ["text"] = text, ["market_owner_id"] = ownerId, ["item_id"] = itemId,
    };

    public static JsonObject MessageNew(long id, long fromId, string text, long date = 1_795_000_000) => new()
    {
        ["message"] = new JsonObject
        {
            ["id"] = id, ["date"] = date, ["peer_id"] = fromId, ["from_id"] = fromId, ["text"] = text, ["out"] = 0,
            ["conversation_message_id"] = id, ["attachments"] = new JsonArray(), ["fwd_messages"] = new JsonArray(),
        },
        ["client_info"] = new JsonObject { ["button_actions"] = new JsonArray("text"), ["keyboard"] = true, ["lang_id"] = 0 },
    };
}
