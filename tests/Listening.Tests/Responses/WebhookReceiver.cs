using System.Collections.Concurrent;
using Listening.Responses.Delivery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Listening.Tests.Responses;

/// <summary>
/// A real HTTP endpoint on loopback standing in for a CRM / loyalty system / reply bot: verifies the Standard Webhooks
/// signature, records each request, answers with the scripted status codes (then 200), and treats a repeated
/// <c>webhook-id</c> as the same message, as a Standard Webhooks receiver should.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> script = new();

    public sealed record Received(string Id, string Body, bool SignatureValid, int AnsweredWith);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Url { get; }

    /// <summary>Distinct messages accepted with a 2xx (a redelivered webhook-id counts once).</summary>
    public IReadOnlyList<Received> Delivered => Requests.Where(r => r.AnsweredWith is >= 200 and < 300).DistinctBy(r => r.Id).ToList();

    private WebhookReceiver(WebApplication app)
    {
        this.app = app;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public static async Task<WebhookReceiver> StartAsync(Func<int>? always = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var id = context.Request.Headers["webhook-id"].ToString();
            var valid = long.TryParse(context.Request.Headers["webhook-timestamp"], out var ts)
                && StandardWebhooks.Verify(StandardWebhooks.Key(Secret), id, ts, body, context.Request.Headers["webhook-signature"].ToString());
            var status = !valid ? 401 : always?.Invoke() ?? (receiver!.script.TryDequeue(out var s) ? s : 200);
            receiver!.Requests.Enqueue(new Received(id, System.Text.Encoding.UTF8.GetString(body), valid, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver = new WebhookReceiver(app);
        return receiver;
    }

    /// <summary>The next requests are answered with these codes, in order; after them, 200.</summary>
    public WebhookReceiver Answer(params int[] statuses)
    {
        foreach (var s in statuses) script.Enqueue(s);
        return this;
    }

    public Dictionary<string, string?> Settings(params string[] endpoints) =>
        endpoints.SelectMany(e => new[]
        {
            new KeyValuePair<string, string?>($"Responses:Delivery:Webhooks:{e}:Url", $"{Url}/{e}"),
            new KeyValuePair<string, string?>($"Responses:Delivery:Webhooks:{e}:Secret", Secret),
        }).ToDictionary();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
