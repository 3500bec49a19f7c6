using System.Text.Json.Nodes;

namespace Listening.Tests.Channels.Platforms;

/// <summary>
/// A stand-in for the Telegram Bot API (core.telegram.org/bots/api) on loopback — not Telegram itself. It follows the
/// documented wire format: <c>POST /bot{token}/{method}</c> with JSON or form parameters; answers
/// <c>{"ok": true, "result": …}</c> or <c>{"ok": false, "error_code", "description", "parameters": {"retry_after"}}</c>;
/// <c>sendMessage</c> (chat_id, text of 1–4096 characters, reply_parameters.message_id that must exist in the chat)
/// returns the sent Message with its <c>date</c>; <c>editMessageText</c> returns it with <c>edit_date</c>. Not
/// implemented: anything else (files, keyboards, entities), message threads, chat migration.
/// </summary>
public sealed class TelegramBotApiFake : LoopbackPlatform
{
    public const string Token = "123456789:AAH-listening-test-token";
    private int nextMessageId = 1000;
    private readonly HashSet<(long Chat, int Message)> known = [];

    public static async Task<TelegramBotApiFake> StartAsync()
    {
        var fake = new TelegramBotApiFake();
        await fake.ListenAsync();
        return fake;
    }

    /// <summary>A message that exists in a chat (one the bot could reply to); unknown messages are "not found".</summary>
    public void Knows(long chat, int message) { lock (known) known.Add((chat, message)); }

    protected override (int, string) Answer(PlatformRequest request)
    {
        var parts = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var bot, var method] || !bot.StartsWith("bot", StringComparison.Ordinal)) return (404, Error(404, "Not Found"));
        if (bot[3..] != Token) return (401, Error(401, "Unauthorized"));
        var chat = long.TryParse(request.Param("chat_id"), out var c) ? c : 0;
        var text = request.Param("text") ?? "";
        if (chat == 0) return (400, Error(400, "Bad Request: chat_id is empty"));
        if (text.Length == 0) return (400, Error(400, "Bad Request: message text is empty"));
        if (text.Length > 4096) return (400, Error(400, "Bad Request: message is too long"));
        var now = Clock.GetUtcNow().ToUnixTimeSeconds();
        switch (method)
        {
            case "sendMessage":
                var replyTo = ReplyTo(request);
                lock (known)
                {
                    if (replyTo is { } r && !known.Contains((chat, r))) return (400, Error(400, "Bad Request: message to be replied not found"));
                    var id = Interlocked.Increment(ref nextMessageId);
                    known.Add((chat, id));
                    return (200, Ok(Message(chat, id, now, text, replyTo)));
                }
            case "editMessageText":
                var messageId = int.TryParse(request.Param("message_id"), out var m) ? m : 0;
                lock (known)
                    if (!known.Contains((chat, messageId))) return (400, Error(400, "Bad Request: message to edit not found"));
                var edited = Message(chat, messageId, now - 60, text, null);
                edited["edit_date"] = now;
                return (200, Ok(edited));
            default:
                return (404, Error(404, "Not Found: method not found"));
        }
    }

    private static int? ReplyTo(PlatformRequest request)
    {
        var parameters = request.Json?["reply_parameters"] ?? (request.Form.TryGetValue("reply_parameters", out var f) ? JsonNode.Parse(f) : null);
        if (parameters?["message_id"] is { } id) return id.GetValue<int>();
        return int.TryParse(request.Param("reply_to_message_id"), out var legacy) ? legacy : null;
    }

    private static JsonObject Message(long chat, int id, long date, string text, int? replyTo)
    {
        var message = Compact(new JsonObject
        {
            ["message_id"] = id,
            ["from"] = new JsonObject { ["id"] = 123456789, ["is_bot"] = true, ["first_name"] = "Acme care", ["username"] = "acme_care_bot" },
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = chat < 0 ? "supergroup" : "private", ["title"] = chat < 0 ? "Acme fans" : null },
            ["date"] = date,
            ["text"] = text,
        });
        if (replyTo is { } r)
            message["reply_to_message"] = new JsonObject
            {
                ["message_id"] = r, ["date"] = date - 60, ["chat"] = new JsonObject { ["id"] = chat, ["type"] = chat < 0 ? "supergroup" : "private" },
            };
        return message;
    }

    private static string Ok(JsonNode result) => new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString();

    public static string Error(int code, string description, int? retryAfter = null)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } r) error["parameters"] = new JsonObject { ["retry_after"] = r };
        return error.ToJsonString();
    }

    /// <summary>Telegram leaves out optional fields it has no value for (never <c>null</c>).</summary>
    private static JsonObject Compact(JsonObject o)
    {
        foreach (var (key, value) in o.ToList())
            if (value is null) o.Remove(key);
            else if (value is JsonObject child) Compact(child);
        return o;
    }

    /// <summary>A Bot API Update with a message from a person in a chat (what Telegram posts to the webhook).</summary>
    public static string Update(long updateId, long chat, int messageId, string text, long userId = 555001, string? username = "kate_runs",
        string chatType = "supergroup", long date = 1_795_000_000, bool automaticForward = false) =>
        Compact(new JsonObject
        {
            ["update_id"] = updateId,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Kate", ["last_name"] = "Runner", ["username"] = username },
                ["chat"] = new JsonObject { ["id"] = chat, ["title"] = "Acme fans", ["username"] = "acme_fans", ["type"] = chatType },
                ["date"] = date,
                ["text"] = text,
                ["is_automatic_forward"] = automaticForward ? true : null,
            },
        }).ToJsonString();
}
