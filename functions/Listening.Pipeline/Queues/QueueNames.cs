using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Listening.Queues;

/// <summary>Queue addressing and message ids, the same for both adapters.</summary>
public static class QueueNames
{
    /// <summary>How Service Bus addresses a queue's dead-letter sub-queue.</summary>
    public const string DeadLetterSuffix = "/$DeadLetterQueue";

    /// <summary>Service Bus refuses longer message ids.</summary>
    public const int MaxMessageIdLength = 128;

    public static string DeadLetterQueueOf(string queue) => IsDeadLetterQueue(queue) ? queue : queue + DeadLetterSuffix;

    public static bool IsDeadLetterQueue(string queue) => queue.EndsWith(DeadLetterSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The main queue of a queue or dead-letter queue name.</summary>
    public static string MainQueueOf(string queue) => IsDeadLetterQueue(queue) ? queue[..^DeadLetterSuffix.Length] : queue;

    /// <summary>The body's top-level <c>id</c> when it is a JSON object with one (a feedback item's deterministic id),
    /// else a hash of the body: what the pipeline sets as the message id.</summary>
    public static string MessageIdOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(id.GetString()))
                return Bounded(id.GetString()!);
        }
        catch (JsonException) { }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>The id a replayed dead letter is sent with: deterministic per dead letter, so a replay retried after a
    /// crash is dropped as a duplicate, and different from the original id, which duplicate detection would drop.</summary>
    public static string ReplayIdOf(string messageId, long deadLetterSequenceNumber) =>
        Bounded($"{messageId}:replay:{deadLetterSequenceNumber}");

    /// <summary>An id Service Bus accepts: longer ones are replaced by their hash.</summary>
    public static string Bounded(string messageId) => messageId.Length <= MaxMessageIdLength
        ? messageId
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(messageId)));
}
