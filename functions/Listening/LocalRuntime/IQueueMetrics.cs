using Listening.Queues;
namespace Listening.LocalRuntime;

/// <summary>Queue depths for <c>/api/status</c>. Only the local shape has one; on Azure, Service Bus metrics show them.</summary>
public interface IQueueMetrics
{
    Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync(CancellationToken cancellationToken);
}

internal sealed class LocalQueueMetrics(DurableQueue queue, Topology.FunctionTopology topology) : IQueueMetrics
{
    private readonly string[] queues = topology.Functions.SelectMany(f => f.Bindings)
        .Where(b => b.Type.StartsWith("serviceBus", StringComparison.OrdinalIgnoreCase))
        .Select(b => b.GetString("queueName")).OfType<string>()
        .Select(q => q.Replace(DurableQueue.DeadLetterSuffix, "", StringComparison.Ordinal))
        .Distinct().Order(StringComparer.Ordinal).ToArray();

    public Task<IReadOnlyDictionary<string, QueueDepth>> DepthsAsync(CancellationToken cancellationToken) =>
        queue.DepthsAsync(queues, cancellationToken);
}
