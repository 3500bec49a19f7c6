using System.Text.Json.Nodes;
using Listening.Reports;

namespace Listening.Storage.Cosmos;

/// <summary>Scheduled reports in the <c>reports</c> container, partition key <c>/brand</c> (the brand key): an upsert by id.</summary>
public sealed class CosmosReportStore(CosmosDocuments documents) : IReportStore
{
    public Task SaveAsync(JsonObject document, CancellationToken cancellationToken) =>
        documents.UpsertAsync(document, document["brand"]!.GetValue<string>(), cancellationToken);
}
