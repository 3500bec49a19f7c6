namespace Listening.Erasure;

/// <summary>
/// The erasure tombstones: keyed hashes (<see cref="PersonKeys"/>) of every identifier of every erased person, written first
/// by an erasure and read by every stage before it writes or sends, so an item in flight cannot bring an erased person
/// back. Adapters: SQLite (table <c>erased_identities</c>, checked inside the stages' own transactions) and Cosmos DB (one
/// document per key in <c>aggregates</c>, checked before and after each write).
/// </summary>
public interface IErasureRegistry
{
    /// <summary>Which of <paramref name="keys"/> are tombstones.</summary>
    Task<IReadOnlySet<string>> ErasedAmongAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Records tombstones (idempotent).</summary>
    Task RecordAsync(IEnumerable<string> keys, DateTimeOffset now, CancellationToken cancellationToken);

    async Task<bool> IsErasedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken) =>
        keys.Count > 0 && (await ErasedAmongAsync(keys, cancellationToken)).Count > 0;
}
