using System.Text.Json.Nodes;
using Listening.Reports;

namespace Listening.Storage.Sqlite;

/// <summary>Scheduled reports in the local document table (container <c>reports</c>), replaced by id.</summary>
public sealed class SqliteReportStore(SqliteDatabase database) : IReportStore
{
    public const string Container = "reports";

    public Task SaveAsync(JsonObject document, CancellationToken cancellationToken)
    {
        var id = document["id"]!.GetValue<string>();
        var json = document.ToJsonString();
        return database.WriteAsync(tx => { SqliteDocuments.Upsert(tx, Container, id, json, default); return 0; }, cancellationToken);
    }

    public Task<JsonObject?> GetAsync(string brand, string id, CancellationToken cancellationToken) =>
        database.ReadAsync(c => SqliteDocuments.Get(c, Container, id) is { } json ? JsonNode.Parse(json) as JsonObject : null, cancellationToken);
}
