using System.ComponentModel.DataAnnotations;

namespace Listening.Queues.ServiceBus;

/// <summary>The Service Bus adapter (<c>Listening:Queue:ServiceBus</c>). On Azure: the namespace and managed identity
/// (the Bicep template sets both); a connection string only for local tests against a loopback broker.</summary>
public sealed class ServiceBusQueueOptions
{
    public const string Section = "Listening:Queue:ServiceBus";

    /// <summary>e.g. <c>listening-sb.servicebus.windows.net</c>; used with DefaultAzureCredential (managed identity).</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>User-assigned managed identity's client id, if the app uses one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Only for tests (a loopback broker with <c>UseDevelopmentEmulator=true</c>); never set on Azure.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Messages each receiver fetches ahead of the receive calls (0 = only what a receive asks for, which keeps
    /// locks from ticking on messages nobody works on yet).</summary>
    [Range(0, 10_000)] public int PrefetchCount { get; set; }

    /// <summary>Shortest wait a receive passes to the client (it rejects a zero wait).</summary>
    public TimeSpan MinReceiveWait { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long each receive of a dead-letter replay waits.</summary>
    public TimeSpan ReplayReceiveWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Empty receives in a row after which a replay stops although dead letters it peeked were not received
    /// (another replay or receiver holds them).</summary>
    [Range(1, 100)] public int ReplayEmptyReceives { get; set; } = 3;
}
