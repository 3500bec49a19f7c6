namespace Listening.Tests.Cli;

/// <summary>
/// A fact that needs the labelled datasets (outside the repository): reported as skipped, with the path it looked in, on a
/// machine without them; under CI=true it runs and fails instead, so CI never passes without having measured.
/// </summary>
public sealed class DatasetsFactAttribute : FactAttribute
{
    public DatasetsFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !Directory.Exists(Path.Combine(FactorEvaluationFixture.Datasets, "semeval_absa_en")))
            Skip = $"labelled datasets not found at {FactorEvaluationFixture.Datasets} (set LISTENING_DATASETS)";
    }
}
