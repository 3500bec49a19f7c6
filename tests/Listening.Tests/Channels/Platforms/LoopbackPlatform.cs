using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Listening.Tests.Channels.Platforms;

/// <summary>One request a fake platform received: its path, its parameters (form fields or the JSON body), its headers.</summary>
public sealed record PlatformRequest(string Method, string Path, IReadOnlyDictionary<string, string> Form, JsonNode? Json,
    IReadOnlyDictionary<string, string> Headers, int AnsweredWith)
{
    public string? Param(string name) => Form.TryGetValue(name, out var v) ? v : Json?[name]?.ToString();
}

/// <summary>
/// The common part of the loopback fakes of third-party platforms (a real HTTP server on 127.0.0.1, each fake
/// implementing its platform's documented wire format): records every request, answers the scripted failures first,
/// stamps times with its own clock (the platform's acknowledgement), and lets a test await the n-th request of a kind
/// instead of sleeping.
/// </summary>
public abstract class LoopbackPlatform : IAsyncDisposable
{
    private WebApplication app = null!;
    private readonly List<(string? PathEnd, int Status, string Body, IReadOnlyDictionary<string, string>? Headers)> script = [];
    private readonly ConcurrentDictionary<string, List<TaskCompletionSource<PlatformRequest>>> waiters = new();

    public ConcurrentQueue<PlatformRequest> Requests { get; } = new();
    public TimeProvider Clock { get; set; } = TimeProvider.System;
    public string BaseUrl { get; private set; } = "";

    protected async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>The next requests are answered with these (status, body) pairs, in order, before the platform's normal answer.</summary>
    public void Fail(int status, string body, IReadOnlyDictionary<string, string>? headers = null) => FailNext(null, status, body, headers);

    /// <summary>The next request whose path ends with <paramref name="pathEnd"/> is answered with this failure.</summary>
    public void FailNext(string? pathEnd, int status, string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        lock (script) script.Add((pathEnd, status, body, headers));
    }

    private bool TryScripted(string path, out (int Status, string Body, IReadOnlyDictionary<string, string>? Headers) answer)
    {
        lock (script)
        {
            var index = script.FindIndex(s => s.PathEnd is null || path.EndsWith(s.PathEnd, StringComparison.Ordinal));
            answer = index < 0 ? default : (script[index].Status, script[index].Body, script[index].Headers);
            if (index >= 0) script.RemoveAt(index);
            return index >= 0;
        }
    }

    /// <summary>Completes when the <paramref name="count"/>-th request whose path ends with <paramref name="pathEnd"/> has been answered.</summary>
    public Task<PlatformRequest> NextAsync(string pathEnd, int count = 1)
    {
        var tcs = new TaskCompletionSource<PlatformRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waiters)
        {
            var seen = Requests.Where(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToList();
            if (seen.Count >= count) tcs.SetResult(seen[count - 1]);
            else waiters.GetOrAdd($"{pathEnd}#{count}", _ => []).Add(tcs);
        }
        return tcs.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public IReadOnlyList<PlatformRequest> To(string pathEnd) => Requests.Where(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var raw = Encoding.UTF8.GetString(buffer.ToArray());
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? json = null;
        var type = context.Request.ContentType ?? "";
        if (type.Contains("json", StringComparison.OrdinalIgnoreCase) && raw.Length > 0) json = JsonNode.Parse(raw);
        else if (type.Contains("form-urlencoded", StringComparison.OrdinalIgnoreCase))
            foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                form[Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '))] = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
            }
        foreach (var (key, value) in context.Request.Query) form.TryAdd(key, value.ToString());
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new PlatformRequest(context.Request.Method, context.Request.Path.Value ?? "", form, json, headers, 0);

        int status;
        string body;
        IReadOnlyDictionary<string, string>? extra = null;
        if (TryScripted(request.Path, out var scripted)) (status, body, extra) = scripted;
        else (status, body) = Answer(request);
        context.Response.StatusCode = status;
        context.Response.Headers.Date = Clock.GetUtcNow().ToString("R");
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        context.Response.ContentType = body.StartsWith('{') || body.StartsWith('[') ? "application/json" : "text/plain";
        await context.Response.WriteAsync(body);

        var answered = request with { AnsweredWith = status };
        lock (waiters)
        {
            Requests.Enqueue(answered);
            foreach (var (key, list) in waiters.ToList())
            {
                var (end, n) = (key[..key.LastIndexOf('#')], int.Parse(key[(key.LastIndexOf('#') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
                var seen = Requests.Where(r => r.Path.EndsWith(end, StringComparison.Ordinal)).ToList();
                if (seen.Count < n) continue;
                foreach (var waiter in list) waiter.TrySetResult(seen[n - 1]);
                waiters.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The platform's answer to a request no failure was scripted for.</summary>
    protected abstract (int Status, string Body) Answer(PlatformRequest request);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
