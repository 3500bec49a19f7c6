using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Listening.Queues.ServiceBus;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Listening.Queues;

public static class QueueServiceCollectionExtensions
{
    /// <summary>
    /// The queue adapter named by <c>Listening:Queue:Kind</c> behind <see cref="IQueueSender"/>, <see cref="IQueueReceiver"/>
    /// and <see cref="IDeadLetters"/>, plus <see cref="QueueDrain"/>. <c>Sqlite</c> (default) needs the local shape's
    /// <see cref="SqliteDatabase"/> registered (the store registration does that); <c>ServiceBus</c> reads
    /// <c>Listening:Queue:ServiceBus</c> (see <see cref="AddServiceBusQueue"/>).
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
            QueueKind.ServiceBus => services.AddServiceBusQueue(configuration),
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

    /// <summary>
    /// The Service Bus adapter. The <see cref="ServiceBusClient"/> is registered through Microsoft.Extensions.Azure
    /// (<c>AddAzureClients</c>): with <c>FullyQualifiedNamespace</c> it authenticates with
    /// <see cref="DefaultAzureCredential"/> (the Function App's managed identity on Azure; <c>ManagedIdentityClientId</c>
    /// picks a user-assigned one); <c>ConnectionString</c> is only for tests against a loopback broker.
    /// </summary>
    public static IServiceCollection AddServiceBusQueue(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ServiceBusQueueOptions.Section);
        var settings = section.Get<ServiceBusQueueOptions>() ?? new ServiceBusQueueOptions();
        if (string.IsNullOrWhiteSpace(settings.FullyQualifiedNamespace) && string.IsNullOrWhiteSpace(settings.ConnectionString))
            throw new InvalidOperationException(
                $"{QueueOptions.Section}:Kind is ServiceBus but neither {ServiceBusQueueOptions.Section}:FullyQualifiedNamespace nor :ConnectionString is set");
        services.AddOptions<ServiceBusQueueOptions>().BindConfiguration(ServiceBusQueueOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddAzureClients(clients =>
        {
            var client = string.IsNullOrWhiteSpace(settings.ConnectionString)
                ? clients.AddServiceBusClientWithNamespace(settings.FullyQualifiedNamespace)
                    .WithCredential(new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ManagedIdentityClientId }))
                : clients.AddServiceBusClient(settings.ConnectionString);
            client.ConfigureOptions(o => o.Identifier = "listening");
        });
        services.TryAddSingleton<ServiceBusQueue>();
        services.TryAddSingleton<IQueueSender>(sp => sp.GetRequiredService<ServiceBusQueue>());
        services.TryAddSingleton<IQueueReceiver>(sp => sp.GetRequiredService<ServiceBusQueue>());
        services.TryAddSingleton<IDeadLetters>(sp => sp.GetRequiredService<ServiceBusQueue>());
        return services;
    }
}
