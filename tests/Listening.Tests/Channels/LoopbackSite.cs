using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Listening.Tests.Channels;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, random port) serving test pages with ETag / Last-Modified and a
/// robots.txt, and counting requests — the sites the poller and the fetcher talk to in tests.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Body, string ContentType, string ETag)> _pages = new();
    public ConcurrentQueue<(string Path, string? IfNoneMatch, string? UserAgent, int Status)> Requests { get; } = new();
    public string Robots { get; set; } = "User-agent: *\nDisallow: /private/\n";
    private readonly ConcurrentDictionary<string, int> _failures = new();
    public ConcurrentQueue<(string Path, string? Authorization, string? ApiToken)> ApiCalls { get; } = new();

    /// <summary>The next <paramref name="count"/> requests for <paramref name="path"/> answer 503 (a flaky API).</summary>
    public void FailNext(string path, int count) => _failures[path] = count;

    private LoopbackSite(WebApplication app) => _app = app;

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<LoopbackSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new LoopbackSite(app);
        app.Run(site.ServeAsync);
        await app.StartAsync();
        return site;
    }

    public void Put(string path, string body, string contentType = "text/html; charset=utf-8") =>
        _pages[path] = (body, contentType, $"\"{Math.Abs(body.GetHashCode()):x}\"");

    public Uri Url(string path) => new(BaseUrl, path);

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        int status;
        ApiCalls.Enqueue((path, context.Request.Headers.Authorization.ToString(), context.Request.Headers["X-API-TOKEN"].ToString()));
        if (_failures.TryGetValue(path, out var failures) && failures > 0)
        {
            _failures[path] = failures - 1;
            status = 503;
            context.Response.StatusCode = status;
        }
        else if (path == "/robots.txt")
        {
            status = 200;
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync(Robots);
        }
        else if (_pages.TryGetValue(path, out var page))
        {
            context.Response.Headers.ETag = page.ETag;
            if (ifNoneMatch == page.ETag) status = 304;
            else
            {
                status = 200;
                context.Response.StatusCode = status;
                context.Response.ContentType = page.ContentType;
                await context.Response.WriteAsync(page.Body);
            }
        }
        else status = 404;
        if (!context.Response.HasStarted) context.Response.StatusCode = status;
        Requests.Enqueue((path, ifNoneMatch.Length == 0 ? null : ifNoneMatch, context.Request.Headers.UserAgent.ToString(), status));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Channels", "Fixtures", name));
    public static byte[] Payload(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Channels", "Payloads", name));
}
