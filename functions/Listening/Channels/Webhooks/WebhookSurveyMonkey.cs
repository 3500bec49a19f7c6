using Listening.Channels;
using Listening.Channels.Webhooks;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;
using Listening.Handler;

namespace Listening.Functions;

/// <summary>
/// HEAD|POST /api/webhooks/surveymonkey/{brand}: SurveyMonkey answers HEAD when the webhook is registered;
/// a <c>response_completed</c> callback is verified (<c>Sm-Signature</c>, HMAC-SHA1 keyed <c>{client_id}&amp;{api_secret}</c>),
/// then the answers are fetched by id from <c>/v3/surveys/{survey}/responses/{id}/details</c> with retries.
/// </summary>
public sealed class WebhookSurveyMonkey(ChannelIntake intake, SurveyApiClient api, IConfiguration configuration, ILogger<WebhookSurveyMonkey> logger) : IForwardedHttpFunction
{
    private const string Tool = "surveymonkey";

    public Delegate Endpoint => HandleAsync;

    private async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsHead(context.Request.Method)) return Results.Ok();
        if (!Webhook.IsValidBrand(brand)) return Results.NotFound();
        var body = await Webhook.ReadBodyAsync(context.Request, cancellationToken);
        if (body is null) return Webhook.TooLarge();
        var settings = WebhookSettings.For(configuration, Tool, brand);
        var check = SurveyMonkeySignature.Verify(body, settings.ClientId, settings.Secret, context.Request.Headers[SurveyMonkeySignature.Header]);
        if (check != SignatureCheck.Valid) { Webhook.LogRefused(logger, Tool, brand, check); return Webhook.Unauthorized(check); }
        try
        {
            var evt = SurveyMonkeyPayload.ParseEvent(body);
            if (evt.EventType != "response_completed") return Webhook.Ignored($"event {evt.EventType} is not response_completed");
            var baseUrl = (settings.ApiBaseUrl ?? "https://api.surveymonkey.com").TrimEnd('/');
            var url = new Uri($"{baseUrl}/v3/surveys/{Uri.EscapeDataString(evt.SurveyId)}/responses/{Uri.EscapeDataString(evt.ResponseId)}/details?simple=true");
            var details = await api.GetAsync(url, new Dictionary<string, string>
            {
                ["Authorization"] = $"Bearer {settings.ApiToken}",
                ["Accept"] = "application/json",
            }, cancellationToken);
            var (item, reason) = SurveyMapper.ToFeedback(SurveyMonkeyPayload.ParseDetails(details), brand, settings.Mapping);
            return item is null ? Webhook.Ignored(reason!) : await Webhook.SubmitAsync(Tool, brand, [item], intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
        catch (SurveyFetchException e)
        {
            return Results.Problem(statusCode: e.Transient ? 503 : 502, title: "Could not fetch the response", detail: e.Message);
        }
    }
}
