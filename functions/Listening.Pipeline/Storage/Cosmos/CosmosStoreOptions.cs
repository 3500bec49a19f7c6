using System.ComponentModel.DataAnnotations;

namespace Listening.Storage.Cosmos;

/// <summary>
/// Configuration section <c>Listening:Store:Cosmos</c>. On Azure the Bicep template sets
/// <c>Listening__Store__Cosmos__AccountEndpoint</c>, <c>__Database</c> and <c>__ManagedIdentityClientId</c>;
/// an account key is only for the loopback test server (the Azure account has local auth off).
/// </summary>
public sealed class CosmosStoreOptions
{
    public const string Section = "Listening:Store:Cosmos";

    [Required]
    public Uri? AccountEndpoint { get; set; }

    [Required]
    public string Database { get; set; } = "listening";

    [Required]
    public string FeedbackContainer { get; set; } = "feedback";

    [Required]
    public string AggregatesContainer { get; set; } = "aggregates";

    /// <summary>The scheduled action-matrix reports (partition key <c>/brand</c>).</summary>
    [Required]
    public string ReportsContainer { get; set; } = "reports";

    /// <summary>Loyalty ledgers, response decisions and the outbox (<see cref="Storage.Cosmos.CosmosResponseStore"/>).</summary>
    [Required]
    public string ResponsesContainer { get; set; } = "responses";

    /// <summary>Keep per-brand, per-day intake counters (Patch increments; about one patch per ingest).</summary>
    public bool IntakeCounters { get; set; } = true;

    /// <summary>Key auth, for the loopback test server only. Null → managed identity (Entra ID).</summary>
    public string? AccountKey { get; set; }

    /// <summary>Client id of the user-assigned managed identity; null → the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Gateway (HTTPS) or Direct (TCP, the faster default on Azure).</summary>
    public bool UseGatewayMode { get; set; }

    /// <summary>Trust any TLS certificate: only for the self-signed loopback test server.</summary>
    public bool AcceptAnyServerCertificate { get; set; }

    /// <summary>Create the database and containers at start. Off on Azure: Bicep owns them, and with
    /// key-based metadata writes disabled the app identity may not create them anyway.</summary>
    public bool CreateIfMissing { get; set; }
}
