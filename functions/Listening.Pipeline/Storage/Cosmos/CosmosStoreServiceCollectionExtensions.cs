using Azure.Identity;
using Listening.Channels.Polling;
using Listening.Responses;
using Listening.Storage.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Listening.Storage.Cosmos;

public static class CosmosStoreServiceCollectionExtensions
{
    /// <summary>
    /// The Cosmos DB stores (configuration section <c>Listening:Store:Cosmos</c>): <see cref="IFeedbackStore"/>, the
    /// responses store <see cref="IResponseStore"/>, the polled sources' state <see cref="ISourceStateStore"/>, the
    /// ingest spam history <see cref="Ingest.ISpamHistory"/> and the report store: nothing of the Azure shape writes to
    /// an instance's disk. Chosen by <see cref="StorageServiceCollectionExtensions.AddStores"/>.
    /// </summary>
    internal static IServiceCollection AddCosmosStores(this IServiceCollection services)
    {
        services.AddOptions<CosmosStoreOptions>()
            .BindConfiguration(CosmosStoreOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<CosmosRequestCharges>();
        services.AddSingleton(sp => CosmosStoreSetup.CreateClient(sp.GetRequiredService<IOptions<CosmosStoreOptions>>().Value));
        services.AddSingleton<IFeedbackStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CosmosStoreOptions>>().Value;
            var client = sp.GetRequiredService<CosmosClient>();
            var charges = sp.GetRequiredService<CosmosRequestCharges>();
            var intake = options.IntakeCounters ? new CosmosIntakeCounters(client.GetContainer(options.Database, options.AggregatesContainer), charges) : null;
            return new CosmosFeedbackStore(client.GetContainer(options.Database, options.FeedbackContainer), charges, intake);
        });
        services.AddSingleton<IResponseStore>(sp =>
            new CosmosResponseStore(Documents(sp, o => o.ResponsesContainer), Documents(sp, o => o.FeedbackContainer), Documents(sp, o => o.AggregatesContainer),
                sp.GetService<TimeProvider>()));
        services.AddSingleton<ISourceStateStore>(sp => new CosmosSourceStateStore(Documents(sp, o => o.AggregatesContainer)));
        services.AddSingleton<Ingest.ISpamHistory>(sp => new CosmosSpamHistory(Documents(sp, o => o.AggregatesContainer)));
        services.AddSingleton<Reports.IReportStore>(sp => new CosmosReportStore(Documents(sp, o => o.ReportsContainer)));
        services.AddHostedService<CosmosStoreSetup>();
        return services;
    }

    private static CosmosDocuments Documents(IServiceProvider sp, Func<CosmosStoreOptions, string> container)
    {
        var options = sp.GetRequiredService<IOptions<CosmosStoreOptions>>().Value;
        return new CosmosDocuments(sp.GetRequiredService<CosmosClient>().GetContainer(options.Database, container(options)),
            sp.GetRequiredService<CosmosRequestCharges>());
    }
}

/// <summary>Builds the client and, where configured, creates the database and containers at start.</summary>
public sealed class CosmosStoreSetup(CosmosClient client, IOptions<CosmosStoreOptions> options) : IHostedService
{
    /// <summary>Containers this app writes, with their partition key paths (infra/main.bicep declares the same).</summary>
    public static IReadOnlyDictionary<string, string> PartitionKeyPaths { get; } = new Dictionary<string, string>
    {
        ["feedback"] = "/pk",
        ["aggregates"] = "/pk",
        ["responses"] = "/pk",
        ["reports"] = "/brand",
    };

    public static CosmosClient CreateClient(CosmosStoreOptions options)
    {
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "listening",
            ConnectionMode = options.UseGatewayMode ? ConnectionMode.Gateway : ConnectionMode.Direct,
            LimitToEndpoint = options.UseGatewayMode,
        };
        if (options.AcceptAnyServerCertificate)
            clientOptions.ServerCertificateCustomValidationCallback = (_, _, _) => true;

        var endpoint = options.AccountEndpoint!.ToString();
        return options.AccountKey is { Length: > 0 } key
            ? new CosmosClient(endpoint, key, clientOptions)
            : new CosmosClient(endpoint, new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.ManagedIdentityClientId,
            }), clientOptions);
    }

    public static async Task EnsureCreatedAsync(CosmosClient client, CosmosStoreOptions options, CancellationToken cancellationToken)
    {
        Database database = await client.CreateDatabaseIfNotExistsAsync(options.Database, cancellationToken: cancellationToken);
        await database.CreateContainerIfNotExistsAsync(
            new ContainerProperties(options.FeedbackContainer, PartitionKeyPaths["feedback"]), cancellationToken: cancellationToken);
        await database.CreateContainerIfNotExistsAsync(
            new ContainerProperties(options.AggregatesContainer, PartitionKeyPaths["aggregates"]), cancellationToken: cancellationToken);
        await database.CreateContainerIfNotExistsAsync(
            new ContainerProperties(options.ResponsesContainer, PartitionKeyPaths["responses"]), cancellationToken: cancellationToken);
        await database.CreateContainerIfNotExistsAsync(
            new ContainerProperties(options.ReportsContainer, PartitionKeyPaths["reports"]), cancellationToken: cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateIfMissing ? EnsureCreatedAsync(client, options.Value, cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
