using Listening.Core.Feedback;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Listening.Tests.Pipeline;

/// <summary>The dead-letter recorder on the real SQLite queue and store.</summary>
public sealed class DeadLetterRecorderTests : IAsyncLifetime
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), $"listening-dlr-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private SqliteDatabase database = null!;

    public Task InitializeAsync()
    {
        database = new SqliteDatabase(Path.Combine(dir, "listening.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await database.DisposeAsync();
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Every_dead_letter_is_recorded_even_when_the_queue_holds_more_than_one_run_may_take()
    {
        var queue = new SqliteQueue(database, Options.Create(new SqliteQueueOptions { RetryDelay = TimeSpan.Zero }), time);
        var store = new SqliteFeedbackStore(database);
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var item = new FeedbackItem($"api-{i:D4}", FeedbackKind.Review, "api", "lavka", $"text {i}", time.GetUtcNow());
            var added = await store.AddIfAbsentAsync(item, time.GetUtcNow(), CancellationToken.None);
            await queue.SendAsync(PipelineQueues.Ingested, [OutgoingMessage.ForJson(FeedbackDocument.Serialize(added.Record))], CancellationToken.None);
            ids.Add(item.Id);
        }
        foreach (var message in await queue.ReceiveAsync(PipelineQueues.Ingested, 10, TimeSpan.Zero, CancellationToken.None))
            await queue.DeadLetterAsync(message, "PoisonMessage", "cannot be scored", CancellationToken.None);

        var recorder = new DeadLetterRecorder(queue, store, time, NullLogger<DeadLetterRecorder>.Instance);
        // Each run may mark at most 3: the seven letters take three runs, and later runs find nothing new.
        Assert.Equal(3, await recorder.RecordAsync(PipelineQueues.Ingested, 3, CancellationToken.None));
        Assert.Equal(3, await recorder.RecordAsync(PipelineQueues.Ingested, 3, CancellationToken.None));
        Assert.Equal(1, await recorder.RecordAsync(PipelineQueues.Ingested, 3, CancellationToken.None));
        Assert.Equal(0, await recorder.RecordAsync(PipelineQueues.Ingested, 3, CancellationToken.None));

        foreach (var id in ids)
        {
            var stored = await store.GetAsync(id, CancellationToken.None);
            Assert.Equal(FeedbackStage.DeadLettered, stored!.Stage);
            Assert.Equal("PoisonMessage: cannot be scored", stored.Error);
        }
    }
}
