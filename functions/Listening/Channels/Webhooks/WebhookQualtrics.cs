using System.Text;
using Listening.Channels;
using Listening.Channels.Webhooks;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Surveys;
using Listening.Handler;

namespace Listening.Functions;

/// <summary>
/// POST /api/webhooks/qualtrics/{brand}: a Qualtrics event subscription posts form fields <c>Topic</c>, <c>MSG</c>,
/// <c>HMAC</c> (hex HMAC-SHA512 of MSG with the shared key); the response is fetched by id with retries.
/// </summary>
public sealed class WebhookQualtrics(ChannelIntake intake, SurveyApiClient api, IConfiguration configuration, ILogger<WebhookQualtrics> logger) : IForwardedHttpFunction
{
    private const string Tool = "qualtrics";

    public Delegate Endpoint => HandleAsync;

    private async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        if (!Webhook.IsValidBrand(brand)) return Results.NotFound();
        var body = await Webhook.ReadBodyAsync(context.Request, cancellationToken);
        if (body is null) return Webhook.TooLarge();
        var settings = WebhookSettings.For(configuration, Tool, brand);
        var form = ParseForm(body);
        var msg = form.GetValueOrDefault("MSG");
        var check = QualtricsSignature.Verify(msg, settings.Secret, form.GetValueOrDefault("HMAC"));
        if (check != SignatureCheck.Valid) { Webhook.LogRefused(logger, Tool, brand, check); return Webhook.Unauthorized(check); }
        try
        {
            var evt = QualtricsPayload.ParseEvent(form.GetValueOrDefault("Topic") ?? "", msg!);
            if (evt.Status is { } status && status != "Complete") return Webhook.Ignored($"response status {status}");
            var baseUrl = (settings.ApiBaseUrl ?? "https://yul1.qualtrics.com").TrimEnd('/');
            var url = new Uri($"{baseUrl}/API/v3/surveys/{Uri.EscapeDataString(evt.SurveyId)}/responses/{Uri.EscapeDataString(evt.ResponseId)}");
            var response = await api.GetAsync(url, new Dictionary<string, string>
            {
                ["X-API-TOKEN"] = settings.ApiToken ?? "",
                ["Accept"] = "application/json",
            }, cancellationToken);
            var (item, reason) = SurveyMapper.ToFeedback(QualtricsPayload.ParseResponse(response), brand, settings.Mapping);
            return item is null ? Webhook.Ignored(reason!) : await Webhook.SubmitAsync(Tool, brand, [item], intake, logger, cancellationToken);
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
        catch (SurveyFetchException e)
        {
            return Results.Problem(statusCode: e.Transient ? 503 : 502, title: "Could not fetch the response", detail: e.Message);
        }
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
