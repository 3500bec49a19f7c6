using Listening.Core.Feedback;
using Microsoft.Extensions.Options;

namespace Listening.Scoring;

public static class ScoringServiceCollectionExtensions
{
    /// <summary>The scorer ScoreFeedback uses: ML.NET sentiment + factor taxonomy, loaded once.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IFeedbackScorer>(sp => FeedbackScorers.Create(sp.GetRequiredService<IOptions<ScoringOptions>>().Value));
        return services;
    }
}
