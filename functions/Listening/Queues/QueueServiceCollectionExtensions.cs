using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Listening.Queues;

public static class QueueServiceCollectionExtensions
{
    /// <summary>
    /// The queue adapter named by <c>Listening:Queue:Kind</c> behind <see cref="IQueueSender"/>, <see cref="IQueueReceiver"/>
    /// and <see cref="IDeadLetters"/>, plus <see cref="QueueDrain"/>. <c>Sqlite</c> (default) needs the local shape's
    /// <see cref="SqliteDatabase"/> registered (the store registration does that).
    /// </summary>
    public static IServiceCollection AddQueues(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<QueueDrain>();
        var kind = configuration.GetSection(QueueOptions.Section).Get<QueueOptions>()?.Kind ?? QueueKind.Sqlite;
        return kind switch
        {
            QueueKind.Sqlite => services.AddSqliteQueue(),
            _ => throw new InvalidOperationException($"{QueueOptions.Section}:Kind must be Sqlite or ServiceBus, not '{kind}'"),
        };
    }

    /// <summary>The embedded SQLite queue (<c>Listening:Queue:Sqlite</c>) in the local shape's database.</summary>
    public static IServiceCollection AddSqliteQueue(this IServiceCollection services)
    {
        services.AddOptions<SqliteQueueOptions>().BindConfiguration(SqliteQueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteQueue>();
        services.TryAddSingleton<IQueueSender>(sp => sp.GetRequiredService<SqliteQueue>());
        services.TryAddSingleton<IQueueReceiver>(sp => sp.GetRequiredService<SqliteQueue>());
        services.TryAddSingleton<IDeadLetters>(sp => sp.GetRequiredService<SqliteQueue>());
        return services;
    }
}
