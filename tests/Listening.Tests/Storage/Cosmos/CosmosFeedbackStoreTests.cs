using Listening.Storage;
using Listening.Storage.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Listening.Tests.Stores.Cosmos;

/// <summary>The store contract against a real Cosmos DB protocol server on loopback.</summary>
[Collection(CosmosServerCollection.Name)]
public sealed class CosmosFeedbackStoreTests(CosmosServerFixture server) : FeedbackStoreContract
{
    protected override async Task<IFeedbackStore> NewStoreAsync() =>
        new CosmosFeedbackStore(await server.NewFeedbackContainerAsync("contract"), NewCharges().Charges);

    internal static (CosmosRequestCharges Charges, ServiceProvider Provider) NewCharges()
    {
        var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        return (new CosmosRequestCharges(factory, NullLogger<CosmosRequestCharges>.Instance), provider);
    }
}
