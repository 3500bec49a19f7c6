using Listening.Core.Channels.Social;

namespace Listening.Ingest;

public static class IngestServiceCollectionExtensions
{
    /// <summary>Spam thresholds keep their configuration section from when only channels checked them.</summary>
    public const string SpamSection = "Channels:Spam";

    /// <summary>Ingest limits (<c>Listening:Ingest</c>) and the spam check every ingested item passes (<c>Channels:Spam</c>);
    /// its history comes with the feedback store (<see cref="ISpamHistory"/>).</summary>
    public static IServiceCollection AddIngest(this IServiceCollection services)
    {
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SpamRules>().BindConfiguration(SpamSection);
        services.AddSingleton<SpamScreen>();
        return services;
    }
}
