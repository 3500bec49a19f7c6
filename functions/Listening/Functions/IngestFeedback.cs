using Listening.Core.Channels.Social;
using Listening.Core.Feedback;
using Listening.Handler;
using Listening.Ingest;
using Listening.Storage;
using Microsoft.Extensions.Options;

namespace Listening.Functions;

/// <summary>
/// HTTP POST feedback (one item or an array) → 202 <c>{"ids": [...]}</c> in input order, and one
/// <c>feedback-ingested</c> message per item not yet past ingest. The item is created in the store first and never
/// overwritten, so a re-post, a webhook retry or a concurrent duplicate is the same single item.
/// Every item passes the spam check here, the one entry all channels share (<see cref="SpamScreen"/>): links-only
/// posts and floods are stored with <c>spam</c> set; a cross-posted copy is not stored, and its id in the answer
/// is the id of the item it collapsed into.
/// </summary>
public sealed class IngestFeedback(IFeedbackStore store, SpamScreen spam, IOptions<IngestOptions> options, TimeProvider time) : IFunctionHandler
{
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var http = HttpRequestData.From(request, "req");
        var (dtos, rejection) = FeedbackParser.Parse(http.Header("Content-Type"), http.Body, options.Value);
        if (rejection is not null)
            return new InvocationResult().Output("res", Problem(rejection).ToNode());

        var now = time.GetUtcNow();
        var items = dtos!.Select(d => d.ToItem(now)).ToList();
        var distinct = items.DistinctBy(i => i.Id).ToList();
        var verdicts = await spam.CheckAsync(distinct, cancellationToken);
        var answered = new Dictionary<string, string>(StringComparer.Ordinal);
        var kept = new List<FeedbackItem>(distinct.Count);
        for (var i = 0; i < distinct.Count; i++)
        {
            var (item, verdict) = (distinct[i], verdicts[i]);
            answered[item.Id] = verdict.Kind == SpamKind.CrossPost ? verdict.OriginalId! : item.Id;
            if (verdict.Kind == SpamKind.CrossPost) continue;
            // A sender's own spam mark (a re-import of stored items) stands.
            kept.Add(verdict.IsSpam && item.Spam is null ? item with { Spam = verdict.Reason } : item);
        }
        var records = await Task.WhenAll(kept.Select(i => store.AddIfAbsentAsync(i, now, cancellationToken)));
        var messages = new System.Text.Json.Nodes.JsonArray(records
            .Where(r => r.Stage == FeedbackStage.Ingested)
            .Select(r => (System.Text.Json.Nodes.JsonNode)FeedbackDocument.ToJson(r)).ToArray());
        return new InvocationResult()
            .Output("ingested", messages)
            .Output("res", HttpResponseData.Json(202, new { ids = items.Select(i => answered[i.Id]) }).ToNode());
    }

    private static HttpResponseData Problem(IngestRejection rejection) =>
        HttpResponseData.Json(rejection.Status, new
        {
            type = $"https://httpstatuses.io/{rejection.Status}",
            title = rejection.Title,
            status = rejection.Status,
            detail = rejection.Detail,
            errors = rejection.Errors,
        }, "application/problem+json");
}
