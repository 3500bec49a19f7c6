using System.Globalization;
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
    public static string Serialize(FeedbackRecord record) =>
        Serialized.GetValue(record, static r => ToJson(r).ToJsonString(FeedbackItemDto.JsonOptions));

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
