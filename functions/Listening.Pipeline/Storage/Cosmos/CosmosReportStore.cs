using System.Text.Json.Nodes;
using Listening.Reports;

namespace Listening.Storage.Cosmos;

/// <summary>Scheduled reports in the <c>reports</c> container, partition key <c>/brand</c> (the brand key): an upsert by id.</summary>
public sealed class CosmosReportStore(CosmosDocuments documents) : IReportStore
{
    public Task SaveAsync(JsonObject document, CancellationToken cancellationToken) =>
        documents.UpsertAsync(document, document["brand"]!.GetValue<string>(), cancellationToken);

    public async Task<JsonObject?> GetAsync(string brand, string id, CancellationToken cancellationToken)
    {
        if (await documents.ReadAsync<JsonObject>(id, brand, cancellationToken) is not { } read) return null;
        // Cosmos DB's system properties are not part of the document we wrote.
        foreach (var system in read.Document.Select(p => p.Key).Where(k => k.StartsWith('_')).ToList()) read.Document.Remove(system);
        return read.Document;
    }
}
