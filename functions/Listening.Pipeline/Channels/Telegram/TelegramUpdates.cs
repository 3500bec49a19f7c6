using System.Globalization;
using System.Text.Json;
using Listening.Core.Channels;
using Listening.Core.Feedback;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Listening.Channels.Telegram;

/// <summary>
/// A Bot API <c>Update</c> (read with Telegram.Bot's own model and serializer options) as feedback: a message in a
/// group or supergroup where the brand's bot is a member — a comment in a channel's discussion group included — or in
/// a private chat with the bot. Not feedback: the channel's own posts and their automatic forwards into the discussion
/// group, messages of bots, messages the group sends as itself, service messages without text, edits (the item keeps
/// the first version).
/// </summary>
public static class TelegramUpdates
{
    /// <summary><c>{chat_id}:{message_id}</c>: what an answer needs to reply to the message.</summary>
    public static string ExternalId(long chatId, int messageId) => string.Create(CultureInfo.InvariantCulture, $"{chatId}:{messageId}");

    public static bool TryParseExternalId(string? externalId, out long chatId, out int messageId)
    {
        chatId = 0;
        messageId = 0;
        return externalId?.Split(':') is [var chat, var message]
            && long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out chatId)
            && int.TryParse(message, NumberStyles.None, CultureInfo.InvariantCulture, out messageId);
    }

    /// <summary>The update's message as feedback, or null with the reason it is not feedback.</summary>
    /// <exception cref="WebhookPayloadException">the body is not a Bot API update.</exception>
    public static (FeedbackItemDto? Item, string? Ignored) Parse(ReadOnlyMemory<byte> body, string brand, bool privateChats)
    {
        Update? update;
        try { update = JsonSerializer.Deserialize<Update>(body.Span, JsonBotAPI.Options); }
        catch (JsonException e) { throw new WebhookPayloadException($"not a Telegram update: {e.Message}"); }
        if (update is null) throw new WebhookPayloadException("not a Telegram update: empty body");
        var message = update.Message ?? update.BusinessMessage;
        if (message is null) return (null, $"update {update.Type} is not a new message");
        if (message.Chat.Type == ChatType.Channel) return (null, "a channel post (the brand's own)");
        if (message.IsAutomaticForward) return (null, "a channel post forwarded to its discussion group");
        if (message.From is not { IsBot: false } from) return (null, "sent by a bot");
        if (message.SenderChat is not null) return (null, "sent on behalf of a chat");
        if (message.Chat.Type == ChatType.Private && !privateChats) return (null, "a private chat (PrivateChats is off)");
        var text = message.Text ?? message.Caption;
        if (string.IsNullOrWhiteSpace(text)) return (null, "no text");

        var name = string.Join(' ', new[] { from.FirstName, from.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))).Trim();
        return (new FeedbackItemDto
        {
            Kind = "mention",
            Source = TelegramSettings.Tool,
            Channel = "social",
            Brand = brand,
            ExternalId = ExternalId(message.Chat.Id, message.MessageId),
            Text = text,
            // The numeric user id is stable (a username can change or be absent).
            Author = new AuthorDto(FeedbackIds.DeriveAuthorId(TelegramSettings.Tool, string.Create(CultureInfo.InvariantCulture, $"id{from.Id}")),
                name.Length == 0 ? null : name, from.Username is { Length: > 0 } u ? "@" + u : null, null),
            Url = LinkTo(message.Chat, message.MessageId),
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(message.Date, DateTimeKind.Utc)),
        }, null);
    }

    /// <summary>t.me link of a message: public groups by username; private supergroups as t.me/c/… (members only).</summary>
    private static string? LinkTo(Chat chat, int messageId) => chat switch
    {
        { Username: { Length: > 0 } username } => $"https://t.me/{username}/{messageId}",
        { Type: ChatType.Supergroup, Id: var id } when id.ToString(CultureInfo.InvariantCulture) is ['-', '1', '0', '0', .. var rest] => $"https://t.me/c/{rest}/{messageId}",
        _ => null,
    };
}
