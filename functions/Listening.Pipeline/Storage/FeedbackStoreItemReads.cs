using Listening.Core.Feedback;
using Listening.Pipeline;

namespace Listening.Storage;

/// <summary>
/// A store that can read an item more cheaply when it knows the item, not just its id (Cosmos DB:
/// the partition key comes from the item's brand and month, so this is a 1-RU point read instead
/// of a query across partitions).
/// </summary>
public interface IItemAwareFeedbackStore
{
    Task<FeedbackRecord?> GetAsync(FeedbackItem item, CancellationToken cancellationToken);
}

/// <summary>A store that can say how far an item got without reading and parsing its document (SQLite: the indexed
/// <c>stage</c> column). The stages ask this for every message they handle; the document travels in the message.</summary>
public interface IStageAwareFeedbackStore
{
    Task<FeedbackStage?> GetStageAsync(string id, CancellationToken cancellationToken);
}

public static class FeedbackStoreItemReads
{
    /// <summary>The stored record of <paramref name="item"/>: a point read where the store supports it,
    /// else the read by id. Pipeline stages have the item in their message, so they should use this.</summary>
    public static Task<FeedbackRecord?> GetAsync(this IFeedbackStore store, FeedbackItem item, CancellationToken cancellationToken) =>
        store is IItemAwareFeedbackStore aware ? aware.GetAsync(item, cancellationToken) : store.GetAsync(item.Id, cancellationToken);

    /// <summary>The stored stage of <paramref name="item"/>, null when it is not stored: the stage column where the store
    /// has one, else the stored record's stage.</summary>
    public static async Task<FeedbackStage?> GetStageAsync(this IFeedbackStore store, FeedbackItem item, CancellationToken cancellationToken) =>
        store is IStageAwareFeedbackStore aware
            ? await aware.GetStageAsync(item.Id, cancellationToken)
            : (await store.GetAsync(item, cancellationToken))?.Stage;
}
