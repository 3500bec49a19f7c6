using Listening.Channels;
using Listening.Channels.Connectors;
using Listening.Ingest;
using Listening.Queues;
using Listening.Reports;
using Listening.Responses;
using Listening.Scoring;
using Listening.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Listening.Storage.Sqlite;

namespace Listening.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Everything both hosts share: the stores and queues chosen by configuration (<c>Listening:Store:Kind</c>,
    /// <c>Listening:Queue:Kind</c>), the features (ingest, scoring, responses, reports, channels) and the pipeline's
    /// stages and jobs. A host adds only how it is driven: HTTP routes or functions, consumers, timers.
    /// </summary>
    public static IServiceCollection AddListening(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => ListeningJson.Configure(o.SerializerOptions));
        services.AddStores(configuration);
        services.AddQueues(configuration);
        services.AddIngest();
        services.AddScoring();
        services.AddReporting();
        services.AddResponses();
        services.AddChannels();
        services.AddConnectors();
        services.AddOptions<ConsumerOptions>().BindConfiguration(ConsumerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StalledFeedbackOptions>().BindConfiguration(StalledFeedbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // One transaction per stage message when the store and the queue are both SQLite; separate calls otherwise.
        services.AddSingleton(SqliteStageCommit.For);
        services.AddSingleton<IngestFeedback>();
        services.AddSingleton<ScoreFeedback>();
        services.AddSingleton<RequeueStalledFeedback>();
        services.AddSingleton<DeadLetterRecorder>();
        services.AddSingleton<BuildActionMatrix>();
        return services;
    }
}
