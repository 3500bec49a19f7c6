using Listening.Channels.Telegram;
using Listening.Channels.Vk;
using Listening.Pipeline;

namespace Listening.Channels.Connectors;

/// <summary>
/// The platforms' push endpoints: <c>POST /api/webhooks/telegram/{brand}</c> (Bot API updates) and
/// <c>POST /api/webhooks/vk/{brand}</c> (Callback API events). Anonymous at the host: each request is authenticated by
/// the platform's shared secret on the shared webhook receive path.
/// </summary>
public static class ConnectorEndpoints
{
    public static IReadOnlyList<(string Name, string Tool, string[] Methods, Type Handler)> All { get; } =
    [
        (nameof(WebhookTelegram), WebhookTelegram.Tool, ["POST"], typeof(WebhookTelegram)),
        (nameof(WebhookVk), WebhookVk.Tool, ["POST"], typeof(WebhookVk)),
    ];

    public static IEndpointRouteBuilder MapConnectors(this IEndpointRouteBuilder app)
    {
        app.MapMethods($"/api/webhooks/{WebhookTelegram.Tool}/{{brand}}", ["POST"],
            (HttpContext c, string brand, WebhookTelegram h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookTelegram)).WithMetadata(FunctionAccess.Anonymous);
        app.MapMethods($"/api/webhooks/{WebhookVk.Tool}/{{brand}}", ["POST"],
            (HttpContext c, string brand, WebhookVk h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookVk)).WithMetadata(FunctionAccess.Anonymous);
        return app;
    }
}
