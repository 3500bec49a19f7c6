using System.Text;
using Listening.Core.Factors;
using Listening.Core.Channels.Social;
using Listening.Core.Feedback;
using Listening.Ingest;
using Listening.Core.Loyalty;
using Listening.Core.Responses;
using Listening.Responses;
using Listening.Storage.Cosmos;
using Listening.Core.Sentiment;
using Listening.Storage;
using Microsoft.Azure.Cosmos;
using Xunit.Abstractions;
using Listening.Pipeline;

namespace Listening.Tests.Stores.Cosmos;

/// <summary>
/// Request units per feedback item along the Azure pipeline, read off the adapter's RU meter (the
/// figures behind docs/azure.md's cost model). The loopback server charges modelled RUs (see
/// cosmosdb-server.js); what is measured here is the operations and document sizes the adapters
/// produce per item on the stages' own paths. Run:
///   dotnet test tests/Listening.Tests -c Release --filter Cosmos_request_units_per_item --logger "console;verbosity=detailed"
/// </summary>
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosCostTests(CosmosServerFixture server, ITestOutputHelper output)
{
    private const int Items = 120;
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Cosmos_request_units_per_item_along_the_pipeline()
    {
        using var meter = new RequestUnitsListener();
        var (charges, provider) = CosmosFeedbackStoreTests.NewCharges();
        using var _ = provider;
        var (container, aggregates) = await server.NewContainersAsync("cost");
        // As deployed: with the per-brand, per-day intake counters (one Patch per ingest).
        IFeedbackStore store = new CosmosFeedbackStore(container, charges, new CosmosIntakeCounters(aggregates, charges));
        var items = Enumerable.Range(0, Items).Select(Item).ToList();
        var stages = new List<(string Stage, double Ru, double Ops)>();
        long documentBytes = 0;

        async Task Stage(string name, Func<FeedbackItem, Task<double>> perItem)
        {
            meter.Reset();
            double outside = 0;
            foreach (var item in items) outside += await perItem(item);
            stages.Add((name, (meter.Total + outside) / Items, (double)meter.Operations / Items));
            if (meter.ByOperation.TryGetValue("patch", out var patch))
                output.WriteLine($"  of which intake counter patches: {patch / Items:F2} RU/item");
        }

        // A stage's write, as ScoreFeedback and RespondToAuthor do it: the record they read, moved on a stage.
        async Task<double> StageWrite(FeedbackRecord record)
        {
            documentBytes = Math.Max(documentBytes, CosmosFeedbackDocument.ToBytes(record).Length);
            await store.UpsertAsync(record, None);
            return 0;
        }

        // The ingest spam check's per-author history, in aggregates: half the items come from an author seen before.
        var screen = new SpamScreen(new CosmosSpamHistory(new CosmosDocuments(aggregates, charges), Security.TestKeys.Keys, new CosmosErasures(new CosmosDocuments(aggregates, charges))),
            Microsoft.Extensions.Options.Options.Create(new SpamRules()));
        await Stage("ingest spam history (read + create/replace)", async item =>
        {
            var author = item.Author! with { Id = $"author-{item.Id.GetHashCode() & 0x3f}", Email = null, Handle = $"@a{item.Id.GetHashCode() & 0x3f}" };
            await screen.CheckAsync([item with { Author = author }], None);
            return 0;
        });
        await Stage("ingest (create + counter patch)", async item => { await store.AddIfAbsentAsync(item, Now, None); return 0; });
        await Stage("webhook retry (409 + read + patch)", async item => { await store.AddIfAbsentAsync(item, Now, None); return 0; });
        await Stage("score (point read + replace If-Match)", async item =>
        {
            var stored = await store.GetAsync(item, None);
            return await StageWrite(stored! with { Stage = FeedbackStage.Scored, Scores = Scores(item) });
        });
        await Stage("respond (point read + replace If-Match)", async item =>
        {
            var stored = await store.GetAsync(item, None);
            return await StageWrite(stored! with { Stage = FeedbackStage.Responded });
        });
        // The responses store (loyalty ledger, outbox, decision) on its own container, as deployed.
        var responsesContainer = (await server.Client.GetDatabase(container.Database.Id)
            .CreateContainerIfNotExistsAsync(container.Id + "-responses", CosmosStoreSetup.PartitionKeyPaths["responses"])).Container;
        var responses = new CosmosResponseStore(new CosmosDocuments(responsesContainer, charges), new CosmosDocuments(container, charges), new CosmosDocuments(aggregates, charges),
            Security.TestKeys.Person);
        var policy = new LoyaltyPolicy(new LoyaltyRules());
        await Stage("respond: decide (ledger, thank-you, decision)", async item =>
        {
            await responses.DecideAsync(item.Id, item.Author!.Id, ledger => Plan(policy, item, ledger), None);
            return 0;
        });
        await Stage("redelivered respond (decision + ledger read)", async item =>
        {
            Assert.True((await responses.DecideAsync(item.Id, item.Author!.Id, ledger => Plan(policy, item, ledger), None)).AlreadyDecided);
            return 0;
        });
        var claimed = new List<OutboxEntry>();
        await Stage("deliver: claim (query + lease) + delivered", async item =>
        {
            if (claimed.Count == 0) claimed.AddRange(await responses.ClaimDueAsync(Now.AddMinutes(1), TimeSpan.FromMinutes(5), Items, None));
            await responses.MarkDeliveredAsync($"thanks-{item.Id}", Now.AddMinutes(1), None);
            return 0;
        });
        Assert.Equal(Items, claimed.Count);

        meter.Reset();
        var reported = 0;
        await foreach (var _r in store.QueryAsync("Acme", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), None))
            reported++;
        stages.Add(("report read (per item, once)", meter.Total / Items, (double)meter.Operations / Items));

        Assert.Equal(Items, reported);
        output.WriteLine($"{Items} items, largest document {documentBytes} bytes");
        foreach (var (name, ru, ops) in stages)
            output.WriteLine($"{name,-40} {ru,6:F2} RU/item  {ops,5:F2} calls/item");
        var pipeline = stages.Where(s => !s.Stage.StartsWith("webhook", StringComparison.Ordinal) && !s.Stage.StartsWith("redelivered", StringComparison.Ordinal)).Sum(s => s.Ru);
        output.WriteLine($"{"pipeline total (no retries)",-40} {pipeline,6:F2} RU/item");

        // The hot path is point operations only: a create and a counter patch, then per stage one point read and one
        // replace with the read's ETag (the store reuses it: no second read); no query.
        // The spam history: the author's tombstone (an erased person's history is never recreated), then read (404 for a new
        // author) + create, or read + replace.
        Assert.Equal(3.0, stages[0].Ops);
        Assert.InRange(stages[1].Ops, 2.0, 2.05); // + the counter document's first 404 and create per brand-day
        Assert.Equal(3.0, stages[2].Ops);
        Assert.Equal(2.0, stages[3].Ops);
        Assert.Equal(2.0, stages[4].Ops);
        // Deciding: decision read (404), ledger read, ledger write, outbox create, decision create; a redelivery reads
        // the decision and the ledger (for the award it discloses again). Delivering: the lease, then the outbox read,
        // the decision's reply time (read + replace) and the outbox's delivered state, plus a share of the claim query.
        // The erasure check adds one tombstone point read before the decision and one after it (an erasure that fell in
        // between is finished); a redelivery reads the tombstone once and stops at the decision.
        Assert.Equal(7.0, stages[5].Ops);
        Assert.Equal(3.0, stages[6].Ops);
        Assert.InRange(stages[7].Ops, 5.0, 5.1);
        Assert.InRange(pipeline, 10, 160);
    }

    /// <summary>A response as the planner makes it: the loyalty decision, one thank-you of a realistic size, the tracking row.</summary>
    private static ResponsePlan Plan(LoyaltyPolicy policy, FeedbackItem item, IReadOnlyCollection<LedgerEntry> ledger)
    {
        var loyalty = policy.Decide(item, ledger, Now);
        var body = new string('x', 600);
        var payload = ResponsePlanner.Payload("thank-you", Now, new System.Text.Json.Nodes.JsonObject
        {
            ["itemId"] = item.Id, ["address"] = item.Author!.Email, ["body"] = body, ["points"] = loyalty.Points,
        });
        var thanks = new OutboxMessage($"thanks-{item.Id}", "thank-you", "email", payload, Now, item.Author.Id, item.Id);
        var tracking = new ResponseTracking(item.Id, item.Author.Id, item.Source, item.Kind, Tone.Positive, item.CreatedAt, Now, true, false, loyalty.Reason, loyalty.Points);
        return new ResponsePlan(loyalty, tracking, [thanks]);
    }

    private static FeedbackItem Item(int i)
    {
        // Review-length texts (≈ 250–700 characters), deterministic.
        var text = new StringBuilder($"Order {i}: ");
        string[] sentences =
        [
            "The courier arrived on time and was polite. ",
            "Prices are a bit higher than at the shop next door, but the quality is worth it. ",
            "Support answered my question within an hour. ",
            "The app crashed twice while I was paying. ",
            "Доставка быстрая, но упаковка была порвана. ",
            "Персонал вежливый, обязательно закажу ещё. ",
        ];
        for (var s = 0; s < 4 + i % 8; s++) text.Append(sentences[(i + s) % sentences.Length]);
        var created = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 97);
        return new FeedbackItem(FeedbackIds.Derive("typeform", $"resp-{i}", "Acme", ""), FeedbackKind.Survey, "typeform", "Acme",
            text.ToString().Trim(), created, Rating: 1 + i % 5, Nps: i % 11, Author: new Author($"typeform-a{i}", "Ann Example", null, $"ann{i}@example.com"),
            ExternalId: $"resp-{i}", Channel: "survey", ReceivedAt: created.AddSeconds(3));
    }

    private static FeedbackScores Scores(FeedbackItem item) =>
        new(item.Id.Length % 2 == 0 ? "en" : "ru", new SentimentScore(SentimentLabel.Positive, 0.62f, 0.08f, 0.22f, 0.70f),
            [new FactorMention("delivery", SentimentLabel.Positive, 0.7f, 12, 7), new FactorMention("price", SentimentLabel.Negative, -0.4f, 60, 6),
             new FactorMention("support", SentimentLabel.Positive, 0.5f, 140, 7)]);
}
