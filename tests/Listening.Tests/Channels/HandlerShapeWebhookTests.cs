using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Channels.Signatures;
using Listening.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Listening.Tests.Channels;

/// <summary>
/// The Azure shape: `listening handler` behind a minimal stand-in for the Functions host's front door (the host
/// itself cannot be installed here). The stand-in does for <c>POST /api/feedback</c> what the host does for a
/// non-forwarded HTTP trigger — wraps the request into an invocation of <c>/IngestFeedback</c> and answers with its
/// <c>res</c> output — and records the Service Bus messages the invocation outputs.
/// </summary>
public sealed class HandlerShapeWebhookTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"listening-handler-ch-{Guid.NewGuid():N}");
    private WebApplication _host = null!;
    private WebApplication _handler = null!;
    private HttpClient _client = null!;
    private readonly ConcurrentQueue<string> _queued = new();
    private string _handlerAddress = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _host = builder.Build();
        _host.MapPost("/api/feedback", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var invocation = new JsonObject
            {
                ["Data"] = new JsonObject
                {
                    ["req"] = new JsonObject
                    {
                        ["Url"] = "https://app/api/feedback", ["Method"] = "POST", ["Query"] = new JsonObject(),
                        ["Headers"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json") },
                        ["Params"] = new JsonObject(), ["Body"] = body,
                    },
                },
                ["Metadata"] = new JsonObject(),
            };
            using var http = new HttpClient();
            var answer = await http.PostAsync($"{_handlerAddress}/IngestFeedback", new StringContent(invocation.ToJsonString(), Encoding.UTF8, "application/json"));
            var outputs = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["Outputs"]!;
            foreach (var message in outputs["ingested"]?.AsArray() ?? []) _queued.Enqueue(message!.ToJsonString());
            var res = outputs["res"]!;
            return Results.Text(res["body"]!.GetValue<string>(), "application/json", statusCode: res["statusCode"]!.GetValue<int>());
        });
        await _host.StartAsync();
        var hostAddress = Address(_host);

        _handler = ListeningWebApp.Build(["--urls=http://127.0.0.1:0", $"--Listening:Local:DataDir={_dataDir}", $"--Listening:Root={ImportTests.RepoRoot()}",
            $"--Channels:Intake:BaseUrl={hostAddress}", "--Webhooks:typeform:acme:Secret=tf-secret", "--Logging:LogLevel:Default=Warning"], AppShape.Handler);
        await _handler.StartAsync();
        _handlerAddress = Address(_handler);
        _client = new HttpClient { BaseAddress = new Uri(_handlerAddress) };
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _handler.StopAsync();
        await _handler.DisposeAsync();
        await _host.StopAsync();
        await _host.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Forwarded_webhook_reaches_the_ingest_function_through_the_host_and_a_replay_is_a_duplicate()
    {
        var body = Fixture.Payload("typeform-form_response.json");
        HttpRequestMessage Request() => new(HttpMethod.Post, "/api/webhooks/typeform/acme")
        {
            Content = new ByteArrayContent(body),
            Headers = { { "Typeform-Signature", TypeformSignature.Sign(body, "tf-secret") } },
        };

        var first = await _client.SendAsync(Request());
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        var message = Assert.Single(_queued);
        Assert.Contains("Delivery was fast", message);

        var replay = await _client.SendAsync(Request());
        Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("duplicates").GetInt32());
    }
}
