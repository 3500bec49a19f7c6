namespace Listening.Channels.Telegram;

/// <summary>
/// A brand's Telegram bot, configuration <c>Webhooks:telegram:{brand}</c> (the webhook's section, so the shared
/// receive path reads the secret where every webhook keeps it): <c>Secret</c> is the <c>secret_token</c> given to
/// <c>setWebhook</c> (sent back as <c>X-Telegram-Bot-Api-Secret-Token</c>), <c>ApiToken</c> the bot token from
/// @BotFather (answers), <c>ApiBaseUrl</c> the Bot API server (default <c>https://api.telegram.org</c>; a local Bot API
/// server or a test fake otherwise). Secrets are never logged.
/// </summary>
public sealed class TelegramSettings
{
    public const string Tool = "telegram";

    public string? Secret { get; set; }
    public string? ApiToken { get; set; }
    public string? ApiBaseUrl { get; set; }

    /// <summary>Private chats with the bot are answered privately; set false to take only group and discussion messages.</summary>
    public bool PrivateChats { get; set; } = true;

    public static TelegramSettings For(IConfiguration configuration, string brand) =>
        configuration.GetSection($"Webhooks:{Tool}:{brand}").Get<TelegramSettings>() ?? new TelegramSettings();
}
