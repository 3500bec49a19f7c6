using Listening.Pipeline;
using Listening.Queues;
using Listening.Queues.Sqlite;

namespace Listening.Local;

/// <summary>The pipeline queues' depths from the SQLite queue, for <c>/api/status</c> and `listening status`. The Azure
/// shape has none: reading Service Bus entity counts takes the Manage right, which the app's identity does not have —
/// Azure Monitor shows them.</summary>
public sealed class SqliteQueueMetrics(SqliteQueue queue) : IQueueMetrics
{
    public Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync(CancellationToken cancellationToken) =>
        queue.DepthsAsync(PipelineQueues.All, cancellationToken);

    /// <summary>Registers it when the SQLite queue is the queue adapter (call after AddQueues / AddListening).</summary>
    public static IServiceCollection AddTo(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SqliteQueue))) services.AddSingleton<IQueueMetrics, SqliteQueueMetrics>();
        return services;
    }
}
