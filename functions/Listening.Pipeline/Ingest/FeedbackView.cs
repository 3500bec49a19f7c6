using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Access;
using Listening.Core.Feedback;
using Listening.Pipeline;
using Listening.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Listening.Ingest;

/// <summary>
/// <c>GET /api/feedback/{id}</c>: an item as the API shows it — the canonical item fields (never the store's own <c>pk</c>,
/// <c>createdUtc</c>, <c>updatedUtc</c>, <c>authorKeys</c>), its <c>stage</c>, <c>updatedAt</c> and last <c>error</c>. The
/// personal data — text, author, url, external id — only for a caller with the read-items role; an ingest caller following its
/// items sees the rest.
/// </summary>
public static class FeedbackView
{
    private static readonly string[] Personal = ["text", "author", "url", "externalId"];

    public static async Task<Results<Ok<JsonObject>, ProblemHttpResult>> GetAsync(string id, HttpContext context, IFeedbackStore store,
        CancellationToken cancellationToken)
    {
        if (!Identifiers.IsId(id) || await store.GetAsync(id, cancellationToken) is not { } record)
            return Problems.Of(404, "Not found", "no feedback item with this id");
        return TypedResults.Ok(Of(record, context.Caller().Has(AccessRole.ReadItems)));
    }

    public static JsonObject Of(FeedbackRecord record, bool personal)
    {
        var json = JsonSerializer.SerializeToNode(FeedbackItemDto.From(record.Item, record.Scores), FeedbackItemDto.JsonOptions)!.AsObject();
        json["stage"] = FeedbackDocument.StageName(record.Stage);
        json["updatedAt"] = record.UpdatedAt;
        if (record.Error is not null) json["error"] = record.Error;
        if (!personal) foreach (var field in Personal) json.Remove(field);
        return json;
    }
}
