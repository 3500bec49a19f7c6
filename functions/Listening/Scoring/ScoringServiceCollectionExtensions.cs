using Listening.Core.Feedback;

namespace Listening.Scoring;

public static class ScoringServiceCollectionExtensions
{
    /// <summary>The scorer ScoreFeedback uses. INTERIM: <see cref="InterimLexiconScorer"/> until the ML.NET sentiment
    /// model and the factor extractor are merged — replace this one registration to wire them.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddSingleton<IFeedbackScorer, InterimLexiconScorer>();
        return services;
    }
}
