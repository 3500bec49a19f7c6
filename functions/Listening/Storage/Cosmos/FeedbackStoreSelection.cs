using Microsoft.Extensions.Configuration;

namespace Listening.Storage.Cosmos;

public static class FeedbackStoreSelection
{
    public const string KindKey = "Listening:Store:Kind";

    /// <summary>
    /// The feedback store named by <c>Listening:Store:Kind</c>: <c>Cosmos</c> (the Azure shape; the Bicep
    /// template sets it) or <c>Sqlite</c> (default). The SQLite database is registered either way because the
    /// local runtime keeps its queues there; with Cosmos it is only opened if the local runtime runs.
    /// </summary>
    public static IServiceCollection AddConfiguredFeedbackStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedbackStore();
        var kind = configuration[KindKey];
        if (string.Equals(kind, "Cosmos", StringComparison.OrdinalIgnoreCase))
            return services.AddCosmosFeedbackStore();
        if (kind is null || string.Equals(kind, "Sqlite", StringComparison.OrdinalIgnoreCase))
            return services;
        throw new InvalidOperationException($"{KindKey} must be Sqlite or Cosmos, not '{kind}'");
    }
}
