namespace Listening.Topology;

/// <summary>
/// The pipeline as declared on disk: host.json plus one <c>function.json</c> per function folder.
/// Both shapes read it: the Functions host on Azure, <c>listening serve</c> locally.
/// </summary>
public sealed record FunctionTopology(string Root, HostDefinition Host, IReadOnlyList<FunctionDefinition> Functions)
{
    /// <summary>Reads <c>{root}/host.json</c> and every <c>{root}/functions/*/function.json</c> (repository layout)
    /// or <c>{root}/*/function.json</c> (deployment package layout).</summary>
    public static FunctionTopology Load(string root)
    {
        var hostPath = Path.Combine(root, "host.json");
        if (!File.Exists(hostPath)) throw new TopologyException($"no host.json in {root}");
        var host = HostDefinition.Parse(File.ReadAllText(hostPath));
        var folders = Directory.Exists(Path.Combine(root, "functions"))
            ? Directory.GetDirectories(Path.Combine(root, "functions"))
            : Directory.GetDirectories(root);
        var functions = folders
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => FunctionDefinition.Parse(Path.GetFileName(d), File.ReadAllText(Path.Combine(d, "function.json"))))
            .Where(f => !f.Disabled)
            .ToList();
        if (functions.Count == 0) throw new TopologyException($"no function.json under {root}");
        return new FunctionTopology(Path.GetFullPath(root), host, functions);
    }

    /// <summary>The folder holding host.json: the configured one, else the nearest one above the working
    /// directory, else above the executable (so `dotnet run` from anywhere in a clone finds the repository's).</summary>
    public static string FindRoot(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        foreach (var start in new[] { Environment.GetEnvironmentVariable("AzureWebJobsScriptRoot"), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "host.json"))) return dir.FullName;
        }
        throw new TopologyException("no host.json found above the working directory or the executable; pass --root");
    }
}
