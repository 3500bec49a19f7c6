using Listening.Channels.Connectors;
using Listening.Channels.Webhooks;
using Listening.Core.Channels;
using Listening.Pipeline;

namespace Listening.Channels.Vk;

/// <summary>
/// <c>POST /api/webhooks/vk/{brand}</c>: the community's Callback API server. The shared receive path checks the
/// event's <c>secret</c> against <c>Webhooks:vk:{brand}:Secret</c> (401, nothing stored, when it differs or is missing).
/// The <c>confirmation</c> event is answered with the configured string; every other event with <c>ok</c> (VK repeats
/// an event until it gets it) — once its item is stored, or when it carries none. When the pipeline cannot take the
/// item the answer is 503, and VK's repeat brings it again.
/// </summary>
public sealed partial class WebhookVk(ChannelIntake intake, IConfiguration configuration, ILogger<WebhookVk> logger)
{
    public const string Tool = VkSettings.Tool;

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger,
            (body, settings, _) => SharedSecret.Verify(settings.Secret, VkCallback.SecretOf(body)), cancellationToken);
        if (delivery is null) return refusal!;
        var settings = VkSettings.For(configuration, brand);
        try
        {
            var (evt, item, ignored) = VkCallback.Parse(delivery.Body, brand);
            if (settings.GroupId is { } group && evt.GroupId is { } sent && sent != group)
                return Problems.Of(400, "Wrong community", "the event's group_id is not this brand's community");
            if (evt.Type == VkCallback.Confirmation)
                return string.IsNullOrEmpty(settings.Confirmation)
                    ? (IResult)Problems.Of(503, "Not configured", $"Webhooks:vk:{brand}:Confirmation is not set")
                    : Results.Text(settings.Confirmation, "text/plain");
            if (item is null)
            {
                LogIgnored(logger, brand, evt.Type, ignored!);
                return Ok();
            }
            var result = await intake.SubmitAsync(item, cancellationToken);
            if (result.Outcome == IntakeOutcome.Rejected) LogRejected(logger, brand, evt.Type, result.Error ?? "");
            return Ok();
        }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
        catch (IntakeException)
        {
            return Problems.Of(503, "Pipeline unavailable", "try again later");
        }
    }

    private static IResult Ok() => Results.Text("ok", "text/plain");

    [LoggerMessage(Level = LogLevel.Debug, Message = "VK callback for {Brand}: {Type} ignored ({Reason})")]
    private static partial void LogIgnored(ILogger logger, string brand, string type, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "VK callback for {Brand}: {Type} could not become an item ({Error}); answered ok so VK stops repeating it")]
    private static partial void LogRejected(ILogger logger, string brand, string type, string error);
}
