using Listening.Pipeline;

namespace Listening.Channels.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/{tool}/{brand}</c>, one per survey tool (SurveyMonkey also answers <c>HEAD</c>): anonymous,
/// because every request is verified against the tool's signature over the raw body instead. Each tool is a class
/// whose <c>HandleAsync</c> both hosts call.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Function name, tool and methods of every webhook: the local routes and the Function App's functions.</summary>
    public static IReadOnlyList<(string Name, string Tool, string[] Methods, Type Handler)> All { get; } =
    [
        (nameof(WebhookTypeform), WebhookTypeform.Tool, ["POST"], typeof(WebhookTypeform)),
        (nameof(WebhookSurveyMonkey), WebhookSurveyMonkey.Tool, ["HEAD", "POST"], typeof(WebhookSurveyMonkey)),
        (nameof(WebhookFormbricks), WebhookFormbricks.Tool, ["POST"], typeof(WebhookFormbricks)),
        (nameof(WebhookQualtrics), WebhookQualtrics.Tool, ["POST"], typeof(WebhookQualtrics)),
        (nameof(WebhookGoogleForms), WebhookGoogleForms.Tool, ["POST"], typeof(WebhookGoogleForms)),
        (nameof(WebhookGeneric), WebhookGeneric.Tool, ["POST"], typeof(WebhookGeneric)),
        (nameof(WebhookMention), WebhookMention.Tool, ["POST"], typeof(WebhookMention)),
    ];

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapMethods($"/api/webhooks/{WebhookTypeform.Tool}/{{brand}}", ["POST"],
            (HttpContext c, string brand, WebhookTypeform h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookTypeform)).WithMetadata(FunctionAccess.Anonymous);
        app.MapMethods($"/api/webhooks/{WebhookSurveyMonkey.Tool}/{{brand}}", ["HEAD", "POST"],
            (HttpContext c, string brand, WebhookSurveyMonkey h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookSurveyMonkey)).WithMetadata(FunctionAccess.Anonymous);
        app.MapMethods($"/api/webhooks/{WebhookFormbricks.Tool}/{{brand}}", ["POST"],
            (HttpContext c, string brand, WebhookFormbricks h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookFormbricks)).WithMetadata(FunctionAccess.Anonymous);
        app.MapMethods($"/api/webhooks/{WebhookQualtrics.Tool}/{{brand}}", ["POST"],
            (HttpContext c, string brand, WebhookQualtrics h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookQualtrics)).WithMetadata(FunctionAccess.Anonymous);
        app.MapMethods($"/api/webhooks/{WebhookGoogleForms.Tool}/{{brand}}", ["POST"],
            (HttpContext c, string brand, WebhookGoogleForms h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookGoogleForms)).WithMetadata(FunctionAccess.Anonymous);
        app.MapMethods($"/api/webhooks/{WebhookGeneric.Tool}/{{brand}}", ["POST"],
            (HttpContext c, string brand, WebhookGeneric h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookGeneric)).WithMetadata(FunctionAccess.Anonymous);
        app.MapMethods($"/api/webhooks/{WebhookMention.Tool}/{{brand}}", ["POST"],
            (HttpContext c, string brand, WebhookMention h, CancellationToken t) => h.HandleAsync(c, brand, t)).WithName(nameof(WebhookMention)).WithMetadata(FunctionAccess.Anonymous);
        return app;
    }
}
