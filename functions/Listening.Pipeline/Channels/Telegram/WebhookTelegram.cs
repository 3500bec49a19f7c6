using Listening.Channels.Connectors;
using Listening.Channels.Webhooks;
using Listening.Core.Channels;

namespace Listening.Channels.Telegram;

/// <summary>
/// <c>POST /api/webhooks/telegram/{brand}</c>: the brand bot's updates (<c>setWebhook</c> with this URL and a
/// <c>secret_token</c>). The shared receive path checks <c>X-Telegram-Bot-Api-Secret-Token</c> against
/// <c>Webhooks:telegram:{brand}:Secret</c> (401, nothing stored, when it differs or is missing); a message becomes a
/// mention; Telegram's own redelivery of an update is the same item (id from chat and message id). Telegram resends
/// anything but a 2xx, so updates that are not feedback are answered 200 with the reason.
/// </summary>
public sealed class WebhookTelegram(ChannelIntake intake, IConfiguration configuration, ILogger<WebhookTelegram> logger)
{
    public const string Tool = TelegramSettings.Tool;
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger,
            (_, settings, headers) => SharedSecret.Verify(settings.Secret, headers[SecretHeader]), cancellationToken);
        if (delivery is null) return refusal!;
        try
        {
            var (item, ignored) = TelegramUpdates.Parse(delivery.Body, brand, TelegramSettings.For(configuration, brand).PrivateChats);
            return item is null ? Webhook.Ignored(ignored!) : await Webhook.SubmitAsync(Tool, brand, [item], intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
