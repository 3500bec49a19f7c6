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
/// Anonymous: the platform's shared secret is the authentication, checked on the shared webhook receive path. And the
/// timer that polls the review platforms (<c>%PollReviewsSchedule%</c>).
/// </summary>
public sealed class Connectors(WebhookTelegram telegram, WebhookVk vk, ReviewPoller reviews)
{
    /// <summary>Google Play, App Store and Google Business Profile reviews of every configured brand (<see cref="ReviewPoller"/>).</summary>
    [Function(ReviewPoller.Name)]
    public Task<IReadOnlyList<ReviewPollReport>> PollReviews([TimerTrigger("%PollReviewsSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reviews.PollAllAsync(cancellationToken);

    [Function(nameof(WebhookTelegram))]
    public Task<IActionResult> Telegram([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/telegram/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => telegram.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();

    [Function(nameof(WebhookVk))]
    public Task<IActionResult> Vk([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/vk/{brand}")] HttpRequest request, string brand,
        CancellationToken cancellationToken) => vk.HandleAsync(request.HttpContext, brand, cancellationToken).AsAction();
}
