using Azure.Messaging.ServiceBus;
using Listening.Queues;
using Listening.Queues.ServiceBus;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Listening.Tests.Queues;

/// <summary>One registration picks the queue adapter from <c>Listening:Queue:Kind</c>.</summary>
public sealed class QueueSelectionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        more?.Invoke(services);
        return services.AddQueues(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task Without_configuration_the_port_is_the_sqlite_queue()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"listening-sel-{Guid.NewGuid():N}");
        await using (var database = new SqliteDatabase(Path.Combine(dir, "q.db")))
        {
            await using var provider = Build([], s => s.AddSingleton(database));

            Assert.IsType<SqliteQueue>(provider.GetRequiredService<IQueueSender>());
            Assert.Same(provider.GetRequiredService<IQueueSender>(), provider.GetRequiredService<IDeadLetters>());
            Assert.NotNull(provider.GetRequiredService<QueueDrain>());
        }
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Service_bus_kind_registers_a_client_for_the_namespace_with_azure_credentials()
    {
        await using var provider = Build(new()
        {
            ["Listening:Queue:Kind"] = "ServiceBus",
            ["Listening:Queue:ServiceBus:FullyQualifiedNamespace"] = "listening-test.servicebus.windows.net",
        });

        Assert.IsType<ServiceBusQueue>(provider.GetRequiredService<IQueueReceiver>());
        Assert.Equal("listening-test.servicebus.windows.net", provider.GetRequiredService<ServiceBusClient>().FullyQualifiedNamespace);
    }

    [Fact]
    public void Service_bus_kind_without_a_namespace_fails_at_registration_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Listening:Queue:Kind"] = "ServiceBus" }));

        Assert.Contains("Listening:Queue:ServiceBus:FullyQualifiedNamespace", error.Message);
    }
}
