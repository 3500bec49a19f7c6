using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Listening.Storage.Cosmos;

/// <summary>
/// Meters the request units (RU) every Cosmos DB call is charged: counter
/// <c>listening.cosmos.request_units</c> and <c>listening.cosmos.operations</c>, tagged with the
/// container, the operation and the status code (Application Insights collects both on Azure),
/// plus a debug log line per call. The cost model in docs/azure.md is read off these counters.
/// </summary>
public sealed partial class CosmosRequestCharges
{
    public const string MeterName = "Listening.Cosmos";

    private readonly Counter<double> requestUnits;
    private readonly Counter<long> operations;
    private readonly ILogger<CosmosRequestCharges> logger;

    public CosmosRequestCharges(IMeterFactory meters, ILogger<CosmosRequestCharges> logger)
    {
        var meter = meters.Create(MeterName);
        requestUnits = meter.CreateCounter<double>("listening.cosmos.request_units", "RU", "Request units charged by Cosmos DB");
        operations = meter.CreateCounter<long>("listening.cosmos.operations", "{operation}", "Cosmos DB requests");
        this.logger = logger;
    }

    public void Record(string container, string operation, HttpStatusCode status, double requestCharge)
    {
        var tags = new TagList { { "container", container }, { "operation", operation }, { "status", (int)status } };
        requestUnits.Add(requestCharge, tags);
        operations.Add(1, tags);
        LogCharge(container, operation, (int)status, requestCharge);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cosmos {Container} {Operation}: {Status}, {RequestCharge} RU")]
    private partial void LogCharge(string container, string operation, int status, double requestCharge);
}
