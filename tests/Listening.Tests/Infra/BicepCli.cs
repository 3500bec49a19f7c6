using System.Reflection;

namespace Listening.Tests.Infra;

/// <summary>
/// The Bicep CLI shipped in the NuGet package Azure.Bicep.CommandLine.linux-x64 (tools/bicep).
/// Its path is baked into the test assembly at build time (GeneratePathProperty in the csproj),
/// so nothing is downloaded at test time.
/// </summary>
internal static class BicepCli
{
    public static string Path { get; } = Locate();

    public static Task<ToolRun> RunAsync(params string[] arguments) =>
        ToolRun.StartAsync(Path, arguments, RepoRoot.Combine("infra"), TimeSpan.FromMinutes(2));

    /// <summary>Diagnostic lines ("file(line,col) : Warning|Error CODE: ...") from Bicep's output.</summary>
    public static IReadOnlyList<string> Diagnostics(ToolRun run) =>
        (run.StdErr + "\n" + run.StdOut)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal)
                        || line.Contains(" : Error ", StringComparison.Ordinal)
                        || line.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepPath").Value!;
        if (!File.Exists(path))
            throw new FileNotFoundException("Bicep CLI missing: restore tests/Listening.Tests (package Azure.Bicep.CommandLine.linux-x64)", path);

        // NuGet extracts package files without the execute bit. (The package is linux-x64 only.)
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("the packaged Bicep CLI is linux-x64");
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }
}
