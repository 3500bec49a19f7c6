using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Storage;
using Listening.Storage.Cosmos;
using Microsoft.Azure.Cosmos;
using Listening.Pipeline;

namespace Listening.Tests.Stores.Cosmos;

/// <summary>What only the Cosmos DB adapter promises: partitioning, ETag concurrency, point reads, RU metering.</summary>
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosFeedbackDocumentTests(CosmosServerFixture server)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static FeedbackItem Item(string text, DateTimeOffset createdAt, string brand = "Acme", string? competitorOf = null) =>
        new(FeedbackIds.Derive("test", null, brand, text), FeedbackKind.Review, "test", brand, text, createdAt,
            Rating: 5, CompetitorOf: competitorOf, ReceivedAt: Now);

    [Fact]
    public async Task Documents_are_partitioned_by_report_brand_and_utc_month()
    {
        var container = await server.NewFeedbackContainerAsync("partition");
        var store = new CosmosFeedbackStore(container, CosmosFeedbackStoreTests.NewCharges().Charges);
        // 1 Dec 01:30 at +03:00 is still November in UTC; a competitor mention belongs to the brand it is gathered for,
        // by its brand key (lower case), so every case of the brand shares the partition.
        var item = Item("Globex queues are long", new DateTimeOffset(2026, 12, 1, 1, 30, 0, TimeSpan.FromHours(3)), brand: "Globex", competitorOf: "Acme");

        await store.AddIfAbsentAsync(item, Now, None);
        using var raw = await container.ReadItemStreamAsync(item.Id, new PartitionKey("acme|2026-11"));

        Assert.True(raw.IsSuccessStatusCode, raw.StatusCode.ToString());
        using var json = await JsonDocument.ParseAsync(raw.Content);
        Assert.Equal("acme|2026-11", json.RootElement.GetProperty("pk").GetString());
        Assert.Equal("2026-11-30T22:30:00.0000000Z", json.RootElement.GetProperty("createdUtc").GetString());
        Assert.Equal("ingested", json.RootElement.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_late_update_of_an_earlier_stage_never_moves_an_item_back()
    {
        var store = new CosmosFeedbackStore(await server.NewFeedbackContainerAsync("stage"), CosmosFeedbackStoreTests.NewCharges().Charges);
        var item = Item("Kind staff", Now.AddDays(-2));
        await store.AddIfAbsentAsync(item, Now, None);
        await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Responded, null, Now.AddMinutes(2)), None);

        // A redelivered scoring result arriving after the response stage.
        await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Scored, null, Now.AddMinutes(3)), None);

        Assert.Equal(FeedbackStage.Responded, (await store.GetAsync(item, None))!.Stage);
    }

    [Fact]
    public async Task Concurrent_stage_updates_end_at_the_latest_stage()
    {
        var store = new CosmosFeedbackStore(await server.NewFeedbackContainerAsync("race"), CosmosFeedbackStoreTests.NewCharges().Charges);
        var item = Item("Racing writers", Now.AddDays(-1));
        await store.AddIfAbsentAsync(item, Now, None);

        // Each writer reads an ETag and replaces only if nobody wrote in between; the losers re-read and
        // decide again, so whatever the interleaving the furthest stage wins.
        var stages = new[] { FeedbackStage.Scored, FeedbackStage.Responded, FeedbackStage.Scored, FeedbackStage.Ingested, FeedbackStage.Scored };
        await Task.WhenAll(stages.Select((stage, i) => store.UpsertAsync(new FeedbackRecord(item, stage, null, Now.AddSeconds(i)), None)));

        Assert.Equal(FeedbackStage.Responded, (await store.GetAsync(item.Id, None))!.Stage);
    }

    [Fact]
    public async Task Point_read_by_item_finds_what_the_id_query_finds()
    {
        var store = new CosmosFeedbackStore(await server.NewFeedbackContainerAsync("point"), CosmosFeedbackStoreTests.NewCharges().Charges);
        var item = Item("Point read", Now.AddDays(-40));
        var missing = Item("Never stored", Now);
        await store.AddIfAbsentAsync(item, Now, None);

        Assert.Equal(item.Text, (await ((IFeedbackStore)store).GetAsync(item, None))!.Item.Text);
        Assert.Equal(item.Text, (await store.GetAsync(item.Id, None))!.Item.Text);
        Assert.Null(await ((IFeedbackStore)store).GetAsync(missing, None));
    }

    [Fact]
    public async Task Intake_counters_count_new_items_and_duplicate_deliveries_per_brand_and_day()
    {
        var (feedback, aggregates) = await server.NewContainersAsync("intake");
        var charges = CosmosFeedbackStoreTests.NewCharges().Charges;
        var intake = new CosmosIntakeCounters(aggregates, charges);
        var store = new CosmosFeedbackStore(feedback, charges, intake);
        var burst = Item("Delivered five times at once", Now.AddDays(-3));

        for (var i = 0; i < 3; i++) await store.AddIfAbsentAsync(Item($"item {i}", Now.AddDays(-1)), Now, None);
        await store.AddIfAbsentAsync(Item("item 0", Now.AddDays(-1)), Now, None);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => store.AddIfAbsentAsync(burst, Now, None)));
        await store.AddIfAbsentAsync(Item("next day", Now), Now.AddDays(1), None);

        Assert.Equal(new IntakeCount("Acme", DateOnly.FromDateTime(Now.UtcDateTime), 4, 5), await intake.ReadAsync("Acme", DateOnly.FromDateTime(Now.UtcDateTime), None));
        Assert.Equal(1, (await intake.ReadAsync("Acme", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(1), None)).Ingested);
        Assert.Equal(0, (await intake.ReadAsync("Initech", DateOnly.FromDateTime(Now.UtcDateTime), None)).Ingested);
    }

    [Fact]
    public async Task Every_call_is_metered_with_its_request_charge()
    {
        using var meter = new RequestUnitsListener();
        var (charges, provider) = CosmosFeedbackStoreTests.NewCharges();
        using var _ = provider;
        var store = new CosmosFeedbackStore(await server.NewFeedbackContainerAsync("meter"), charges);
        var item = Item("Metered", Now.AddDays(-1));

        await store.AddIfAbsentAsync(item, Now, None); // create
        await store.AddIfAbsentAsync(item, Now, None); // create → 409, read

        Assert.Equal(3, meter.Operations);
        Assert.True(meter.ByOperation["create"] > 0);
        Assert.True(meter.ByOperation["read"] > 0);
    }
}
