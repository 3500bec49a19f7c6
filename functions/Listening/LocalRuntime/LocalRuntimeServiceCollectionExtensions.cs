namespace Listening.LocalRuntime;

public static class LocalRuntimeServiceCollectionExtensions
{
    /// <summary>The local shape: durable queues, the in-process invoker, trigger loops. Needs <c>AddFeedbackStore()</c>'s database.</summary>
    public static IServiceCollection AddLocalRuntime(this IServiceCollection services)
    {
        services.AddSingleton<DurableQueue>();
        services.AddSingleton<LocalInvoker>();
        services.AddSingleton<IQueueMetrics, LocalQueueMetrics>();
        services.AddHostedService<LocalFunctionHost>();
        return services;
    }
}
