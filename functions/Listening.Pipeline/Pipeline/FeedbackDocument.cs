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
    /// first (every stage writes its record once or twice, so this is on the pipeline's hot path). The UTF-8 is written
    /// into buffers this thread keeps, and decoded once into the one string returned: the growing buffers and the
    /// intermediate strings were a fifth of everything the pipeline allocated (bench/README.md, round 9).</summary>
    private static string Write(FeedbackRecord record)
    {
        var buffers = WriteBuffers ??= new DocumentBuffers();
        var item = buffers.Item;
        var fields = buffers.Fields;
        item.ResetWrittenCount();
        fields.ResetWrittenCount();
        buffers.ItemWriter.Reset(item);
        JsonSerializer.Serialize(buffers.ItemWriter, FeedbackItemDto.From(record.Item, record.Scores), FeedbackItemDto.JsonOptions);
        // The document's own fields follow the item's, inside the same object: written by a second writer without the
        // structure checks (it starts mid-object), spliced in before the item's closing brace.
        var writer = buffers.FieldsWriter;
        writer.Reset(fields);
        writer.WriteString("stage", StageName(record.Stage));
        writer.WriteString("updatedAt", record.UpdatedAt);
        if (record.Error is not null) writer.WriteString("error", record.Error);
        writer.WriteString("pk", FeedbackPartitionKey.For(record.Item));
        writer.WriteString("createdUtc", Utc(record.Item.CreatedAt));
        writer.WriteString("updatedUtc", Utc(record.UpdatedAt));
        writer.Flush();
        var head = item.WrittenSpan[..^1]; // without the closing brace
        var separator = head.Length > 1 ? 1 : 0;
        var headChars = Encoding.UTF8.GetCharCount(head);
        var length = headChars + separator + Encoding.UTF8.GetCharCount(fields.WrittenSpan) + 1;
        return string.Create(length, (buffers, separator, headChars), static (chars, state) =>
        {
            var (buffers, separator, headChars) = state;
            Encoding.UTF8.GetChars(buffers.Item.WrittenSpan[..^1], chars);
            if (separator == 1) chars[headChars] = ',';
            Encoding.UTF8.GetChars(buffers.Fields.WrittenSpan, chars[(headChars + separator)..]);
            chars[^1] = '}';
        });
    }

    /// <summary>One thread's writing buffers (<see cref="Write"/> never yields, so nothing else uses them meanwhile).</summary>
    private sealed class DocumentBuffers
    {
        public readonly ArrayBufferWriter<byte> Item = new(4096);
        public readonly ArrayBufferWriter<byte> Fields = new(256);
        public readonly Utf8JsonWriter ItemWriter;
        public readonly Utf8JsonWriter FieldsWriter;

        public DocumentBuffers()
        {
            ItemWriter = new Utf8JsonWriter(Item, new JsonWriterOptions { Encoder = FeedbackItemDto.JsonOptions.Encoder });
            FieldsWriter = new Utf8JsonWriter(Fields, new JsonWriterOptions { Encoder = FeedbackItemDto.JsonOptions.Encoder, SkipValidation = true });
        }
    }

    [ThreadStatic] private static DocumentBuffers? WriteBuffers;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FeedbackRecord, string> Serialized = new();

    public static FeedbackRecord Parse(string json)
    {
        // One UTF-8 copy (pooled) for both passes of Parse(ReadOnlySpan<byte>).
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try { return Parse(rented.AsSpan(0, Encoding.UTF8.GetBytes(json, rented))); }
        finally { ArrayPool<byte>.Shared.Return(rented); }
    }

    /// <summary>
    /// The record of a document in UTF-8 (a queue message's body as it arrives): the item and its scores deserialized
    /// straight from the bytes, then the document's own top-level fields read by a second, allocation-free pass. The same
    /// record as <see cref="Parse(JsonElement)"/> gives, without the text decoded to a string and re-encoded, and without
    /// the <see cref="JsonDocument"/> tree in between (a stage parses every message it handles: bench/README.md, round 9).
    /// </summary>
    public static FeedbackRecord Parse(ReadOnlySpan<byte> utf8)
    {
        var dto = JsonSerializer.Deserialize<FeedbackItemDto>(utf8, FeedbackItemDto.JsonOptions)
            ?? throw new JsonException("feedback document is null");
        string? stageName = null, error = null;
        DateTimeOffset? updatedAtField = null;
        var reader = new Utf8JsonReader(utf8);
        reader.Read(); // the object's start: the deserialization above proved it is an object
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.ValueTextEquals("stage"u8) ? 1 : reader.ValueTextEquals("updatedAt"u8) ? 2 : reader.ValueTextEquals("error"u8) ? 3 : 0;
            reader.Read();
            var text = reader.TokenType == JsonTokenType.String;
            // A repeated property: the last one counts, as with JsonElement.TryGetProperty (and a non-string one reads as absent).
            if (field == 1) stageName = text ? reader.GetString() : null;
            else if (field == 2) updatedAtField = text ? reader.GetDateTimeOffset() : null;
            else if (field == 3) error = text ? reader.GetString() : null;
            if (!text) reader.Skip(); // past a nested object or array (a no-op on any other value)
        }
        var stage = stageName is null ? FeedbackStage.Ingested : ParseStage(stageName);
        var updatedAt = updatedAtField ?? dto.ReceivedAt ?? dto.CreatedAt ?? DateTimeOffset.UnixEpoch;
        var item = dto.ToItem(dto.CreatedAt ?? updatedAt);
        return new FeedbackRecord(item, stage, dto.ToScores(), updatedAt, error);
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
