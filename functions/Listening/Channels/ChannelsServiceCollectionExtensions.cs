using Microsoft.Extensions.DependencyInjection.Extensions;
using Listening.Channels.Polling;
using Listening.Channels.Webhooks;
using Listening.LocalRuntime;
using Listening.Storage;
using Microsoft.Extensions.Options;

namespace Listening.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Webhooks, polling and import: configuration <c>Channels</c> and <c>Webhooks</c>. Items go through the
    /// in-process ingest function in the local shape, and through the Function App's ingest route on Azure.
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddOptions<ChannelsOptions>().BindConfiguration(ChannelsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IntakeOptions>().BindConfiguration($"{ChannelsOptions.Section}:Intake");
        services.AddOptions<FetchRetryOptions>().BindConfiguration($"{ChannelsOptions.Section}:Fetch");
        services.AddHttpClient("channels");
        services.AddSingleton(sp => new SurveyApiClient(Http(sp), sp.GetRequiredService<IOptions<FetchRetryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SurveyApiClient>>()));
        services.AddSingleton<IFeedbackIntake>(sp => sp.GetService<LocalInvoker>() is not null
            ? ActivatorUtilities.CreateInstance<LocalIngestIntake>(sp)
            : new HostIngestIntake(Http(sp), sp.GetRequiredService<IOptions<IntakeOptions>>().Value,
                sp.GetRequiredService<IFeedbackStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ChannelIntake>();
        services.TryAddSingleton<ISourceStateStore, SqliteSourceStateStore>(); // the Cosmos DB one when Listening:Store:Kind is Cosmos
        services.AddSingleton(sp => new PoliteFetcher(Http(sp), sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.Polling,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SourcePoller>();
        return services;
    }

    private static HttpClient Http(IServiceProvider sp) => sp.GetRequiredService<IHttpClientFactory>().CreateClient("channels");
}
