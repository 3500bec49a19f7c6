using System.Text.Json;
using Listening.Core.Feedback;
using Listening.Pipeline;

namespace Listening.Storage.Cosmos;

/// <summary>
/// A <see cref="FeedbackDocument"/> as the Cosmos DB SDK's stream API takes it. The shape — <c>pk</c>,
/// <c>createdUtc</c>, <c>updatedUtc</c> included — is <see cref="FeedbackDocument.ToJson"/>, the same mapping the
/// handlers give the <c>feedback</c> output binding, so adapter and binding cannot write different documents.
/// </summary>
public static class CosmosFeedbackDocument
{
    /// <inheritdoc cref="FeedbackDocument.Utc"/>
    public static string Utc(DateTimeOffset instant) => FeedbackDocument.Utc(instant);

    public static byte[] ToBytes(FeedbackRecord record, IReadOnlyList<string>? authorKeys = null) => ToStream(record, authorKeys).ToArray();

    /// <summary>The document; with <paramref name="authorKeys"/> (the keyed hashes of its author's identifiers,
    /// <see cref="Erasure.PersonKeys.IndexKeys(FeedbackItem)"/>) as <c>authorKeys</c>, the index an erasure finds the
    /// person's items by.</summary>
    public static MemoryStream ToStream(FeedbackRecord record, IReadOnlyList<string>? authorKeys = null)
    {
        var stream = new MemoryStream();
        var json = FeedbackDocument.ToJson(record);
        if (authorKeys is { Count: > 0 }) json["authorKeys"] = new System.Text.Json.Nodes.JsonArray(authorKeys.Select(k => (System.Text.Json.Nodes.JsonNode?)k).ToArray());
        using (var writer = new Utf8JsonWriter(stream))
            json.WriteTo(writer, FeedbackItemDto.JsonOptions);
        stream.Position = 0;
        return stream;
    }
}
