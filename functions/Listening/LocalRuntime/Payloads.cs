using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Handler;

namespace Listening.LocalRuntime;

/// <summary>The invocation payloads the Functions host sends a custom handler, built for the local shape.</summary>
public static class Payloads
{
    public static byte[] ServiceBus(string function, string binding, QueueMessage message, DateTimeOffset now)
    {
        var metadata = new JsonObject
        {
            ["MessageId"] = message.MessageId,
            ["DeliveryCount"] = message.DeliveryCount,
            ["EnqueuedTimeUtc"] = message.EnqueuedAt.UtcDateTime,
            ["SequenceNumber"] = message.Sequence,
            ["LockToken"] = message.LockToken,
            ["ContentType"] = "application/json",
            ["sys"] = Sys(function, now),
        };
        if (message.DeadLetterReason is not null)
        {
            metadata["DeadLetterReason"] = message.DeadLetterReason;
            metadata["DeadLetterErrorDescription"] = message.LastError;
        }
        // A JSON message body arrives as a JSON-encoded string, as the host sends it.
        return Serialize(new JsonObject { [binding] = message.Body }, metadata);
    }

    public static byte[] Timer(string function, string binding, DateTimeOffset? last, DateTimeOffset next, bool pastDue, DateTimeOffset now) =>
        Serialize(new JsonObject
        {
            [binding] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject { ["Last"] = last?.UtcDateTime, ["Next"] = next.UtcDateTime, ["LastUpdated"] = now.UtcDateTime },
                ["IsPastDue"] = pastDue,
            },
        }, new JsonObject { ["sys"] = Sys(function, now) });

    public static byte[] Http(string function, string binding, HttpRequestData request, DateTimeOffset now) =>
        Serialize(new JsonObject { [binding] = JsonSerializer.SerializeToNode(request, InvocationJson.Options) },
            new JsonObject { ["sys"] = Sys(function, now) });

    private static JsonObject Sys(string function, DateTimeOffset now) => new()
    {
        ["MethodName"] = function,
        ["UtcNow"] = now.UtcDateTime,
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };

    private static byte[] Serialize(JsonObject data, JsonObject metadata) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["Data"] = data, ["Metadata"] = metadata }, InvocationJson.Options);
}
