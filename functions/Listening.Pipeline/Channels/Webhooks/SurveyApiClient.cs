using System.Net;

namespace Listening.Channels.Webhooks;

/// <summary>Retries for the follow-up fetch of answers (configuration <c>Channels:Fetch</c>).</summary>
public sealed class FetchRetryOptions
{
    public int Attempts { get; set; } = 4;
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// Fetches a survey response by id from the tool's API (SurveyMonkey, Qualtrics), retrying transient failures
/// (network errors, timeouts, 429, 5xx) with exponential back-off, honouring Retry-After up to the max delay.
/// A 4xx other than 429 is final.
/// </summary>
public sealed partial class SurveyApiClient(HttpClient http, FetchRetryOptions retry, TimeProvider time, ILogger<SurveyApiClient> logger)
{
    public async Task<byte[]> GetAsync(Uri url, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var delay = retry.FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(retry.AttemptTimeout);
                using var response = await http.SendAsync(request, timeout.Token);
                if (response.IsSuccessStatusCode) return await response.Content.ReadAsByteArrayAsync(cancellationToken);
                failure = $"HTTP {(int)response.StatusCode}";
                if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
                    throw new SurveyFetchException($"{url.Host} answered {failure}", transient: false);
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException e) { failure = e.Message; }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { failure = "timed out"; }

            if (attempt >= retry.Attempts) throw new SurveyFetchException($"{url.Host}: {failure} after {attempt} attempts", transient: true);
            LogRetry(logger, url.Host, attempt, failure);
            var wait = retryAfter is { } ra && ra > delay ? ra : delay;
            await Task.Delay(wait > retry.MaxDelay ? retry.MaxDelay : wait, time, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 3, retry.MaxDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching a response from {Host} failed (attempt {Attempt}: {Failure}); retrying")]
    private static partial void LogRetry(ILogger logger, string host, int attempt, string failure);
}

/// <summary>The answers could not be fetched: transient → 503 so the tool redelivers; otherwise 502.</summary>
public sealed class SurveyFetchException(string message, bool transient) : Exception(message)
{
    public bool Transient { get; } = transient;
}
