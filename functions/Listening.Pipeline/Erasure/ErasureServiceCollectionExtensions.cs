using Listening.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Listening.Erasure;

public static class ErasureServiceCollectionExtensions
{
    /// <summary>The keyed identity hashes and the stages' erasure check; the tombstones themselves (<see cref="IErasureRegistry"/>)
    /// come with the store family (<see cref="StorageServiceCollectionExtensions.AddStores"/>).</summary>
    public static IServiceCollection AddErasure(this IServiceCollection services)
    {
        services.AddListeningKeys();
        services.TryAddSingleton(sp => new PersonKeys(sp.GetRequiredService<Access.ListeningKeys>()));
        services.TryAddSingleton<ErasureGuard>();
        return services;
    }
}
