using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace Listening.Responses.Delivery;

/// <summary>
/// Posts an outbox message to a named webhook, signed with Standard Webhooks. The <c>webhook-id</c> is the outbox
/// message id, so a receiver can drop the copy that a crash between "sent" and "marked delivered" may produce.
/// The HttpClient carries the resilience handler (quick retries with exponential backoff and jitter).
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<DeliveryOptions> options, TimeProvider time)
{
    public const string HttpClientName = "responses-webhooks";

    public async Task<DeliveryResult> SendAsync(string endpointName, string messageId, string payload, CancellationToken cancellationToken)
    {
        if (!options.Value.Webhooks.TryGetValue(endpointName, out var endpoint))
            return DeliveryResult.Fail($"webhook '{endpointName}' is not configured (Responses:Delivery:Webhooks:{endpointName})");
        var body = Encoding.UTF8.GetBytes(payload);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", StandardWebhooks.Sign(StandardWebhooks.Key(endpoint.Secret), messageId, timestamp, body));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode) return DeliveryResult.Ok;
            var error = $"webhook '{endpointName}' answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
            // 4xx other than timeout/too-many-requests means the receiver rejects this message: retrying cannot help.
            return (int)response.StatusCode is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
                ? DeliveryResult.Fail(error) : DeliveryResult.Retry(error);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Retry($"webhook '{endpointName}' unreachable: {e.GetType().Name}: {e.Message}");
        }
    }
}
