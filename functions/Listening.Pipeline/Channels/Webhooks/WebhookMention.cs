using Listening.Channels;
using Listening.Core.Channels;
using Listening.Core.Channels.Signatures;
using Listening.Core.Channels.Social;

namespace Listening.Channels.Webhooks;

/// <summary>
/// POST /api/webhooks/mention/{brand}: social mentions pushed by a social-listening service
/// (<c>id, network, author, url, text, time</c>; one, an array, or <c>{"mentions": [...]}</c>), signed with
/// <c>X-Listening-Signature</c>. Competitor mentions are attributed; spam is marked; cross-posts collapse.
/// </summary>
public sealed class WebhookMention(ChannelIntake intake, IConfiguration configuration, TimeProvider time, ILogger<WebhookMention> logger)
{
    public const string Tool = "mention";

    public async Task<IResult> HandleAsync(HttpContext context, string brand, CancellationToken cancellationToken)
    {
        var (delivery, refusal) = await Webhook.ReceiveAsync(context, Tool, brand, configuration, logger,
            (body, settings, headers) => ListeningSignature.Verify(body, settings.Secret, headers[ListeningSignature.Header], time.GetUtcNow()),
            cancellationToken);
        if (delivery is null) return refusal!;
        try { return await Webhook.SubmitAsync(Tool, brand, MentionPayload.Parse(delivery.Body, brand), intake, logger, cancellationToken); }
        catch (WebhookPayloadException e) { return Webhook.BadPayload(e); }
    }
}
