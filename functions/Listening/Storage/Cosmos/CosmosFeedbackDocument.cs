using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;

namespace Listening.Storage.Cosmos;

/// <summary>
/// A <see cref="FeedbackDocument"/> as stored in Cosmos DB: the same JSON plus <c>pk</c> (the partition
/// key, <see cref="FeedbackPartitionKey"/>), <c>createdUtc</c> and <c>updatedUtc</c> (the instants as fixed-width
/// UTC strings, so range filters and ORDER BY compare instants even when items carry different offsets).
/// Whatever writes the <c>feedback</c> container — this adapter or a Cosmos DB output binding — must
/// write this shape.
/// </summary>
public static class CosmosFeedbackDocument
{
    /// <summary>The document to store — and to hand to the Cosmos DB output binding of the <c>feedback</c> container.</summary>
    public static JsonObject ToJson(FeedbackRecord record)
    {
        var document = FeedbackDocument.ToJson(record);
        document["pk"] = FeedbackPartitionKey.For(record.Item);
        document["createdUtc"] = Utc(record.Item.CreatedAt);
        document["updatedUtc"] = Utc(record.UpdatedAt);
        return document;
    }

    /// <summary>An instant as a fixed-width UTC string: ordinal order = time order.</summary>
    public static string Utc(DateTimeOffset instant) =>
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
