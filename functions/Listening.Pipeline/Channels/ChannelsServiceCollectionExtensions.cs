using Listening.Channels.Polling;
using Listening.Channels.Webhooks;
using Microsoft.Extensions.Options;

namespace Listening.Channels;

public static class ChannelsServiceCollectionExtensions
{
    /// <summary>
    /// Webhooks, polling and import: configuration <c>Channels</c> and <c>Webhooks</c>. Items go through ingest in this
    /// process on both shapes (<see cref="PipelineIntake"/>); the polled sources' state comes with the stores.
    /// </summary>
    public static IServiceCollection AddChannels(this IServiceCollection services)
    {
        services.AddOptions<ChannelsOptions>().BindConfiguration(ChannelsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FetchRetryOptions>().BindConfiguration($"{ChannelsOptions.Section}:Fetch");
        services.AddHttpClient("channels");
        services.AddSingleton(sp => new SurveyApiClient(Http(sp), sp.GetRequiredService<IOptions<FetchRetryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SurveyApiClient>>()));
        services.AddSingleton<IFeedbackIntake, PipelineIntake>();
        services.AddSingleton<ChannelIntake>();
        services.AddSingleton(sp => new PoliteFetcher(Http(sp), sp.GetRequiredService<IOptions<ChannelsOptions>>().Value.Polling,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SourcePoller>();
        foreach (var webhook in WebhookEndpoints.All) services.AddSingleton(webhook.Handler);
        return services;
    }

    private static HttpClient Http(IServiceProvider sp) => sp.GetRequiredService<IHttpClientFactory>().CreateClient("channels");
}
