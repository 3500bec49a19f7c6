namespace Listening.Channels.Vk;

/// <summary>
/// A brand's VK community, configuration <c>Webhooks:vk:{brand}</c>: the Callback API server's <c>Confirmation</c>
/// string (what the confirmation handshake answers), its <c>Secret</c> key (every event carries it), the community's
/// <c>GroupId</c>; for answers the community access token <c>ApiToken</c> (rights: wall, photos, market, messages,
/// manage), the API <c>ApiVersion</c> (default 5.199) and <c>ApiBaseUrl</c> (default <c>https://api.vk.com</c>).
/// Secrets are never logged.
/// </summary>
public sealed class VkSettings
{
    public const string Tool = "vk";

    public string? Secret { get; set; }
    public string? Confirmation { get; set; }
    public long? GroupId { get; set; }
    public string? ApiToken { get; set; }
    public string ApiVersion { get; set; } = "5.199";
    public string? ApiBaseUrl { get; set; }

    public static VkSettings For(IConfiguration configuration, string brand) =>
        configuration.GetSection($"Webhooks:{Tool}:{brand}").Get<VkSettings>() ?? new VkSettings();
}
