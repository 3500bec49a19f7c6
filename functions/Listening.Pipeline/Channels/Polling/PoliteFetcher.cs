using System.Collections.Concurrent;
using System.Net;

namespace Listening.Channels.Polling;

public enum FetchOutcome { Content, NotModified, DisallowedByRobots, TooLarge, Failed }

public sealed record FetchResult(FetchOutcome Outcome, byte[]? Body = null, string? ContentType = null, string? ETag = null,
    string? LastModified = null, string? Error = null);

/// <summary>Polling manners (configuration <c>Channels:Polling</c>).</summary>
public sealed class PollingOptions
{
    public string UserAgent { get; set; } = "ListeningBot/1.0 (+https://github.com/listening; feedback monitoring)";
    /// <summary>At least this long between two requests to the same host.</summary>
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.FromSeconds(2);
    public long MaxBytes { get; set; } = 4 * 1024 * 1024;
    public TimeSpan RobotsCacheFor { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Fetches pages and feeds as a polite crawler: robots.txt respected (cached per host), a minimum delay between
/// requests to one host, conditional GET with the stored ETag / Last-Modified, and a size cap on what is read.
/// </summary>
public sealed class PoliteFetcher(HttpClient http, PollingOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (RobotsRules Rules, DateTimeOffset Until)> _robots = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostGates = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRequest = new();

    public async Task<FetchResult> FetchAsync(Uri url, SourceState state, CancellationToken cancellationToken)
    {
        var robots = await RobotsAsync(url, cancellationToken);
        if (!robots.Allows(url)) return new FetchResult(FetchOutcome.DisallowedByRobots, Error: "robots.txt disallows this URL");

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (state.ETag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", state.ETag);
        if (state.LastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", state.LastModified);
        try
        {
            using var response = await SendPolitelyAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified)
                return new FetchResult(FetchOutcome.NotModified, ETag: state.ETag, LastModified: state.LastModified);
            if (!response.IsSuccessStatusCode)
                return new FetchResult(FetchOutcome.Failed, Error: $"HTTP {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > options.MaxBytes)
                return new FetchResult(FetchOutcome.TooLarge, Error: $"larger than {options.MaxBytes} bytes");
            var body = await ReadCappedAsync(response.Content, cancellationToken);
            if (body is null) return new FetchResult(FetchOutcome.TooLarge, Error: $"larger than {options.MaxBytes} bytes");
            return new FetchResult(FetchOutcome.Content, body, response.Content.Headers.ContentType?.ToString(),
                response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new FetchResult(FetchOutcome.Failed, Error: e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult(FetchOutcome.Failed, Error: "timed out");
        }
    }

    private async Task<RobotsRules> RobotsAsync(Uri url, CancellationToken cancellationToken)
    {
        var key = url.GetLeftPart(UriPartial.Authority);
        if (_robots.TryGetValue(key, out var cached) && cached.Until > time.GetUtcNow()) return cached.Rules;
        RobotsRules rules;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(key), "/robots.txt"));
            using var response = await SendPolitelyAsync(request, cancellationToken);
            // RFC 9309: 4xx means no restrictions; 5xx or unreachable means assume complete disallow.
            if ((int)response.StatusCode >= 500) rules = RobotsRules.Parse("User-agent: *\nDisallow: /", options.UserAgent);
            else if (!response.IsSuccessStatusCode) rules = RobotsRules.AllowAll;
            else rules = RobotsRules.Parse(System.Text.Encoding.UTF8.GetString(await ReadCappedAsync(response.Content, cancellationToken) ?? []), options.UserAgent);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            rules = RobotsRules.Parse("User-agent: *\nDisallow: /", options.UserAgent);
        }
        _robots[key] = (rules, time.GetUtcNow() + options.RobotsCacheFor);
        return rules;
    }

    private async Task<HttpResponseMessage> SendPolitelyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri!.Authority;
        var gate = _hostGates.GetOrAdd(host, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_lastRequest.TryGetValue(host, out var last))
            {
                var wait = last + options.MinDelayPerHost - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            }
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.RequestTimeout);
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        finally
        {
            _lastRequest[host] = time.GetUtcNow();
            gate.Release();
        }
    }

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > options.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
