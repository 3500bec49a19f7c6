using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Listening.Channels.Connectors;
using Listening.Core.Feedback;
using Listening.Core.Responses;
using Listening.Responses;
using Listening.Responses.Delivery;

namespace Listening.Channels.Vk;

/// <summary>
/// Answers on VK on behalf of the community (its access token, <c>from_group</c>): a comment replying to the author's
/// comment (<c>wall.createComment</c>, <c>photos.createComment</c>, <c>market.createComment</c> with
/// <c>reply_to_comment</c>), a message in the discussion topic (<c>board.createComment</c>), or a private message
/// (<c>messages.send</c>). Each call carries an idempotency key derived from the outbox message — <c>guid</c> for
/// comments, <c>random_id</c> for messages — so a resend after a crash, or a re-answer, is not a second reply. VK
/// answers HTTP 200 with either <c>response</c> or an <c>error</c> object: error 6 (too many requests per second),
/// 9 (flood control), 10 (internal error) and 1 are retried; the rest (5 authorisation, 7/15 access, 100 parameters,
/// 901 messages not allowed …) are final, with VK's <c>error_msg</c>.
/// </summary>
public sealed class VkReplyChannel(IConfiguration configuration, IHttpClientFactory http, TimeProvider time) : IReplyChannel
{
    public const string DefaultApiBaseUrl = "https://api.vk.com";
    public const int MaxLength = 4096;

    public string Name => VkSettings.Tool;

    public bool IsConfigured(string brand) => !string.IsNullOrWhiteSpace(VkSettings.For(configuration, brand).ApiToken);

    public bool CanAnswer(FeedbackItem item) => VkPlace.Parse(item.ExternalId) is not null;

    public ReplyConstraints ConstraintsFor(FeedbackItem item) => new(MaxLength, VkPlace.Parse(item.ExternalId)?.Public ?? true);

    public async Task<DeliveryResult> SendAsync(ChannelReply reply, CancellationToken cancellationToken)
    {
        if (VkPlace.Parse(reply.ExternalId) is not { } place)
            return DeliveryResult.Fail($"vk: the item has no place to answer (externalId '{reply.ExternalId}')");
        var settings = VkSettings.For(configuration, reply.Brand);
        var text = PublicReply.Truncate(place.Public ? PublicReply.Scrub(reply.Text) : reply.Text, MaxLength);
        var (method, parameters) = Call(place, settings, reply.MessageId, text);
        parameters["access_token"] = settings.ApiToken!;
        parameters["v"] = settings.ApiVersion;

        var url = new Uri($"{(settings.ApiBaseUrl ?? DefaultApiBaseUrl).TrimEnd('/')}/method/{method}");
        HttpResponseMessage response;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(parameters) };
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectorHttp.Timeout);
            response = await http.CreateClient(ConnectorHttp.ClientName).SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return PlatformResponses.Unreachable(Name, e);
        }
        using (response)
        {
            if (await PlatformResponses.FailureOf(Name, response, time, cancellationToken) is { } failure) return failure;
            JsonDocument body;
            try { body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken)); }
            catch (JsonException e) { return DeliveryResult.Retry($"vk: unreadable answer to {method}: {e.Message}"); }
            using (body)
            {
                var root = body.RootElement;
                if (root.TryGetProperty("error", out var error)) return ErrorOf(method, error);
                if (!root.TryGetProperty("response", out var result)) return DeliveryResult.Retry($"vk: {method} answered neither response nor error");
                // VK's answer has no time of its own: its HTTP Date header is the platform's acknowledgement.
                return DeliveryResult.Sent(new DeliveryReceipt(Name, $"{place.Kind}:{IdOf(result)}", PlatformResponses.AcknowledgedAt(response, time)));
            }
        }
    }

    /// <summary>The method and its parameters for an answer at <paramref name="place"/>.</summary>
    private static (string Method, Dictionary<string, string> Parameters) Call(VkPlace place, VkSettings settings, string messageId, string text)
    {
        string I(long n) => n.ToString(CultureInfo.InvariantCulture);
        var group = I(settings.GroupId ?? Math.Abs(place.Owner));
        return place.Kind switch
        {
            VkCallback.Wall => ("wall.createComment", new() { ["owner_id"] = I(place.Owner), ["post_id"] = I(place.Object), ["from_group"] = group,
                ["reply_to_comment"] = I(place.Id), ["message"] = text, ["guid"] = messageId }),
            VkCallback.Photo => ("photos.createComment", new() { ["owner_id"] = I(place.Owner), ["photo_id"] = I(place.Object), ["from_group"] = "1",
                ["reply_to_comment"] = I(place.Id), ["message"] = text, ["guid"] = messageId }),
            VkCallback.Market => ("market.createComment", new() { ["owner_id"] = I(place.Owner), ["item_id"] = I(place.Object), ["from_group"] = "1",
                ["reply_to_comment"] = I(place.Id), ["message"] = text, ["guid"] = messageId }),
            VkCallback.Board => ("board.createComment", new() { ["group_id"] = I(place.Owner), ["topic_id"] = I(place.Object), ["from_group"] = "1",
                ["message"] = text, ["guid"] = messageId }),
            _ => ("messages.send", new() { ["peer_id"] = I(place.Owner), ["random_id"] = I(RandomId(messageId)), ["reply_to"] = I(place.Id),
                ["message"] = text, ["group_id"] = group }),
        };
    }

    /// <summary>messages.send's <c>random_id</c>: a stable 31-bit number per outbox message, so VK drops a resend.</summary>
    public static int RandomId(string messageId) =>
        (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)), 0) & 0x7FFFFFFF);

    private static string IdOf(JsonElement result) => result.ValueKind switch
    {
        JsonValueKind.Number => result.GetRawText(),
        JsonValueKind.Object when result.TryGetProperty("comment_id", out var c) => c.GetRawText(),
        JsonValueKind.Object when result.TryGetProperty("message_id", out var m) => m.GetRawText(),
        _ => result.GetRawText(),
    };

    /// <summary>Transient VK errors (retried, flood control after a minute) and final ones, with VK's own text.</summary>
    private static DeliveryResult ErrorOf(string method, JsonElement error)
    {
        var code = error.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : 0;
        var message = error.TryGetProperty("error_msg", out var m) ? m.GetString() : null;
        var text = $"vk {method} error {code}: {message}";
        return code switch
        {
            6 => DeliveryResult.Retry(text, TimeSpan.FromSeconds(1)),
            9 => DeliveryResult.Retry(text, TimeSpan.FromMinutes(1)),
            1 or 10 => DeliveryResult.Retry(text),
            _ => DeliveryResult.Fail(text),
        };
    }
}
