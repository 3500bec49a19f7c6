using System.Net;
using System.Text;
using System.Text.Json;
using Listening.Core.Feedback;
using Microsoft.Azure.Cosmos;

namespace Listening.Storage.Cosmos;

/// <summary>Items taken in for a brand on one UTC day, and the duplicate deliveries absorbed.</summary>
public sealed record IntakeCount(string Brand, DateOnly Day, long Ingested, long Duplicates);

/// <summary>
/// Per-brand, per-day intake counters in the <c>aggregates</c> container (partition <c>/pk</c> =
/// "brand|yyyy-MM", id "intake|brand|yyyy-MM-dd"), kept with Patch increments: no read-modify-write,
/// so concurrent ingests never lose a count and never race on an ETag. The counter document is created
/// on first use (Patch 404 → Create; a concurrent Create's 409 → Patch again). A count is metrics,
/// not state: a crash between the item's create and the increment loses that one increment.
/// </summary>
public sealed class CosmosIntakeCounters(Container container, CosmosRequestCharges charges)
{
    private const int MaxAttempts = 5;

    public async Task CountAsync(FeedbackItem item, bool duplicate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var brand = item.CompetitorOf ?? item.Brand;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var (id, pk) = Key(brand, day);
        var field = duplicate ? "duplicates" : "ingested";
        var patch = new[] { PatchOperation.Increment("/" + field, 1) };
        var noContent = new PatchItemRequestOptions { EnableContentResponseOnWrite = false };
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            using var patched = await container.PatchItemStreamAsync(id, new PartitionKey(pk), patch, noContent, cancellationToken);
            Meter("patch", patched);
            if (patched.IsSuccessStatusCode) return;
            if (patched.StatusCode != HttpStatusCode.NotFound) throw Failure("patch", patched);

            var first = new IntakeDocument(id, pk, brand, day.ToString("yyyy-MM-dd"), duplicate ? 0 : 1, duplicate ? 1 : 0);
            using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(first, IntakeDocument.Json));
            using var created = await container.CreateItemStreamAsync(body, new PartitionKey(pk), new ItemRequestOptions { EnableContentResponseOnWrite = false }, cancellationToken);
            Meter("create", created);
            if (created.IsSuccessStatusCode) return;
            if (created.StatusCode != HttpStatusCode.Conflict) throw Failure("create", created);
        }
        throw new CosmosStoreException($"intake counter {id} kept racing");
    }

    public async Task<IntakeCount> ReadAsync(string brand, DateOnly day, CancellationToken cancellationToken)
    {
        var (id, pk) = Key(brand, day);
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(pk), cancellationToken: cancellationToken);
        Meter("read", response);
        if (response.StatusCode == HttpStatusCode.NotFound) return new IntakeCount(brand, day, 0, 0);
        if (!response.IsSuccessStatusCode) throw Failure("read", response);
        var document = await JsonSerializer.DeserializeAsync<IntakeDocument>(response.Content, IntakeDocument.Json, cancellationToken);
        return new IntakeCount(brand, day, document!.Ingested, document.Duplicates);
    }

    private static (string Id, string Pk) Key(string brand, DateOnly day) =>
        ($"intake|{BrandKey.Of(brand)}|{day:yyyy-MM-dd}", $"{BrandKey.Of(brand)}|{day:yyyy-MM}");

    private void Meter(string operation, ResponseMessage response) =>
        charges.Record(container.Id, operation, response.StatusCode, response.Headers.RequestCharge);

    private static CosmosStoreException Failure(string operation, ResponseMessage response) =>
        new($"Cosmos DB {operation} of an intake counter failed: {(int)response.StatusCode} {response.ErrorMessage}");

    private sealed record IntakeDocument(string Id, string Pk, string Brand, string Day, long Ingested, long Duplicates)
    {
        public string Type => "intake";
        public static JsonSerializerOptions Json => Pipeline.ListeningJson.Options;
    }
}
