using Listening.Core.Feedback;
using Listening.Storage;
using Listening.Storage.Cosmos;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Listening.Tests.Stores.Cosmos;

/// <summary>Listening:Store:Kind picks the adapter family (AddStores); the Cosmos one is configured like the Bicep template configures it.</summary>
[Collection(CosmosServerCollection.Name)]
public sealed class FeedbackStoreSelectionTests(CosmosServerFixture server)
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddStores(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    [Fact]
    public async Task Kind_Cosmos_stores_feedback_in_Cosmos_DB()
    {
        var options = server.Options("selected");
        await using var provider = Build(new()
        {
            [StorageServiceCollectionExtensions.KindKey] = "Cosmos",
            // Ids and tombstones are keyed by the deployment secret (Key Vault on Azure).
            ["Listening:Security:Key"] = Listening.Tests.Security.TestKeys.Secret,
            ["Listening:Store:Cosmos:AccountEndpoint"] = options.AccountEndpoint!.ToString(),
            ["Listening:Store:Cosmos:AccountKey"] = options.AccountKey,
            ["Listening:Store:Cosmos:Database"] = options.Database,
            ["Listening:Store:Cosmos:FeedbackContainer"] = options.FeedbackContainer,
            ["Listening:Store:Cosmos:AggregatesContainer"] = options.AggregatesContainer,
            ["Listening:Store:Cosmos:UseGatewayMode"] = "true",
            ["Listening:Store:Cosmos:AcceptAnyServerCertificate"] = "true",
            ["Listening:Store:Cosmos:CreateIfMissing"] = "true",
        });
        foreach (var hosted in provider.GetServices<IHostedService>()) await hosted.StartAsync(CancellationToken.None);

        var store = provider.GetRequiredService<IFeedbackStore>();
        var item = new FeedbackItem("test-selected", FeedbackKind.Review, "test", "Acme", "Chosen by configuration", DateTimeOffset.UnixEpoch.AddYears(56));
        await store.AddIfAbsentAsync(item, item.CreatedAt, CancellationToken.None);

        Assert.IsType<CosmosFeedbackStore>(store);
        Assert.Equal(item.Text, (await store.GetAsync(item.Id, CancellationToken.None))!.Item.Text);
    }

    [Fact]
    public async Task No_kind_means_the_local_SQLite_store()
    {
        await using var provider = Build(new() { ["Listening:Local:DataDir"] = Path.Combine(Path.GetTempPath(), $"listening-sel-{Guid.NewGuid():N}") });

        Assert.IsType<SqliteFeedbackStore>(provider.GetRequiredService<IFeedbackStore>());
    }

    [Fact]
    public void An_unknown_kind_is_refused_with_the_setting_named()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { [StorageServiceCollectionExtensions.KindKey] = "Mongo" }));

        Assert.Contains("Listening:Store:Kind", error.Message);
    }
}
