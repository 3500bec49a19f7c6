using Listening.Core.Feedback;
using Listening.Pipeline;

namespace Listening.Storage;

/// <summary>What <see cref="IFeedbackStore.AddIfAbsentAsync"/> found: the stored record, and whether this call created it.</summary>
public sealed record FeedbackAdded(FeedbackRecord Record, bool Created);

/// <summary>
/// Where feedback items live between and after the stages: the `feedback` container
/// (one document per item, <c>id</c> = <see cref="FeedbackItem.Id"/>, partition key <c>/pk</c> = report brand + UTC
/// month, <see cref="FeedbackPartitionKey"/>). Two adapters: SQLite for the local shape, Cosmos DB on Azure.
/// The stages read through it, create an item on ingest without ever overwriting a later stage, and write the stage
/// they reach (an upsert of <see cref="FeedbackDocument"/>).
/// </summary>
public interface IFeedbackStore
{
    /// <summary>Creates the item at stage <see cref="FeedbackStage.Ingested"/> unless a document with its
    /// id exists; returns the stored record either way (so a re-post never moves an item back a stage) and whether
    /// this call created it. Cosmos: CreateItem, 409 → point read.</summary>
    Task<FeedbackAdded> AddIfAbsentAsync(FeedbackItem item, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Upsert keyed by id. An item that reached <see cref="FeedbackStage.Responded"/> is not moved back by a
    /// late write of an earlier stage on Cosmos DB (ETag-checked); SQLite writes in one transaction per stage.</summary>
    Task UpsertAsync(FeedbackRecord record, CancellationToken cancellationToken);

    /// <summary>Read by id; null when absent. On Cosmos DB a query across partitions (the id alone does not name
    /// the partition): stages that have the item use <see cref="FeedbackStoreItemReads.GetAsync"/>, a point read.</summary>
    Task<FeedbackRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Items about <paramref name="brand"/> and about its named competitors
    /// (<see cref="FeedbackItem.CompetitorOf"/> = brand) created in [from, to), oldest first.</summary>
    IAsyncEnumerable<FeedbackRecord> QueryAsync(string brand, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> items at <paramref name="stage"/> last updated before <paramref name="updatedBefore"/>
    /// (finds items whose next message was lost).</summary>
    IAsyncEnumerable<FeedbackRecord> QueryByStageAsync(FeedbackStage stage, DateTimeOffset updatedBefore, int max, CancellationToken cancellationToken);

    /// <summary>Item count per stage (stages with no items may be absent).</summary>
    Task<IReadOnlyDictionary<FeedbackStage, long>> CountByStageAsync(CancellationToken cancellationToken);
}
