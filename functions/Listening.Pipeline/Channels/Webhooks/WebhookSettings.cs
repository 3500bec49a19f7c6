using Listening.Core.Channels.Surveys;

namespace Listening.Channels.Webhooks;

/// <summary>
/// Per tool and brand: configuration <c>Webhooks:{tool}:{brand}</c> (environment: <c>Webhooks__typeform__acme__Secret</c>).
/// A tool/brand without a secret refuses every request (401): there is no unsigned mode.
/// </summary>
public sealed class WebhookSettings
{
    /// <summary>The signing secret (Typeform secret, <c>whsec_…</c>, SurveyMonkey API secret, Qualtrics shared key, our HMAC key).</summary>
    public string? Secret { get; set; }
    /// <summary>Generic endpoint: the <c>whsec_…</c> secret of a Standard Webhooks sender.</summary>
    public string? StandardSecret { get; set; }
    /// <summary>SurveyMonkey: the app's client id (the HMAC key is <c>{ClientId}&amp;{Secret}</c>).</summary>
    public string? ClientId { get; set; }
    /// <summary>SurveyMonkey access token / Qualtrics API token, for fetching the answers.</summary>
    public string? ApiToken { get; set; }
    /// <summary>SurveyMonkey: <c>https://api.surveymonkey.com</c>; Qualtrics: <c>https://{datacenter}.qualtrics.com</c>.</summary>
    public string? ApiBaseUrl { get; set; }
    public SurveyMapping Mapping { get; set; } = new();

    public static WebhookSettings For(IConfiguration configuration, string tool, string brand) =>
        configuration.GetSection($"Webhooks:{tool}:{brand}").Get<WebhookSettings>() ?? new WebhookSettings();
}
