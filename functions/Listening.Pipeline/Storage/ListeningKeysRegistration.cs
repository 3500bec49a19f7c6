using Listening.Access;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Listening.Storage;

public static class ListeningKeysServiceCollectionExtensions
{
    /// <summary>The deployment's keys (<see cref="ListeningKeys.Resolve"/>): from configuration, else beside the local SQLite file.</summary>
    public static IServiceCollection AddListeningKeys(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            // On Cosmos DB the secret must be configured: an instance's disk is neither shared nor kept.
            var local = !string.Equals(configuration[StorageServiceCollectionExtensions.KindKey], "Cosmos", StringComparison.OrdinalIgnoreCase)
                && sp.GetService<SqliteDatabase>() is { } database ? Path.GetDirectoryName(Path.GetFullPath(database.FilePath)) : null;
            return ListeningKeys.Resolve(configuration, local);
        });
        return services;
    }
}
