extern alias FunctionApp;
using System.Text.Json.Nodes;
using Listening.Storage.Cosmos;
using Listening.Tests.Queues.Broker;
using Listening.Tests.Stores.Cosmos;
using Microsoft.Azure.Functions.Worker;
using Functions = FunctionApp::Listening.FunctionApp.Functions;

namespace Listening.Tests.FunctionApp;

/// <summary>
/// The Azure shape end to end as far as it can run here: the Function App's function classes on the worker's services
/// configured as the Bicep template configures them (<c>Listening__Store__Kind=Cosmos</c>, <c>Listening__Queue__Kind=
/// ServiceBus</c>), against the Cosmos DB protocol server and the in-process AMQP test broker, both stand-ins on loopback
/// for services that cannot run here (what each does not implement: docs/azure.md, docs/queues.md).
/// </summary>
[Collection(CosmosServerCollection.Name)]
public sealed class AzureShapeTests(CosmosServerFixture cosmos)
{
    [Fact]
    public async Task Ingest_then_the_drains_score_thank_and_award_once_on_Cosmos_DB_and_Service_Bus_with_nothing_on_disk()
    {
        await using var broker = ServiceBusTestBroker.Start(new BrokerEntitySettings(10, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)));
        var options = cosmos.Options($"azure-{Guid.NewGuid():N}");
        options.ResponsesContainer = options.FeedbackContainer + "-responses";
        options.ReportsContainer = options.FeedbackContainer + "-reports";
        await CosmosStoreSetup.EnsureCreatedAsync(cosmos.Client, options, CancellationToken.None);
        await using var worker = new WorkerServices(new Dictionary<string, string?>
        {
            ["Listening:Store:Kind"] = "Cosmos",
            ["Listening:Store:Cosmos:AccountEndpoint"] = options.AccountEndpoint!.ToString(),
            ["Listening:Store:Cosmos:AccountKey"] = options.AccountKey,
            ["Listening:Store:Cosmos:Database"] = options.Database,
            ["Listening:Store:Cosmos:FeedbackContainer"] = options.FeedbackContainer,
            ["Listening:Store:Cosmos:AggregatesContainer"] = options.AggregatesContainer,
            ["Listening:Store:Cosmos:ResponsesContainer"] = options.ResponsesContainer,
            ["Listening:Store:Cosmos:ReportsContainer"] = options.ReportsContainer,
            ["Listening:Store:Cosmos:UseGatewayMode"] = "true",
            ["Listening:Store:Cosmos:AcceptAnyServerCertificate"] = "true",
            ["Listening:Queue:Kind"] = "ServiceBus",
            ["Listening:Queue:ServiceBus:ConnectionString"] = broker.ConnectionString,
        });
        var item = new JsonObject
        {
            ["source"] = "site", ["externalId"] = $"azure-{Guid.NewGuid():N}", ["brand"] = "Acme", // "site" allows incentives
            ["text"] = "The pancakes were great but the waiter was rude, and delivery took an hour.",
            ["author"] = new JsonObject { ["id"] = "author-azure", ["name"] = "Ann", ["handle"] = "@ann" },
        };

        var ingest = worker.Json("POST", "/api/feedback", item.ToJsonString());
        var (accepted, _, body) = await WorkerServices.ExecuteAsync(ingest, await worker.Function<Functions.IngestFeedback>().Run(ingest, CancellationToken.None));
        var again = worker.Json("POST", "/api/feedback", item.ToJsonString());
        await WorkerServices.ExecuteAsync(again, await worker.Function<Functions.IngestFeedback>().Run(again, CancellationToken.None));
        var stages = worker.Function<Functions.Stages>();
        var scored = await stages.ScoreFeedback(new TimerInfo(), CancellationToken.None);
        var answered = await stages.RespondToAuthor(new TimerInfo(), CancellationToken.None);

        Assert.Equal(202, accepted);
        var id = body.GetProperty("ids")[0].GetString()!;
        Assert.Equal(1, scored.Completed); // the re-post was one message: same item, same message id, dropped by duplicate detection
        Assert.Equal(1, answered.Completed);
        var get = worker.Request("GET", $"/api/feedback/{id}");
        var (_, _, stored) = await WorkerServices.ExecuteAsync(get, await worker.Function<Functions.Status>().GetFeedback(get, id, CancellationToken.None));
        Assert.Equal("responded", stored.GetProperty("stage").GetString());
        var points = worker.Request("GET", "/api/authors/author-azure/points");
        var (_, _, balance) = await WorkerServices.ExecuteAsync(points, await worker.Function<Functions.Authors>().GetPoints(points, "author-azure", CancellationToken.None));
        Assert.Equal(50, balance.GetProperty("balance").GetInt32());
        Assert.Equal(0, await broker.CountAsync("feedback-ingested") + await broker.CountAsync("feedback-scored"));
        // Nothing of the Azure shape lives on the instance's disk (not shared between instances, not kept on recycle).
        Assert.False(Directory.Exists(worker.DataDir), "the Azure shape opened the local SQLite file");
    }
}
