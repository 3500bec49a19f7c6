using Listening.Queues;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Listening.LocalRuntime;

public static class LocalRuntimeServiceCollectionExtensions
{
    /// <summary>The local shape: durable queues, the in-process invoker, trigger loops. Needs <c>AddFeedbackStore()</c>'s database.</summary>
    public static IServiceCollection AddLocalRuntime(this IServiceCollection services)
    {
        // The SQLite queue adapter with the Listening:Local:* entity settings (transitional, see DurableQueue).
        services.TryAddSingleton(sp => new SqliteQueue(sp.GetRequiredService<SqliteDatabase>(),
            Options.Create(DurableQueue.SettingsOf(sp.GetRequiredService<IOptions<LocalRuntimeOptions>>().Value)), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IQueueSender>(sp => sp.GetRequiredService<SqliteQueue>());
        services.TryAddSingleton<IQueueReceiver>(sp => sp.GetRequiredService<SqliteQueue>());
        services.TryAddSingleton<IDeadLetters>(sp => sp.GetRequiredService<SqliteQueue>());
        services.AddSingleton(sp => new DurableQueue(sp.GetRequiredService<SqliteQueue>()));
        services.AddSingleton<LocalInvoker>();
        services.AddSingleton<IQueueMetrics, LocalQueueMetrics>();
        services.AddHostedService<LocalFunctionHost>();
        return services;
    }
}
