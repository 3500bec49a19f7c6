using Listening.Channels;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;

namespace Listening.Channels.Webhooks;

/// <summary>
/// POST /api/webhooks/googleforms/{brand}: a submission posted by our Apps Script (docs/google-forms.gs),
/// signed <c>X-Listening-Signature: t=…,v1=…</c>.
/// </summary>
public sealed class WebhookGoogleForms(ChannelIntake intake, IConfiguration configuration, TimeProvider time, ILogger<WebhookGoogleForms> logger)
{
    public const string Tool = "googleforms";

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger,
            (body, settings, headers) => ListeningSignature.Verify(body, settings.Secret, headers[ListeningSignature.Header], time.GetUtcNow()),
            cancellationToken);
        if (delivery is null) return refusal!;
        try { return await Webhook.SubmitSurveyAsync(Tool, brand, GoogleFormsPayload.Parse(delivery.Body), delivery.Settings, intake, logger, cancellationToken); }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
