using Listening.Channels;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;

namespace Listening.Channels.Webhooks;

/// <summary>POST /api/webhooks/typeform/{brand}: Typeform <c>form_response</c>, <c>Typeform-Signature: sha256=…</c>.</summary>
public sealed class WebhookTypeform(ChannelIntake intake, IConfiguration configuration, ILogger<WebhookTypeform> logger)
{
    public const string Tool = "typeform";

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger,
            (body, settings, headers) => TypeformSignature.Verify(body, settings.Secret, headers[TypeformSignature.Header]), cancellationToken);
        if (delivery is null) return refusal!;
        try { return await Webhook.SubmitSurveyAsync(Tool, brand, TypeformPayload.Parse(delivery.Body), delivery.Settings, intake, logger, cancellationToken); }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
