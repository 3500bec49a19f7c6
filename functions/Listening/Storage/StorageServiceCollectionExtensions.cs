using Listening.LocalRuntime;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Listening.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The feedback store: SQLite in the data dir (the local shape's document store). The Cosmos DB adapter
    /// for the Azure shape registers here too, chosen by configuration.</summary>
    public static IServiceCollection AddFeedbackStore(this IServiceCollection services)
    {
        services.AddOptions<LocalRuntimeOptions>().BindConfiguration(LocalRuntimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new SqliteDatabase(Path.Combine(sp.GetRequiredService<IOptions<LocalRuntimeOptions>>().Value.DataDir, "listening.db")));
        services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.AddSingleton<Ingest.ISpamHistory, SqliteSpamHistory>();
        return services;
    }
}
