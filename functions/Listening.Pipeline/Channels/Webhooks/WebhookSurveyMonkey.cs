using Listening.Channels;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;

namespace Listening.Channels.Webhooks;

/// <summary>
/// HEAD|POST /api/webhooks/surveymonkey/{brand}: SurveyMonkey answers HEAD when the webhook is registered;
/// a <c>response_completed</c> callback is verified (<c>Sm-Signature</c>, HMAC-SHA1 keyed <c>{client_id}&amp;{api_secret}</c>),
/// then the answers are fetched by id from <c>/v3/surveys/{survey}/responses/{id}/details</c> with retries.
/// </summary>
public sealed class WebhookSurveyMonkey(ChannelIntake intake, SurveyApiClient api, IConfiguration configuration, ILogger<WebhookSurveyMonkey> logger)
{
    public const string Tool = "surveymonkey";

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsHead(context.Request.Method)) return Results.Ok();
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger,
            (body, settings, headers) => SurveyMonkeySignature.Verify(body, settings.ClientId, settings.Secret, headers[SurveyMonkeySignature.Header]),
            cancellationToken);
        if (delivery is null) return refusal!;
        var settings = delivery.Settings;
        try
        {
            var evt = SurveyMonkeyPayload.ParseEvent(delivery.Body);
            if (evt.EventType != "response_completed") return Webhook.Ignored($"event {evt.EventType} is not response_completed");
            var baseUrl = (settings.ApiBaseUrl ?? "https://api.surveymonkey.com").TrimEnd('/');
            var url = new Uri($"{baseUrl}/v3/surveys/{Uri.EscapeDataString(evt.SurveyId)}/responses/{Uri.EscapeDataString(evt.ResponseId)}/details?simple=true");
            var details = await api.GetAsync(url, new Dictionary<string, string>
            {
                ["Authorization"] = $"Bearer {settings.ApiToken}",
                ["Accept"] = "application/json",
            }, cancellationToken);
            return await Webhook.SubmitSurveyAsync(Tool, brand, SurveyMonkeyPayload.ParseDetails(details), settings, intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
        catch (SurveyFetchException e) { return Webhook.FetchFailed(e); }
    }
}
