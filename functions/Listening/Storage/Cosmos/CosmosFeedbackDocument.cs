using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;

namespace Listening.Storage.Cosmos;

/// <summary>
/// A <see cref="FeedbackDocument"/> as stored in Cosmos DB: the same JSON plus <c>pk</c> (the partition
/// key, <see cref="FeedbackPartitionKey"/>) and <c>createdUtc</c> (creation instant as a fixed-width
/// UTC string, so range filters and ORDER BY compare instants even when items carry different offsets).
/// Whatever writes the <c>feedback</c> container — this adapter or a Cosmos DB output binding — must
/// write this shape.
/// </summary>
public static class CosmosFeedbackDocument
{
    public static JsonObject ToJson(FeedbackRecord record) => Stamp(FeedbackDocument.ToJson(record), record.Item);

    /// <summary>Adds <c>pk</c> and <c>createdUtc</c> to a <see cref="FeedbackDocument"/> of <paramref name="item"/>
    /// (what a handler must do to a document it hands to the Cosmos DB output binding).</summary>
    public static JsonObject Stamp(JsonObject document, FeedbackItem item)
    {
        document["pk"] = FeedbackPartitionKey.For(item);
        document["createdUtc"] = CreatedUtc(item.CreatedAt);
        return document;
    }

    public static string CreatedUtc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static MemoryStream ToStream(FeedbackRecord record)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            ToJson(record).WriteTo(writer, FeedbackItemDto.JsonOptions);
        stream.Position = 0;
        return stream;
    }
}
