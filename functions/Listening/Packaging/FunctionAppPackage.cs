using System.Diagnostics;
using System.IO.Compression;

namespace Listening.Packaging;

/// <summary>What <see cref="FunctionAppPackage.BuildAsync"/> wrote.</summary>
public sealed record PackageResult(string Path, int Files, long Bytes, IReadOnlyList<string> Functions);

/// <summary>The package cannot be built; <see cref="ExitCode"/> is 2 for bad input, 1 for a failed publish.</summary>
public sealed class PackageException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// The zip <c>az functionapp deployment source config-zip</c> takes for the isolated-worker app: the `dotnet publish`
/// output of functions/Listening.FunctionApp (framework-dependent, linux-x64) with <c>host.json</c>,
/// <c>functions.metadata</c> (every function and its bindings, generated from the attributes) and
/// <c>worker.config.json</c> at the zip root, the sentiment model and the templates beside the assembly.
/// </summary>
public static class FunctionAppPackage
{
    public const string Project = "functions/Listening.FunctionApp/Listening.FunctionApp.csproj";
    public static readonly string[] RootFiles = ["host.json", "functions.metadata", "worker.config.json"];

    public static string FindRoot(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "host.json")) && File.Exists(Path.Combine(dir.FullName, Project)))
                return dir.FullName;
        throw new PackageException($"no host.json with {Project} above the working directory; pass --root", 2);
    }

    public static async Task<PackageResult> BuildAsync(string root, string output, string? publishDir, TextWriter log, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(root, "host.json"))) throw new PackageException($"no host.json in {root}", 2);
        var scratch = Directory.CreateTempSubdirectory("listening-package-");
        try
        {
            var published = publishDir ?? await PublishAsync(root, scratch.FullName, log, cancellationToken);
            foreach (var required in RootFiles)
                if (!File.Exists(Path.Combine(published, required)))
                    throw new PackageException($"{published} has no {required}: not a publish of {Project}", 2);

            var temp = Path.Combine(scratch.FullName, "package.zip");
            var files = 0;
            using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
            {
                foreach (var file in Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetRelativePath(published, file).Replace('\\', '/');
                    if (name.EndsWith(".pdb", StringComparison.Ordinal) || name.EndsWith(".dbg", StringComparison.Ordinal)) continue;
                    zip.CreateEntryFromFile(file, name, CompressionLevel.Optimal);
                    files++;
                }
            }
            var target = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target, overwrite: true);
            return new PackageResult(target, files, new FileInfo(target).Length, FunctionNames(Path.Combine(published, "functions.metadata")));
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { }
        }
    }

    public static IReadOnlyList<string> FunctionNames(string metadata)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(metadata));
        return json.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Framework-dependent linux-x64 publish (Flex Consumption provides .NET), built under a scratch artifacts
    /// path so it never touches the repository's own bin/ and obj/ folders.</summary>
    private static async Task<string> PublishAsync(string root, string scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var output = Path.Combine(scratch, "publish");
        var project = Path.Combine(root, Project);
        if (!File.Exists(project)) throw new PackageException($"{project} not found", 2);
        string[] arguments =
        [
            "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
            "-p:DebugType=none", "--artifacts-path", Path.Combine(scratch, "artifacts"), "-o", output, "--nologo",
        ];
        await log.WriteLineAsync($"package: dotnet {string.Join(' ', arguments)}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new PackageException("could not start dotnet", 1);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', ((await stdout) + (await stderr)).Split('\n').TakeLast(15));
            throw new PackageException($"dotnet publish failed ({process.ExitCode}):\n{tail}", 1);
        }
        return output;
    }
}
