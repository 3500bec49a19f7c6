using System.Text.Json;
using Listening.Queues;
using Listening.Storage;

namespace Listening.Pipeline;

/// <summary>The queues between the stages (Service Bus queues on Azure, the SQLite queue locally; infra/main.bicep declares the same).</summary>
public static class PipelineQueues
{
    /// <summary>Items stored by ingest, waiting for <see cref="Scoring.ScoreFeedback"/>.</summary>
    public const string Ingested = "feedback-ingested";

    /// <summary>Scored items, waiting for <see cref="Responses.RespondToAuthor"/>.</summary>
    public const string Scored = "feedback-scored";

    public static IReadOnlyList<string> All { get; } = [Ingested, Scored];
}

/// <summary>
/// The body of a pipeline message: the item's feedback document (<see cref="FeedbackDocument"/>) at the stage it left,
/// sent with the item id as its message id, so the queue's duplicate detection drops a second send of the same item
/// (a redelivered stage that sends again, a requeue of a stalled item whose message is still queued).
/// </summary>
public sealed record FeedbackMessage(FeedbackRecord Record)
{
    public OutgoingMessage ToOutgoing() =>
        new(QueueNames.Bounded(Record.Item.Id), BinaryData.FromString(FeedbackDocument.Serialize(Record))) { Subject = FeedbackDocument.StageName(Record.Stage) };

    /// <summary>The record a message carries; a body that is not a feedback document can never succeed, so it is poison
    /// (dead-lettered at once with the reason, not retried).</summary>
    public static FeedbackRecord Parse(ReceivedMessage message)
    {
        try { return FeedbackDocument.Parse(message.Body.ToMemory().Span); }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw new PoisonMessageException("UnreadableMessage", $"message {message.MessageId} on {message.Queue} is not a feedback document: {e.Message}", e);
        }
    }

    public static IReadOnlyList<OutgoingMessage> Batch(IEnumerable<FeedbackRecord> records) => records.Select(r => new FeedbackMessage(r).ToOutgoing()).ToList();
}
