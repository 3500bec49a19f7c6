using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Core.Factors;
using Listening.Storage;
using Listening.Pipeline;

namespace Listening.Tests.Stores;

/// <summary>
/// The behaviour every <see cref="IFeedbackStore"/> adapter must have. Each adapter's test class
/// derives from this and supplies a fresh, empty store; the same tests then run against SQLite
/// (local shape) and Cosmos DB (Azure shape, on a loopback protocol server).
/// </summary>
public abstract class FeedbackStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>A new store over empty storage.</summary>
    protected abstract Task<IFeedbackStore> NewStoreAsync();

    protected static FeedbackItem Item(string text, string brand = "Acme", DateTimeOffset? createdAt = null, string? competitorOf = null, int? rating = 4) =>
        new(FeedbackIds.Derive("test", null, brand, text), FeedbackKind.Review, "test", brand, text,
            createdAt ?? Now.AddDays(-1), Rating: rating, Author: new Author("test-a1", "Ann", "@ann"),
            CompetitorOf: competitorOf, Channel: "reviews", ReceivedAt: Now);

    protected static FeedbackScores Scores(SentimentLabel label = SentimentLabel.Positive) =>
        new("en", new SentimentScore(label, label == SentimentLabel.Positive ? 0.8f : -0.7f, 0.1f, 0.1f, 0.8f),
            [new FactorMention("delivery", label, 0.6f, 4, 8)]);

    [Fact]
    public async Task Adding_the_same_item_twice_stores_it_once()
    {
        var store = await NewStoreAsync();
        var item = Item("Fast delivery, friendly courier");

        var first = await store.AddIfAbsentAsync(item, Now, None);
        var second = await store.AddIfAbsentAsync(item with { Text = item.Text }, Now.AddMinutes(5), None);

        Assert.Equal(FeedbackStage.Ingested, first.Record.Stage);
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Record.UpdatedAt, second.Record.UpdatedAt); // the stored record, not a new one
        var counts = await store.CountByStageAsync(None);
        Assert.Equal(1, counts[FeedbackStage.Ingested]);
    }

    [Fact]
    public async Task Re_adding_a_scored_item_returns_it_scored()
    {
        var store = await NewStoreAsync();
        var item = Item("Great prices");
        await store.AddIfAbsentAsync(item, Now, None);
        await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Scored, Scores(), Now.AddMinutes(1)), None);

        var again = await store.AddIfAbsentAsync(item, Now.AddMinutes(2), None);

        Assert.Equal(FeedbackStage.Scored, again.Record.Stage);
        Assert.NotNull(again.Record.Scores);
        Assert.False(again.Created);
    }

    [Fact]
    public async Task The_stored_stage_of_an_item_follows_its_writes_and_is_none_before_the_first()
    {
        var store = await NewStoreAsync();
        var item = Item("Stage only, please");

        Assert.Null(await store.GetStageAsync(item, None));
        await store.AddIfAbsentAsync(item, Now, None);
        Assert.Equal(FeedbackStage.Ingested, await store.GetStageAsync(item, None));
        await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Scored, Scores(), Now.AddMinutes(1)), None);
        Assert.Equal(FeedbackStage.Scored, await store.GetStageAsync(item, None));
        await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Responded, Scores(), Now.AddMinutes(2)), None);
        Assert.Equal(FeedbackStage.Responded, await store.GetStageAsync(item, None));
    }

    [Fact]
    public async Task Concurrent_adds_of_one_item_create_one_record()
    {
        var store = await NewStoreAsync();
        var item = Item("Webhook delivered eight times at once");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.AddIfAbsentAsync(item, Now.AddSeconds(i), None)));

        Assert.All(results, r => Assert.Equal(item.Id, r.Record.Item.Id));
        Assert.Single(results, r => r.Created);
        Assert.Equal(1, (await store.CountByStageAsync(None)).Values.Sum());
    }

    [Fact]
    public async Task Unknown_id_reads_as_null()
    {
        var store = await NewStoreAsync();

        Assert.Null(await store.GetAsync("test-000000000000000000000000", None));
    }

    [Fact]
    public async Task Upserted_record_reads_back_with_stage_scores_and_error()
    {
        var store = await NewStoreAsync();
        var item = Item("The courier was rude", rating: 1);
        await store.AddIfAbsentAsync(item, Now, None);
        var dead = new FeedbackRecord(item, FeedbackStage.DeadLettered, Scores(SentimentLabel.Negative), Now.AddMinutes(3), "scoring failed 10 times");

        await store.UpsertAsync(dead, None);
        var read = await store.GetAsync(item.Id, None);

        Assert.NotNull(read);
        Assert.Equal(FeedbackStage.DeadLettered, read.Stage);
        Assert.Equal("scoring failed 10 times", read.Error);
        Assert.Equal(item.Text, read.Item.Text);
        Assert.Equal(1, read.Item.Rating);
        Assert.Equal(SentimentLabel.Negative, read.Scores!.Sentiment.Label);
        Assert.Equal("delivery", Assert.Single(read.Scores.Factors).Factor);
        Assert.Equal(item.CreatedAt, read.Item.CreatedAt);
    }

    [Fact]
    public async Task A_scored_record_keeps_the_detectors_drops_and_its_added_mentions_through_the_store()
    {
        var store = await NewStoreAsync();
        var item = Item("Paid by card, the loyalty points came, rude staff", rating: 2);
        await store.AddIfAbsentAsync(item, Now, None);
        // The matrix's guard on the detector reads both (BrandStats.Restored): what the detector dropped and what only it found.
        var scores = Scores(SentimentLabel.Negative) with
        {
            Factors = [new FactorMention("staff", SentimentLabel.Negative, -0.6f, 37, 10), new FactorMention("loyalty", SentimentLabel.Positive, 0.5f, 13, 23) { Added = true }],
            Dropped = [new FactorMention("payment", SentimentLabel.Neutral, 0f, 0, 12)],
        };

        await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Scored, scores, Now.AddMinutes(1)), None);
        var read = (await store.GetAsync(item.Id, None))!.Scores!;

        Assert.Equal(scores.Factors, read.Factors);
        Assert.Equal([false, true], read.Factors.Select(m => m.Added));
        Assert.Equal(scores.Dropped, read.Dropped!);
    }

    [Fact]
    public async Task Upsert_creates_an_item_it_has_not_seen()
    {
        var store = await NewStoreAsync();
        var item = Item("Arrived through a binding first");

        await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Scored, Scores(), Now), None);

        Assert.Equal(FeedbackStage.Scored, (await store.GetAsync(item.Id, None))!.Stage);
    }

    [Fact]
    public async Task Query_returns_the_brand_and_its_competitor_mentions_in_range_oldest_first()
    {
        var store = await NewStoreAsync();
        var from = new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2026, 11, 15, 0, 0, 0, TimeSpan.Zero);
        var plus3 = TimeSpan.FromHours(3);
        FeedbackItem[] inRange =
        [
            Item("October review", createdAt: new DateTimeOffset(2026, 10, 20, 9, 0, 0, TimeSpan.Zero)),
            // 31 Oct 23:30 UTC, written with a +03:00 offset (1 Nov locally): still October in UTC.
            Item("Late October, Moscow time", createdAt: new DateTimeOffset(2026, 11, 1, 2, 30, 0, plus3)),
            Item("Competitor is slow", brand: "Globex", competitorOf: "Acme", createdAt: new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero)),
            Item("November review", createdAt: new DateTimeOffset(2026, 11, 14, 23, 59, 0, TimeSpan.Zero)),
        ];
        FeedbackItem[] outside =
        [
            Item("Too early", createdAt: from.AddSeconds(-1)),
            Item("Exactly at the end", createdAt: to),
            Item("Other brand", brand: "Initech", createdAt: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)),
            Item("Globex's own review", brand: "Globex", createdAt: new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)),
        ];
        foreach (var item in inRange.Reverse().Concat(outside))
            await store.AddIfAbsentAsync(item, Now, None);

        var found = new List<FeedbackRecord>();
        await foreach (var record in store.QueryAsync("Acme", from, to, None))
            found.Add(record);

        Assert.Equal(inRange.Select(i => i.Text), found.Select(r => r.Item.Text));
    }

    [Fact]
    public async Task A_brand_is_one_brand_whatever_its_case_and_keeps_the_name_it_was_given()
    {
        var store = await NewStoreAsync();
        var day = new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
        FeedbackItem[] ours =
        [
            Item("Written as Lavka", brand: "Lavka", createdAt: day),
            Item("Written as lavka", brand: "lavka", createdAt: day.AddHours(1)),
            Item("Written as LAVKA", brand: "LAVKA", createdAt: day.AddHours(2)),
            Item("Competitor named for LaVkA", brand: "Megamart", competitorOf: "LaVkA", createdAt: day.AddHours(3)),
            // Beyond ASCII: invariant case folding, not SQLite's lower().
            Item("Кириллица: ЛАВКА", brand: "ЛАВКА", createdAt: day.AddHours(4)),
            Item("Кириллица: Лавка", brand: "Лавка", competitorOf: null, createdAt: day.AddHours(5)),
        ];
        foreach (var item in ours) await store.AddIfAbsentAsync(item, Now, None);

        async Task<List<FeedbackRecord>> Query(string brand)
        {
            var found = new List<FeedbackRecord>();
            await foreach (var record in store.QueryAsync(brand, day.AddDays(-1), day.AddDays(1), None)) found.Add(record);
            return found;
        }

        foreach (var asked in new[] { "lavka", "Lavka", "LAVKA", " lavka " })
            Assert.Equal(ours[..4].Select(i => (i.Text, i.Brand, i.CompetitorOf)), (await Query(asked)).Select(r => (r.Item.Text, r.Item.Brand, r.Item.CompetitorOf)));
        Assert.Equal(["ЛАВКА", "Лавка"], (await Query("лавка")).Select(r => r.Item.Brand));
    }

    [Fact]
    public async Task Re_adding_an_item_under_another_case_of_its_brand_stores_it_once()
    {
        var store = await NewStoreAsync();
        var item = Item("Same words, same source", brand: "Lavka");
        Assert.Equal(item.Id, Item(item.Text, brand: "LAVKA").Id); // content ids already fold the brand

        await store.AddIfAbsentAsync(item, Now, None);
        var again = await store.AddIfAbsentAsync(Item(item.Text, brand: "LAVKA"), Now.AddMinutes(1), None);

        Assert.Equal("Lavka", again.Record.Item.Brand);
        Assert.Equal(1, (await store.CountByStageAsync(None)).Values.Sum());
    }

    [Fact]
    public async Task Query_by_stage_finds_items_stalled_at_a_stage_up_to_the_limit()
    {
        var store = await NewStoreAsync();
        var cutoff = Now.AddMinutes(-5);
        for (var i = 0; i < 4; i++) await store.AddIfAbsentAsync(Item($"stalled {i}"), Now.AddMinutes(-30 + i), None);
        await store.AddIfAbsentAsync(Item("fresh"), Now, None);
        var moved = Item("moved on");
        await store.AddIfAbsentAsync(moved, Now.AddMinutes(-30), None);
        await store.UpsertAsync(new FeedbackRecord(moved, FeedbackStage.Scored, Scores(), Now.AddMinutes(-20)), None);

        var stalled = new List<FeedbackRecord>();
        await foreach (var record in store.QueryByStageAsync(FeedbackStage.Ingested, cutoff, 10, None)) stalled.Add(record);
        var limited = new List<FeedbackRecord>();
        await foreach (var record in store.QueryByStageAsync(FeedbackStage.Ingested, cutoff, 2, None)) limited.Add(record);

        Assert.Equal(["stalled 0", "stalled 1", "stalled 2", "stalled 3"], stalled.Select(r => r.Item.Text).Order());
        Assert.All(stalled, r => Assert.Equal(FeedbackStage.Ingested, r.Stage));
        Assert.Equal(2, limited.Count);
    }

    [Fact]
    public async Task Count_by_stage_counts_every_stage()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 3; i++) await store.AddIfAbsentAsync(Item($"ingested {i}"), Now, None);
        for (var i = 0; i < 2; i++)
        {
            var item = Item($"scored {i}");
            await store.AddIfAbsentAsync(item, Now, None);
            await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Scored, Scores(), Now), None);
        }
        var responded = Item("responded");
        await store.UpsertAsync(new FeedbackRecord(responded, FeedbackStage.Responded, Scores(), Now), None);

        var counts = await store.CountByStageAsync(None);

        Assert.Equal(3, counts[FeedbackStage.Ingested]);
        Assert.Equal(2, counts[FeedbackStage.Scored]);
        Assert.Equal(1, counts[FeedbackStage.Responded]);
        Assert.False(counts.TryGetValue(FeedbackStage.DeadLettered, out var dead) && dead > 0);
    }
}
