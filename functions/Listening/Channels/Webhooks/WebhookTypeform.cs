using Listening.Channels;
using Listening.Channels.Webhooks;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;
using Listening.Handler;

namespace Listening.Functions;

/// <summary>POST /api/webhooks/typeform/{brand}: Typeform <c>form_response</c>, <c>Typeform-Signature: sha256=…</c>.</summary>
public sealed class WebhookTypeform(ChannelIntake intake, IConfiguration configuration, ILogger<WebhookTypeform> logger) : IForwardedHttpFunction
{
    private const string Tool = "typeform";

    public Delegate Endpoint => HandleAsync;

    private async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        if (!Webhook.IsValidBrand(brand)) return Results.NotFound();
        var body = await Webhook.ReadBodyAsync(context.Request, cancellationToken);
        if (body is null) return Webhook.TooLarge();
        var settings = WebhookSettings.For(configuration, Tool, brand);
        var check = TypeformSignature.Verify(body, settings.Secret, context.Request.Headers[TypeformSignature.Header]);
        if (check != SignatureCheck.Valid) { Webhook.LogRefused(logger, Tool, brand, check); return Webhook.Unauthorized(check); }
        try
        {
            var (item, reason) = SurveyMapper.ToFeedback(TypeformPayload.Parse(body), brand, settings.Mapping);
            return item is null ? Webhook.Ignored(reason!) : await Webhook.SubmitAsync(Tool, brand, [item], intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
