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

    public static byte[] ToBytes(FeedbackRecord record) => ToStream(record).ToArray();

    public static MemoryStream ToStream(FeedbackRecord record)
    {
        var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
            FeedbackDocument.ToJson(record).WriteTo(writer, FeedbackItemDto.JsonOptions);
        stream.Position = 0;
        return stream;
    }
}
