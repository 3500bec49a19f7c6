using System.Text;
using Listening.Channels;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;

namespace Listening.Channels.Webhooks;

/// <summary>
/// POST /api/webhooks/qualtrics/{brand}: a Qualtrics event subscription posts form fields <c>Topic</c>, <c>MSG</c>,
/// <c>HMAC</c> (hex HMAC-SHA512 of MSG with the shared key); the response is fetched by id with retries.
/// </summary>
public sealed class WebhookQualtrics(ChannelIntake intake, SurveyApiClient api, IConfiguration configuration, ILogger<WebhookQualtrics> logger)
{
    public const string Tool = "qualtrics";

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        Dictionary<string, string> form = [];
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger, (body, settings, _) =>
        {
            form = ParseForm(body);
            return QualtricsSignature.Verify(form.GetValueOrDefault("MSG"), settings.Secret, form.GetValueOrDefault("HMAC"));
        }, cancellationToken);
        if (delivery is null) return refusal!;
        var settings = delivery.Settings;
        try
        {
            var evt = QualtricsPayload.ParseEvent(form.GetValueOrDefault("Topic") ?? "", form["MSG"]);
            if (evt.Status is { } status && status != "Complete") return Webhook.Ignored($"response status {status}");
            var baseUrl = (settings.ApiBaseUrl ?? "https://yul1.qualtrics.com").TrimEnd('/');
            var url = new Uri($"{baseUrl}/API/v3/surveys/{Uri.EscapeDataString(evt.SurveyId)}/responses/{Uri.EscapeDataString(evt.ResponseId)}");
            var response = await api.GetAsync(url, new Dictionary<string, string>
            {
                ["X-API-TOKEN"] = settings.ApiToken ?? "",
                ["Accept"] = "application/json",
            }, cancellationToken);
            return await Webhook.SubmitSurveyAsync(Tool, brand, QualtricsPayload.ParseResponse(response), settings, intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
        catch (SurveyFetchException e) { return Webhook.FetchFailed(e); }
    }

    /// <summary>application/x-www-form-urlencoded, decoded from the raw bytes (the MAC is over the decoded MSG).</summary>
    internal static Dictionary<string, string> ParseForm(byte[] body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            form.TryAdd(key, value);
        }
        return form;
    }

    private static string Decode(string s)
    {
        try { return Uri.UnescapeDataString(s.Replace('+', ' ')); }
        catch (UriFormatException) { return s; }
    }
}
