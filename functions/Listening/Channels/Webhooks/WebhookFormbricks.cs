using Listening.Channels;
using Listening.Channels.Webhooks;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;
using Listening.Handler;

namespace Listening.Functions;

/// <summary>
/// POST /api/webhooks/formbricks/{brand}: Formbricks (or any Standard Webhooks sender of a Formbricks-shaped
/// payload), <c>webhook-id</c> / <c>webhook-timestamp</c> / <c>webhook-signature</c>, 5-minute tolerance.
/// </summary>
public sealed class WebhookFormbricks(ChannelIntake intake, IConfiguration configuration, TimeProvider time, ILogger<WebhookFormbricks> logger) : IForwardedHttpFunction
{
    private const string Tool = "formbricks";

    public Delegate Endpoint => HandleAsync;

    private async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        if (!Webhook.IsValidBrand(brand)) return Results.NotFound();
        var body = await Webhook.ReadBodyAsync(context.Request, cancellationToken);
        if (body is null) return Webhook.TooLarge();
        var settings = WebhookSettings.For(configuration, Tool, brand);
        var headers = context.Request.Headers;
        var check = StandardWebhookSignature.Verify(body, settings.Secret, headers[StandardWebhookSignature.IdHeader],
            headers[StandardWebhookSignature.TimestampHeader], headers[StandardWebhookSignature.SignatureHeader], time.GetUtcNow());
        if (check != SignatureCheck.Valid) { Webhook.LogRefused(logger, Tool, brand, check); return Webhook.Unauthorized(check); }
        try
        {
            var response = FormbricksPayload.Parse(body);
            if (response is null) return Webhook.Ignored("not a finished response");
            var (item, reason) = SurveyMapper.ToFeedback(response, brand, settings.Mapping);
            return item is null ? Webhook.Ignored(reason!) : await Webhook.SubmitAsync(Tool, brand, [item], intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
