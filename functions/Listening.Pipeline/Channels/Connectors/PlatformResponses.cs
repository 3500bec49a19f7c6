using System.Net;
using System.Text;
using Listening.Responses.Delivery;

namespace Listening.Channels.Connectors;

/// <summary>
/// How the REST platforms' answers become delivery outcomes: 2xx sent; 408, 429 and 5xx retried, after the
/// <c>Retry-After</c> the platform gave; any other 4xx refused for good with the platform's own error text; a network
/// failure or a timeout retried.
/// </summary>
public static class PlatformResponses
{
    public static async Task<DeliveryResult?> FailureOf(string platform, HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return null;
        var text = await ErrorTextAsync(response, cancellationToken);
        var error = $"{platform} answered HTTP {(int)response.StatusCode}: {text}";
        return Transient(response.StatusCode) ? DeliveryResult.Retry(error, RetryAfter(response, time)) : DeliveryResult.Fail(error);
    }

    public static bool Transient(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    public static DeliveryResult Unreachable(string platform, Exception e) => DeliveryResult.Retry($"{platform} unreachable: {e.GetType().Name}: {e.Message}");

    /// <summary>The wait the platform asked for: <c>Retry-After</c> as seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The platform's acknowledgement time when the body gives none: the response's <c>Date</c> header, else our clock.</summary>
    public static DateTimeOffset AcknowledgedAt(HttpResponseMessage response, TimeProvider time) => response.Headers.Date ?? time.GetUtcNow();

    /// <summary>The error text of a refusal, one line, at most 300 characters (Google's and Apple's JSON error bodies included).</summary>
    public static async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try { body = await response.Content.ReadAsStringAsync(cancellationToken); }
        catch (HttpRequestException) { body = ""; }
        var line = new StringBuilder(body.Length).Append(body.ReplaceLineEndings(" ")).ToString().Trim();
        if (line.Length == 0) line = response.ReasonPhrase ?? "";
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
