using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Listening.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Listening.Tests.Handler;

/// <summary>`listening handler` as the Functions host starts it: invocation endpoints and forwarded HTTP routes only —
/// the host owns the HTTP triggers, queues and timers.</summary>
public sealed class HandlerShapeTests : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), $"listening-handler-{Guid.NewGuid():N}");
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        app = ListeningWebApp.Build(["--urls=http://127.0.0.1:0", $"--Listening:Local:DataDir={dataDir}"], AppShape.Handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(dataDir, recursive: true);
    }

    [Fact]
    public async Task Handler_answers_invocations_and_forwarded_routes_but_leaves_http_triggers_to_the_host()
    {
        var invocation = """
            {"Data":{"req":{"Url":"https://x/api/feedback","Method":"POST","Query":"{}","Headers":{"Content-Type":["application/json"]},
             "Params":{},"Body":"{\"brand\":\"B\",\"text\":\"hello from the host\"}"}},"Metadata":{}}
            """;
        var invoked = await client.PostAsync("/IngestFeedback", new StringContent(invocation, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, invoked.StatusCode);
        var outputs = (await invoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Outputs");
        Assert.Equal(202, outputs.GetProperty("res").GetProperty("statusCode").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/feedback", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);
    }
}
