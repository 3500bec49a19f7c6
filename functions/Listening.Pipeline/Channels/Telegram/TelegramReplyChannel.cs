using System.Collections.Concurrent;
using System.Globalization;
using Listening.Channels.Connectors;
using Listening.Core.Feedback;
using Listening.Core.Responses;
using Listening.Responses;
using Listening.Responses.Delivery;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Listening.Channels.Telegram;

/// <summary>
/// Answers on Telegram as the brand's bot: <c>sendMessage</c> to the chat of the author's message with
/// <c>reply_parameters.message_id</c> = that message (a visible reply in the group or the discussion thread), through
/// Telegram.Bot with its base URL from configuration. A re-answer edits the earlier reply (<c>editMessageText</c>)
/// instead of posting twice. 429 → retry after the <c>retry_after</c> Telegram gives; 5xx and network errors → retry;
/// other refusals (400 "message to be replied not found", 403 "bot was blocked by the user" …) are final, with
/// Telegram's description. Group answers are public (no personal data); private chats are not.
/// </summary>
public sealed class TelegramReplyChannel(IConfiguration configuration, IHttpClientFactory http, TimeProvider time) : IReplyChannel
{
    /// <summary>Bot API limit for a message text (after entity parsing).</summary>
    public const int MaxLength = 4096;

    private readonly ConcurrentDictionary<(string Token, string? BaseUrl), TelegramBotClient> clients = new();

    public string Name => TelegramSettings.Tool;

    public bool IsConfigured(string brand) => !string.IsNullOrWhiteSpace(TelegramSettings.For(configuration, brand).ApiToken);

    public bool CanAnswer(FeedbackItem item) => TelegramUpdates.TryParseExternalId(item.ExternalId, out _, out _);

    /// <summary>A chat id above zero is a private chat with the bot; groups and supergroups are negative.</summary>
    public ReplyConstraints ConstraintsFor(FeedbackItem item) =>
        new(MaxLength, Public: !TelegramUpdates.TryParseExternalId(item.ExternalId, out var chat, out _) || chat < 0);

    public async Task<DeliveryResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken)
    {
        var settings = TelegramSettings.For(configuration, reply.Brand);
        if (!TelegramUpdates.TryParseExternalId(reply.ExternalId, out var chatId, out var messageId))
            return DeliveryResult.Fail($"telegram: the item has no chat and message id to reply to (externalId '{reply.ExternalId}')");
        var constraints = new ReplyConstraints(MaxLength, Public: chatId < 0);
        var text = PublicReply.Truncate(constraints.Public ? PublicReply.Scrub(reply.Text) : reply.Text, MaxLength);
        TelegramBotClient client;
        try { client = Client(settings); }
        catch (ArgumentException e) { return DeliveryResult.Fail($"telegram: the bot token or API URL is malformed ({e.Message})"); }

        try
        {
            Message sent;
            if (PreviousMessageId(reply.PreviousReference, chatId) is { } previous)
            {
                try { sent = await client.EditMessageText(chatId, previous, text, cancellationToken: cancellationToken); }
                catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
                {
                    return DeliveryResult.Sent(new DeliveryReceipt(Name, reply.PreviousReference, time.GetUtcNow()));
                }
            }
            else
            {
                sent = await client.SendMessage(chatId, text,
                    replyParameters: new ReplyParameters { MessageId = messageId, AllowSendingWithoutReply = false }, cancellationToken: cancellationToken);
            }
            // The platform's own acknowledgement: the time Telegram stamped on the reply (its edit time for an edit).
            var at = sent.EditDate ?? sent.Date;
            return DeliveryResult.Sent(new DeliveryReceipt(Name, TelegramUpdates.ExternalId(chatId, sent.MessageId),
                new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc))));
        }
        catch (ApiRequestException e)
        {
            var error = $"telegram answered {e.ErrorCode}: {e.Message}";
            if (e.ErrorCode == 429 || e.ErrorCode >= 500)
                return DeliveryResult.Retry(error, e.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
            return DeliveryResult.Fail(error);
        }
        catch (RequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            var status = e.HttpStatusCode is { } code ? (int)code : 0;
            return status is > 0 and < 500 and not 408 and not 429
                ? DeliveryResult.Fail($"telegram answered HTTP {status}: {e.Message}")
                : PlatformResponses.Unreachable(Name, e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return PlatformResponses.Unreachable(Name, e);
        }
    }

    private static int? PreviousMessageId(string? reference, long chatId) =>
        TelegramUpdates.TryParseExternalId(reference, out var chat, out var message) && chat == chatId ? message : null;

    private TelegramBotClient Client(TelegramSettings settings) =>
        clients.GetOrAdd((settings.ApiToken!, settings.ApiBaseUrl), key =>
            // Telegram.Bot's own retry on 429 would wait on the wall clock inside one attempt; the outbox schedules it instead.
            new TelegramBotClient(new TelegramBotClientOptions(key.Token, string.IsNullOrWhiteSpace(key.BaseUrl) ? null : key.BaseUrl) { RetryThreshold = 0 },
                http.CreateClient(ConnectorHttp.ClientName)));
}
