extern alias FunctionApp;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Channels.Signatures;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Queues.Sqlite;
using Listening.Tests.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Functions = FunctionApp::Listening.FunctionApp.Functions;

namespace Listening.Tests.FunctionApp;

/// <summary>
/// The Function App's function classes called directly, as the worker would call them (the Functions host cannot run
/// here), on the worker's own services with the local SQLite store and queue: every function is a call into the same
/// feature code the local shape serves, so these check the wiring, not the features again.
/// </summary>
public sealed class FunctionClassTests : IAsyncLifetime
{
    private WorkerServices worker = null!;

    public Task InitializeAsync()
    {
        worker = new WorkerServices(new Dictionary<string, string?> { ["Webhooks:typeform:acme:Secret"] = "tf-secret" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await worker.DisposeAsync();

    private async Task<DrainResult> DrainAsync()
    {
        var stages = worker.Function<Functions.Stages>();
        var scored = await stages.ScoreFeedback(new TimerInfo(), CancellationToken.None);
        var answered = await stages.RespondToAuthor(new TimerInfo(), CancellationToken.None);
        return scored with { Completed = scored.Completed + answered.Completed };
    }

    private Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync() =>
        new Listening.Local.SqliteQueueMetrics(worker.Services.GetRequiredService<SqliteQueue>()).DepthsAsync(CancellationToken.None);

    [Fact]
    public async Task Ingest_function_answers_202_and_the_timer_driven_stages_drain_the_item_to_responded()
    {
        var request = worker.Json("POST", "/api/feedback", Feedback.Item("The pancakes were great, delivery slow", "fa-1").ToJsonString());
        var (status, _, body) = await WorkerServices.ExecuteAsync(request,
            await worker.Function<Functions.IngestFeedback>().Run(request, CancellationToken.None));

        Assert.Equal(202, status);
        var id = Assert.Single(body.GetProperty("ids").EnumerateArray()).GetString()!;
        Assert.Equal(1, (await DepthsAsync())[PipelineQueues.Ingested].Active);

        var drained = await DrainAsync();

        Assert.Equal(2, drained.Completed); // one message per stage
        var get = worker.Request("GET", $"/api/feedback/{id}");
        var (found, _, item) = await WorkerServices.ExecuteAsync(get, await worker.Function<Functions.Status>().GetFeedback(get, id, CancellationToken.None));
        Assert.Equal(200, found);
        Assert.Equal("responded", item.GetProperty("stage").GetString());
        Assert.True(item.TryGetProperty("sentiment", out _));
        Assert.All((await DepthsAsync()).Values, d => Assert.Equal(0, d.Active));
    }

    [Fact]
    public async Task Bad_input_gets_the_same_problem_details_from_the_function_as_from_the_local_endpoint()
    {
        var request = worker.Json("POST", "/api/feedback", """[{"brand":"B","text":"fine"},{"brand":"B","text":"  "}]""");
        var (status, contentType, problem) = await WorkerServices.ExecuteAsync(request,
            await worker.Function<Functions.IngestFeedback>().Run(request, CancellationToken.None));

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("[1].text", out _), problem.ToString());
        Assert.Equal(0, (await DepthsAsync())[PipelineQueues.Ingested].Active);
    }

    [Fact]
    public async Task Webhook_function_sends_to_the_queue_itself_and_a_replay_is_one_item()
    {
        var payload = Listening.Tests.Channels.Fixture.Payload("typeform-form_response.json");
        var signature = TypeformSignature.Sign(payload, "tf-secret");
        HttpRequestForWebhook Make() => new(worker.Request("POST", "/api/webhooks/typeform/acme", payload, "application/json",
            new Dictionary<string, string> { ["Typeform-Signature"] = signature }));

        var webhooks = worker.Function<Functions.Webhooks>();
        var first = Make();
        var (status, _, body) = await WorkerServices.ExecuteAsync(first.Request, await webhooks.Typeform(first.Request, "acme", CancellationToken.None));
        var replay = Make();
        var (_, _, again) = await WorkerServices.ExecuteAsync(replay.Request, await webhooks.Typeform(replay.Request, "acme", CancellationToken.None));

        // No Function App URL is configured and no HTTP server runs: the webhook reached ingest in-process.
        Assert.Equal(202, status);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal(1, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(body.GetProperty("ids")[0].GetString(), again.GetProperty("ids")[0].GetString());
        var queued = Assert.Single(await worker.Services.GetRequiredService<SqliteQueue>().ReceiveAsync(PipelineQueues.Ingested, 10, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(body.GetProperty("ids")[0].GetString(), queued.MessageId); // message id = item id
    }

    [Fact]
    public async Task Unsigned_webhook_is_refused_by_the_function_and_nothing_is_queued()
    {
        var request = worker.Request("POST", "/api/webhooks/typeform/acme", Encoding.UTF8.GetBytes("{}"));
        var (status, _, _) = await WorkerServices.ExecuteAsync(request,
            await worker.Function<Functions.Webhooks>().Typeform(request, "acme", CancellationToken.None));

        Assert.Equal(401, status);
        Assert.Equal(0, (await DepthsAsync())[PipelineQueues.Ingested].Active);
    }

    [Fact]
    public async Task Stalled_item_timer_resends_with_the_item_id_so_a_message_still_queued_is_not_doubled()
    {
        var request = worker.Json("POST", "/api/feedback", Feedback.Item("Queued once only", "fa-stalled").ToJsonString());
        await WorkerServices.ExecuteAsync(request, await worker.Function<Functions.IngestFeedback>().Run(request, CancellationToken.None));
        var options = worker.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StalledFeedbackOptions>>().Value;
        options.StalledAfter = TimeSpan.Zero;

        await worker.Function<Functions.Schedules>().RequeueStalledFeedback(new TimerInfo(), CancellationToken.None);

        Assert.Equal(1, (await DepthsAsync())[PipelineQueues.Ingested].Active);
    }

    [Fact]
    public async Task Health_is_anonymous_and_answers_ready()
    {
        var request = worker.Request("GET", "/api/health");
        var (status, _, body) = await WorkerServices.ExecuteAsync(request, await worker.Function<Functions.Status>().Health(request, CancellationToken.None));

        Assert.Equal(200, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
    }

    private sealed record HttpRequestForWebhook(Microsoft.AspNetCore.Http.HttpRequest Request);
}
