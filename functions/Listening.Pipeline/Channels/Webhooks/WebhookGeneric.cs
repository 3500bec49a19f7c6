using Listening.Channels;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;

namespace Listening.Channels.Webhooks;

/// <summary>
/// POST /api/webhooks/generic/{brand}: the canonical feedback JSON (one item or an array) from any sender that can
/// sign with <c>X-Listening-Signature: t=…,v1=…</c>, or that follows Standard Webhooks (<c>webhook-signature</c>,
/// with a <c>whsec_</c> secret in <c>Webhooks:generic:{brand}:StandardSecret</c>).
/// </summary>
public sealed class WebhookGeneric(ChannelIntake intake, IConfiguration configuration, TimeProvider time, ILogger<WebhookGeneric> logger)
{
    public const string Tool = "generic";

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger, (body, settings, headers) =>
            headers.ContainsKey(StandardWebhookSignature.SignatureHeader)
                ? StandardWebhookSignature.Verify(body, settings.StandardSecret, headers[StandardWebhookSignature.IdHeader],
                    headers[StandardWebhookSignature.TimestampHeader], headers[StandardWebhookSignature.SignatureHeader], time.GetUtcNow())
                : ListeningSignature.Verify(body, settings.Secret, headers[ListeningSignature.Header], time.GetUtcNow()),
            cancellationToken);
        if (delivery is null) return refusal!;
        try { return await Webhook.SubmitAsync(Tool, brand, GenericPayload.Parse(delivery.Body, brand), intake, logger, cancellationToken); }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
