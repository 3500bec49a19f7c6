using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Listening.Tests.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Listening.Tests.Stores.Sqlite;

/// <summary>
/// The stage commit that reads the item's stage in its own transaction (<see cref="IStageCommit.CommitUnlessAsync"/>): the
/// stages ask it instead of reading the stage first, so what it skips must leave everything as it was.
/// </summary>
public sealed class SqliteStageCommitTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"listening-stagecommit-{Guid.NewGuid():N}");
    private SqliteDatabase database = null!;
    private SqliteQueue queue = null!;
    private SqliteFeedbackStore store = null!;
    private SqliteStageCommit commit = null!;

    public Task InitializeAsync()
    {
        database = new SqliteDatabase(Path.Combine(dir, "listening.db"));
        queue = new SqliteQueue(database, Options.Create(new SqliteQueueOptions { MaxPollInterval = TimeSpan.FromMilliseconds(20) }), TimeProvider.System);
        store = new SqliteFeedbackStore(database);
        commit = new SqliteStageCommit(database, queue, TestKeys.Person);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    private static FeedbackItem Item(string text) =>
        new(FeedbackIds.Derive("test", null, "Acme", text), FeedbackKind.Review, "test", "Acme", text, Now.AddDays(-1), Rating: 4, Channel: "reviews", ReceivedAt: Now);

    private static FeedbackScores Scores() =>
        new("en", new SentimentScore(SentimentLabel.Positive, 0.8f, 0.1f, 0.1f, 0.8f), []);

    private async Task<ReceivedMessage> ReceivedAsync(FeedbackRecord record)
    {
        await queue.SendAsync(PipelineQueues.Ingested, [new FeedbackMessage(record).ToOutgoing()], None);
        return Assert.Single(await queue.ReceiveAsync(PipelineQueues.Ingested, 1, TimeSpan.FromSeconds(5), None));
    }

    private static StageMessages Next(FeedbackRecord record) => new(PipelineQueues.Scored, [new FeedbackMessage(record).ToOutgoing()]);

    private static readonly FeedbackStage[] ScoredOrLater = [FeedbackStage.Scored, FeedbackStage.Responded];

    [Fact]
    public async Task A_commit_the_stored_stage_does_not_skip_writes_the_record_sends_and_completes_its_input()
    {
        var ingested = new FeedbackRecord(Item("Friendly staff"), FeedbackStage.Ingested, null, Now);
        await commit.IngestAsync([ingested.Item], Now, None);
        var input = Assert.Single(await queue.ReceiveAsync(PipelineQueues.Ingested, 1, TimeSpan.FromSeconds(5), None));
        var scored = ingested with { Stage = FeedbackStage.Scored, Scores = Scores(), UpdatedAt = Now.AddMinutes(1) };

        var stage = await commit.CommitUnlessAsync(input, scored, Next(scored), ScoredOrLater, None);

        Assert.Null(stage);
        Assert.Equal(FeedbackStage.Scored, await store.GetStageAsync(scored.Item.Id, None));
        Assert.Single(await queue.ReceiveAsync(PipelineQueues.Scored, 10, TimeSpan.FromSeconds(5), None));
        Assert.Empty(await queue.ReceiveAsync(PipelineQueues.Ingested, 10, TimeSpan.Zero, None));
        await Assert.ThrowsAsync<MessageLockLostException>(() => queue.CompleteAsync(input, None)); // completed by the commit
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // with an erasure on file the commit reads the stage first (the erased-record path writes before the upsert)
    public async Task A_commit_the_stored_stage_skips_writes_sends_and_completes_nothing_and_returns_that_stage(bool anyErasure)
    {
        if (anyErasure) await database.WriteAsync(tx => { SqliteErasures.Record(tx, ["someone-else"], Now); return 0; });
        var item = Item("Slow delivery");
        var responded = new FeedbackRecord(item, FeedbackStage.Responded, Scores(), Now.AddMinutes(2));
        await store.UpsertAsync(responded, None);
        var input = await ReceivedAsync(new FeedbackRecord(item, FeedbackStage.Ingested, null, Now));
        var scored = new FeedbackRecord(item, FeedbackStage.Scored, Scores(), Now.AddMinutes(3));

        var stage = await commit.CommitUnlessAsync(input, scored, Next(scored), ScoredOrLater, None);

        Assert.Equal(FeedbackStage.Responded, stage);
        Assert.Equal(responded.UpdatedAt, (await store.GetAsync(item.Id, None))!.UpdatedAt); // never moved back
        Assert.Empty(await queue.ReceiveAsync(PipelineQueues.Scored, 10, TimeSpan.Zero, None));
        await queue.CompleteAsync(input, None); // still held by this stage: the caller settles it
    }

    [Fact]
    public async Task A_commit_skipped_at_one_stage_still_writes_over_another()
    {
        var item = Item("Rude courier");
        await store.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Scored, Scores(), Now.AddMinutes(1)), None);
        var input = await ReceivedAsync(new FeedbackRecord(item, FeedbackStage.Scored, Scores(), Now.AddMinutes(1)));
        var answered = new FeedbackRecord(item, FeedbackStage.Responded, Scores(), Now.AddMinutes(2));

        var stage = await commit.CommitUnlessAsync(input, answered, null, [FeedbackStage.Responded], None);

        Assert.Null(stage);
        Assert.Equal(FeedbackStage.Responded, await store.GetStageAsync(item.Id, None));
        Assert.Equal(FeedbackStage.Responded, await commit.CommitUnlessAsync(input, answered, null, [FeedbackStage.Responded], None));
    }

    [Fact]
    public async Task A_commit_for_an_item_not_stored_reads_no_stage_and_writes_it()
    {
        var item = Item("Great prices");
        var input = await ReceivedAsync(new FeedbackRecord(item, FeedbackStage.Ingested, null, Now));
        var scored = new FeedbackRecord(item, FeedbackStage.Scored, Scores(), Now.AddMinutes(1));

        var stage = await commit.CommitUnlessAsync(input, scored, null, ScoredOrLater, None);

        Assert.Null(stage);
        Assert.Equal(FeedbackStage.Scored, await store.GetStageAsync(item.Id, None));
    }

    [Fact]
    public async Task Ingest_of_an_item_already_stored_queues_no_second_message_however_many_posts_race()
    {
        var item = Item("Same review from an eager webhook");

        var added = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => commit.IngestAsync([item], Now, None)));
        await commit.IngestAsync([item], Now.AddMinutes(20), None); // past the queue's duplicate-detection window

        Assert.Equal(1, added.Count(a => Assert.Single(a).Created));
        var queued = Assert.Single(await queue.ReceiveAsync(PipelineQueues.Ingested, 10, TimeSpan.FromSeconds(5), None));
        Assert.Equal(QueueNames.Bounded(item.Id), queued.MessageId);
        Assert.Equal(item.Id, FeedbackMessage.Parse(queued).Item.Id);
    }

    [Fact]
    public async Task The_stalled_item_timer_sends_nothing_when_ingest_queues_each_item_with_its_store_write()
    {
        var item = Item("Waiting behind a long backlog");
        await commit.IngestAsync([item], Now, None);
        var stalled = new RequeueStalledFeedback(store, queue, commit, Options.Create(new StalledFeedbackOptions { StalledAfter = TimeSpan.Zero }),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<RequeueStalledFeedback>.Instance);

        Assert.Equal(0, await stalled.RunAsync(None));
        Assert.Single(await queue.ReceiveAsync(PipelineQueues.Ingested, 10, TimeSpan.FromSeconds(5), None));
    }
}
