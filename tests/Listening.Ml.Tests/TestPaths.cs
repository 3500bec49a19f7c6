namespace Listening.Ml.Tests;

/// <summary>Where the tests find the repository, the shipped model and the shared datasets.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ShippedModel => Path.Combine(RepoRoot, "ml-models", "sentiment", "model.zip");

    public static string ShippedEvaluation => Path.Combine(RepoRoot, "ml-models", "sentiment", "evaluation.json");

    /// <summary>The peers' figures on the same honest splits (scripts/peers/run.sh).</summary>
    public static string PeersEvaluation => Path.Combine(RepoRoot, "ml-models", "sentiment", "peers.json");

    public static string ModelCard => Path.Combine(RepoRoot, "ml-models", "sentiment", "README.md");

    /// <summary>$LISTENING_DATASETS, else &lt;repo&gt;/../shared/datasets.</summary>
    public static string Datasets =>
        Environment.GetEnvironmentVariable("LISTENING_DATASETS") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "datasets"));

    /// <summary>
    /// True when the datasets are there. When they are not: throws under CI=true (a CI run must not
    /// silently skip), else returns false so the caller can return early on a developer machine.
    /// </summary>
    public static bool DatasetsAvailable()
    {
        if (Directory.Exists(Datasets)) return true;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"CI=true but the labelled datasets are missing at {Datasets} (set LISTENING_DATASETS)");
        return false;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Listening.sln"))) return dir.FullName;
        throw new InvalidOperationException("Listening.sln not found above " + AppContext.BaseDirectory);
    }
}
