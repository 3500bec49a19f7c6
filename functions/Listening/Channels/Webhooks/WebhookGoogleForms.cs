using Listening.Channels;
using Listening.Channels.Webhooks;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;
using Listening.Handler;

namespace Listening.Functions;

/// <summary>
/// POST /api/webhooks/googleforms/{brand}: a submission posted by our Apps Script (docs/google-forms.gs),
/// signed <c>X-Listening-Signature: t=…,v1=…</c>.
/// </summary>
public sealed class WebhookGoogleForms(ChannelIntake intake, IConfiguration configuration, TimeProvider time, ILogger<WebhookGoogleForms> logger) : IForwardedHttpFunction
{
    private const string Tool = "googleforms";

    public Delegate Endpoint => HandleAsync;

    private async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        if (!Webhook.IsValidBrand(brand)) return Results.NotFound();
        var body = await Webhook.ReadBodyAsync(context.Request, cancellationToken);
        if (body is null) return Webhook.TooLarge();
        var settings = WebhookSettings.For(configuration, Tool, brand);
        var check = ListeningSignature.Verify(body, settings.Secret, context.Request.Headers[ListeningSignature.Header], time.GetUtcNow());
        if (check != SignatureCheck.Valid) { Webhook.LogRefused(logger, Tool, brand, check); return Webhook.Unauthorized(check); }
        try
        {
            var (item, reason) = SurveyMapper.ToFeedback(GoogleFormsPayload.Parse(body), brand, settings.Mapping);
            return item is null ? Webhook.Ignored(reason!) : await Webhook.SubmitAsync(Tool, brand, [item], intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
