using Listening.Channels;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;

namespace Listening.Channels.Webhooks;

/// <summary>
/// POST /api/webhooks/formbricks/{brand}: Formbricks (or any Standard Webhooks sender of a Formbricks-shaped
/// payload), <c>webhook-id</c> / <c>webhook-timestamp</c> / <c>webhook-signature</c>, 5-minute tolerance.
/// </summary>
public sealed class WebhookFormbricks(ChannelIntake intake, IConfiguration configuration, TimeProvider time, ILogger<WebhookFormbricks> logger)
{
    public const string Tool = "formbricks";

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger, (body, settings, headers) =>
            StandardWebhookSignature.Verify(body, settings.Secret, headers[StandardWebhookSignature.IdHeader],
                headers[StandardWebhookSignature.TimestampHeader], headers[StandardWebhookSignature.SignatureHeader], time.GetUtcNow()),
            cancellationToken);
        if (delivery is null) return refusal!;
        try
        {
            var response = FormbricksPayload.Parse(delivery.Body);
            return response is null
                ? Webhook.Ignored("not a finished response")
                : await Webhook.SubmitSurveyAsync(Tool, brand, response, delivery.Settings, intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
