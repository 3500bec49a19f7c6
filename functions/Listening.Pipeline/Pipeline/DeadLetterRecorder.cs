using System.Collections.Concurrent;
using Listening.Queues;
using Listening.Storage;

namespace Listening.Pipeline;

/// <summary>
/// Marks the items whose messages were dead-lettered: stage <c>dead-lettered</c> with the reason and the last error, so
/// <c>GET /api/feedback/{id}</c> and <c>/api/status</c> show them. It only reads the dead-letter queues (peek): the dead
/// letters stay there for an operator (<c>listening deadletters list|replay</c>); a replay sends the message back to
/// its queue and the stage takes the item up again. An item already answered is left alone.
/// </summary>
public sealed partial class DeadLetterRecorder(IDeadLetters deadLetters, IFeedbackStore store, TimeProvider time, ILogger<DeadLetterRecorder> logger)
{
    public const string Name = "RecordDeadLetters";
    private const int MaxRemembered = 100_000;
    private const int PageSize = 250;

    // Dead letters this process has recorded (queue, sequence number): a later run skips them without a store read.
    private readonly ConcurrentDictionary<(string Queue, long Sequence), byte> recorded = new();

    /// <summary>Records the dead letters of every pipeline queue not recorded yet; returns how many items it marked.</summary>
    public async Task<int> RecordAsync(int max, CancellationToken cancellationToken)
    {
        var marked = 0;
        foreach (var queue in PipelineQueues.All) marked += await RecordAsync(queue, max, cancellationToken);
        return marked;
    }

    /// <summary>
    /// Pages through the whole dead-letter queue (letters already recorded cost no store read) and records at most
    /// <paramref name="max"/> new ones. A sequence cursor would be cheaper but could skip a message dead-lettered after
    /// a later one (its sequence number is older), so every run reads from the start.
    /// </summary>
    public async Task<int> RecordAsync(string queue, int max, CancellationToken cancellationToken)
    {
        var marked = 0;
        var handled = 0;
        long from = 0;
        while (handled < max)
        {
            var page = await deadLetters.ListAsync(queue, from, PageSize, cancellationToken);
            if (page.Count == 0) break;
            from = page[^1].SequenceNumber + 1;
            foreach (var letter in page)
            {
                if (handled >= max) break;
                if (recorded.ContainsKey((queue, letter.SequenceNumber))) continue;
                handled++;
                marked += await RecordLetterAsync(queue, letter, cancellationToken);
            }
            if (page.Count < PageSize) break;
        }
        return marked;
    }

    private async Task<int> RecordLetterAsync(string queue, DeadLetter letter, CancellationToken cancellationToken)
    {
        FeedbackRecord incoming;
        try { incoming = Pipeline.FeedbackDocument.Parse(letter.Body.ToString()); }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            // Not a feedback document: nothing to mark; it stays in the dead-letter queue for an operator.
            Remember(queue, letter.SequenceNumber);
            return 0;
        }
        var stored = await store.GetAsync(incoming.Item, cancellationToken) ?? incoming;
        var error = ErrorOf(letter);
        var marked = 0;
        if (stored.Stage != FeedbackStage.Responded && !(stored.Stage == FeedbackStage.DeadLettered && stored.Error == error))
        {
            await store.UpsertAsync(stored with { Stage = FeedbackStage.DeadLettered, UpdatedAt = time.GetUtcNow(), Error = error }, cancellationToken);
            LogMarked(logger, queue, letter.Reason ?? "dead-lettered");
            marked = 1;
        }
        Remember(queue, letter.SequenceNumber); // only once the store has it: a failed write is retried next run
        return marked;
    }

    /// <summary>"reason: description; last error" — what the item shows as its error.</summary>
    public static string ErrorOf(DeadLetter letter)
    {
        var details = new[] { letter.Description, letter.LastError }.Where(d => !string.IsNullOrWhiteSpace(d)).Distinct().ToList();
        var reason = letter.Reason ?? "dead-lettered";
        return details.Count == 0 ? reason : $"{reason}: {string.Join("; ", details)}";
    }

    private void Remember(string queue, long sequence)
    {
        if (recorded.Count >= MaxRemembered) recorded.Clear();
        recorded[(queue, sequence)] = 0;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An item of {Queue} was dead-lettered ({Reason}); marked")]
    private static partial void LogMarked(ILogger logger, string queue, string reason);
}
