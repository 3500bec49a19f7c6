namespace Listening.Ml.Tests;

/// <summary>
/// A fact that needs the labelled datasets: reported as skipped (with the path it looked in) on a
/// machine without them; under CI=true it runs and fails instead (<see cref="TestPaths.DatasetsAvailable"/>).
/// </summary>
public sealed class DatasetsFactAttribute : FactAttribute
{
    public DatasetsFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !Directory.Exists(TestPaths.Datasets)) Skip = $"labelled datasets not found at {TestPaths.Datasets} (set LISTENING_DATASETS)";
    }
}
