extern alias FunctionApp;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Listening.Tests.Pipeline;
using Microsoft.Azure.Functions.Worker;
using Xunit.Abstractions;
using Functions = FunctionApp::Listening.FunctionApp.Functions;

namespace Listening.Tests.FunctionApp;

/// <summary>
/// What one timer-driven drain does, measured on the function classes with the local SQLite queue and store and the
/// shipped model (the Service Bus round trips come on top on Azure: docs/queues.md). The figures behind docs/azure.md's
/// consumer design and cost model; the assertions check the drain's bound and that it leaves nothing behind. Run:
///   dotnet test tests/Listening.Tests -c Release --filter Timer_driven_drain --logger "console;verbosity=detailed"
/// </summary>
public sealed class DrainMeasurementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Timer_driven_drain_takes_a_backlog_in_one_run_per_stage_within_its_bound()
    {
        const int Items = 1000;
        await using var worker = new WorkerServices();
        var ingest = worker.Function<Functions.IngestFeedback>();
        var clock = Stopwatch.StartNew();
        for (var batch = 0; batch < Items / 100; batch++)
        {
            var items = new JsonArray(Enumerable.Range(0, 100).Select(i => (JsonNode)Feedback.Item(
                i % 2 == 0 ? $"Drain {batch}/{i}: the pancakes were great but delivery took an hour" : $"Слив {batch}/{i}: блины вкусные, но курьер опоздал",
                $"drain-{batch}-{i}")).ToArray());
            var request = worker.Json("POST", "/api/feedback", items.ToJsonString());
            var (status, _, _) = await WorkerServices.ExecuteAsync(request, await ingest.Run(request, CancellationToken.None));
            Assert.Equal(202, status);
        }
        var ingested = clock.Elapsed;

        var stages = worker.Function<Functions.Stages>();
        clock.Restart();
        var scored = await stages.ScoreFeedback(new TimerInfo(), CancellationToken.None);
        var scoring = clock.Elapsed;
        clock.Restart();
        var answered = await stages.RespondToAuthor(new TimerInfo(), CancellationToken.None);
        var answering = clock.Elapsed;

        output.WriteLine($"ingest: {Items} items in batches of 100: {ingested.TotalMilliseconds:F0} ms ({Items / ingested.TotalSeconds:F0} items/s)");
        output.WriteLine($"ScoreFeedback drain: {scored.Completed} messages in {scoring.TotalMilliseconds:F0} ms ({scored.Completed / scoring.TotalSeconds:F0} items/s), {scored.LocksRenewed} lock renewals");
        output.WriteLine($"RespondToAuthor drain: {answered.Completed} messages in {answering.TotalMilliseconds:F0} ms ({answered.Completed / answering.TotalSeconds:F0} items/s)");
        output.WriteLine($"per item: {(ingested + scoring + answering).TotalMilliseconds * 1000 / Items:F0} µs of wall time through the three functions");
        Assert.Equal(Items, scored.Completed);
        Assert.Equal(Items, answered.Completed);
        Assert.Equal(0, scored.Abandoned + answered.Abandoned + scored.DeadLettered + answered.DeadLettered);
    }
}
