using System.Net;
using System.Text.Json.Nodes;
using Listening.Erasure;

namespace Listening.Storage.Cosmos;

/// <summary>
/// The erasure tombstones on Cosmos DB: one small document per keyed identifier in the <c>aggregates</c> container, in its
/// own logical partition (<c>id</c> = <c>pk</c> = <c>tombstone|{key}</c>), so a check is one 1-RU point read per key and a
/// record is a create (409 = recorded before). Keys are HMACs (<see cref="PersonKeys"/>): a tombstone keeps nothing readable
/// of the person. No TTL: an erasure holds for as long as the data could come back.
/// </summary>
public sealed class CosmosErasures(CosmosDocuments aggregates) : IErasureRegistry
{
    public async Task<IReadOnlySet<string>> ErasedAmongAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var reads = await Task.WhenAll(keys.Distinct(StringComparer.Ordinal).Select(async key =>
            (Key: key, Found: await aggregates.ReadAsync<JsonObject>(IdOf(key), IdOf(key), cancellationToken) is not null)));
        return reads.Where(r => r.Found).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
    }

    public async Task RecordAsync(IEnumerable<string> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            var id = IdOf(key);
            var status = await aggregates.CreateAsync(new JsonObject { ["id"] = id, ["pk"] = id, ["type"] = "tombstone", ["atUtc"] = ResponseDocuments.Utc(now) }, id, cancellationToken);
            if (status is not (HttpStatusCode.Created or HttpStatusCode.Conflict)) throw new CosmosStoreException($"recording a tombstone answered {status}");
        }
    }

    private static string IdOf(string key) => $"tombstone|{key}";
}
