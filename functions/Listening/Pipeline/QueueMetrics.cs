using Listening.Queues;
using Listening.Queues.Sqlite;

namespace Listening.Pipeline;

/// <summary>The pipeline queues' depths from the SQLite queue (the local shape). With Service Bus there is no
/// implementation: reading entity counts takes the Manage right, which the app's identity does not have — Azure
/// Monitor shows them.</summary>
public sealed class SqliteQueueMetrics(SqliteQueue queue) : IQueueMetrics
{
    public Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync(CancellationToken cancellationToken) =>
        queue.DepthsAsync(PipelineQueues.All, cancellationToken);
}

public static class QueueMetricsServiceCollectionExtensions
{
    /// <summary>Queue depths for the status, where the queue adapter offers them (the SQLite queue; call after AddQueues).</summary>
    public static IServiceCollection AddQueueMetrics(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SqliteQueue))) services.AddSingleton<IQueueMetrics, SqliteQueueMetrics>();
        return services;
    }
}
