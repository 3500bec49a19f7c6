using Listening.Handler;
using Listening.Storage;

namespace Listening.Functions;

/// <summary>GET /api/feedback/{id}: the stored item with its <c>stage</c> and, once scored, its scores.</summary>
public sealed class GetFeedback : IForwardedHttpFunction
{
    public Delegate Endpoint => async (string id, IFeedbackStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } record
            ? Results.Json(FeedbackDocument.ToJson(record), Core.Feedback.FeedbackItemDto.JsonOptions)
            : Results.Problem(statusCode: 404, title: "Not found", detail: $"no feedback item with id '{id}'");
}
