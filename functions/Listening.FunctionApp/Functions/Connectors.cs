using Listening.Channels.Connectors;
using Listening.Channels.Telegram;
using Listening.Channels.Vk;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Listening.FunctionApp.Functions;

/// <summary>
/// The platforms' push endpoints (<see cref="ConnectorEndpoints"/>): <c>POST /api/webhooks/telegram/{brand}</c> (Bot API
/// updates, <c>X-Telegram-Bot-Api-Secret-Token</c>) and <c>POST /api/webhooks/vk/{brand}</c> (Callback API, <c>secret</c>).
/// Anonymous: the platform's shared secret is the authentication, checked on the shared webhook receive path.
/// </summary>
public sealed class Connectors(WebhookTelegram telegram, WebhookVk vk)
{
    [Function(nameof(WebhookTelegram))]
    public Task<IActionResult> Telegram([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/telegram/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => telegram.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();

    [Function(nameof(WebhookVk))]
    public Task<IActionResult> Vk([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/vk/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => vk.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();
}
