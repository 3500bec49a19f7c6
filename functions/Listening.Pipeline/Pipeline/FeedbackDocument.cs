using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Storage;

namespace Listening.Pipeline;

/// <summary>
/// The JSON document of a <see cref="FeedbackRecord"/> in the `feedback` container: the canonical
/// item shape (<see cref="FeedbackItemDto"/>, scores included once scored) flattened with
/// <c>stage</c>, <c>updatedAt</c> and <c>error</c>, plus the container's own fields <c>pk</c>
/// (<see cref="FeedbackPartitionKey"/>), <c>createdUtc</c> and <c>updatedUtc</c> (fixed-width UTC, so
/// range filters and ORDER BY compare instants whatever the offsets). Both store adapters, the
/// Cosmos DB output bindings and the pipeline's queue messages use exactly this shape — one mapping,
/// so a document written by a binding lands in the partition the Cosmos DB adapter reads.
/// </summary>
public static class FeedbackDocument
{
    public static JsonObject ToJson(FeedbackRecord record)
    {
        var json = JsonSerializer.SerializeToNode(FeedbackItemDto.From(record.Item, record.Scores), FeedbackItemDto.JsonOptions)!.AsObject();
        json["stage"] = StageName(record.Stage);
        json["updatedAt"] = record.UpdatedAt;
        if (record.Error is not null) json["error"] = record.Error;
        json["pk"] = FeedbackPartitionKey.For(record.Item);
        json["createdUtc"] = Utc(record.Item.CreatedAt);
        json["updatedUtc"] = Utc(record.UpdatedAt);
        return json;
    }

    /// <summary>An instant as a fixed-width UTC string: ordinal order = time order.</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The document as JSON text. Remembered per record instance: a stage writes the same record to the store
    /// and into its next message, and serializing it once saves a third of a stage's JSON work.</summary>
    public static string Serialize(FeedbackRecord record) => Serialized.GetValue(record, static r => Write(r));

    /// <summary>The same text as <see cref="ToJson"/> gives, written straight from the DTO without building the node tree
    /// first (every stage writes its record once or twice, so this is on the pipeline's hot path).</summary>
    private static string Write(FeedbackRecord record)
    {
        var item = new ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(item, new JsonWriterOptions { Encoder = FeedbackItemDto.JsonOptions.Encoder }))
            JsonSerializer.Serialize(writer, FeedbackItemDto.From(record.Item, record.Scores), FeedbackItemDto.JsonOptions);
        // The document's own fields follow the item's, inside the same object: written by a second writer without the
        // structure checks (it starts mid-object), spliced in before the item's closing brace.
        var fields = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(fields, new JsonWriterOptions { Encoder = FeedbackItemDto.JsonOptions.Encoder, SkipValidation = true }))
        {
            writer.WriteString("stage", StageName(record.Stage));
            writer.WriteString("updatedAt", record.UpdatedAt);
            if (record.Error is not null) writer.WriteString("error", record.Error);
            writer.WriteString("pk", FeedbackPartitionKey.For(record.Item));
            writer.WriteString("createdUtc", Utc(record.Item.CreatedAt));
            writer.WriteString("updatedUtc", Utc(record.UpdatedAt));
        }
        var head = item.WrittenSpan[..^1]; // without the closing brace
        var separator = head.Length > 1 ? "," : "";
        return string.Concat(Encoding.UTF8.GetString(head), separator, Encoding.UTF8.GetString(fields.WrittenSpan), "}");
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FeedbackRecord, string> Serialized = new();

    public static FeedbackRecord Parse(string json)
    {
        // Disposed: a JsonDocument rents its buffers from the shared pool, and one left to the GC never returns them.
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    public static FeedbackRecord Parse(JsonElement json)
    {
        var dto = json.Deserialize<FeedbackItemDto>(FeedbackItemDto.JsonOptions)
            ?? throw new JsonException("feedback document is null");
        var stage = json.TryGetProperty("stage", out var s) && s.ValueKind == JsonValueKind.String
            ? ParseStage(s.GetString()!) : FeedbackStage.Ingested;
        var updatedAt = json.TryGetProperty("updatedAt", out var u) && u.ValueKind == JsonValueKind.String
            ? u.GetDateTimeOffset() : dto.ReceivedAt ?? dto.CreatedAt ?? DateTimeOffset.UnixEpoch;
        var error = json.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var item = dto.ToItem(dto.CreatedAt ?? updatedAt);
        return new FeedbackRecord(item, stage, dto.ToScores(), updatedAt, error);
    }

    public static string StageName(FeedbackStage stage) => stage switch
    {
        FeedbackStage.Ingested => "ingested",
        FeedbackStage.Scored => "scored",
        FeedbackStage.Responded => "responded",
        FeedbackStage.DeadLettered => "dead-lettered",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static FeedbackStage ParseStage(string name) => name switch
    {
        "ingested" => FeedbackStage.Ingested,
        "scored" => FeedbackStage.Scored,
        "responded" => FeedbackStage.Responded,
        "dead-lettered" => FeedbackStage.DeadLettered,
        _ => throw new JsonException($"unknown stage '{name}'"),
    };
}
