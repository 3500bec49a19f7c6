using System.Diagnostics;
using System.IO.Compression;
using Listening.Topology;

namespace Listening.Packaging;

/// <summary>What <see cref="FunctionAppPackage.BuildAsync"/> wrote.</summary>
public sealed record PackageResult(string Path, int Files, long Bytes, IReadOnlyList<string> Functions);

/// <summary>The package cannot be built; <see cref="ExitCode"/> is 2 for bad input, 1 for a failed publish.</summary>
public sealed class PackageException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// The zip layout the Functions host expects of a custom-handler app: <c>host.json</c> at the root, one folder per
/// function with its <c>function.json</c>, and the handler — <c>listening</c>, published self-contained for
/// linux-x64 as a single file (native libraries and the sentiment model beside it) — at the path host.json's
/// <c>defaultExecutablePath</c> names. The executable keeps its execute bit (zip Unix attributes).
/// </summary>
public static class FunctionAppPackage
{
    public const string Executable = "listening";
    public const string ModelFileName = "sentiment-model.zip";
    private const int UnixFile = 0x8000; // S_IFREG

    public static string FindRoot(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "host.json")) && Directory.Exists(Path.Combine(dir.FullName, "functions")))
                return dir.FullName;
        throw new PackageException("no host.json with a functions/ folder above the working directory; pass --root", 2);
    }

    public static async Task<PackageResult> BuildAsync(string root, string output, string? publishDir, TextWriter log, CancellationToken cancellationToken)
    {
        FunctionTopology topology;
        try { topology = FunctionTopology.Load(root); }
        catch (TopologyException e) { throw new PackageException(e.Message, 2); }

        var scratch = Directory.CreateTempSubdirectory("listening-package-");
        try
        {
            var published = publishDir ?? await PublishAsync(root, scratch.FullName, log, cancellationToken);
            if (!File.Exists(Path.Combine(published, Executable)))
                throw new PackageException($"{published} has no '{Executable}' executable: not a linux-x64 publish of functions/Listening", 2);

            var temp = Path.Combine(scratch.FullName, "package.zip");
            var files = 0;
            using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
            {
                Add(zip, Path.Combine(root, "host.json"), "host.json", executable: false);
                files++;
                foreach (var function in topology.Functions)
                {
                    Add(zip, Path.Combine(root, "functions", function.Name, "function.json"), $"{function.Name}/function.json", executable: false);
                    files++;
                }
                foreach (var file in Directory.EnumerateFiles(published, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetRelativePath(published, file).Replace('\\', '/');
                    if (name.EndsWith(".pdb", StringComparison.Ordinal) || name.EndsWith(".dbg", StringComparison.Ordinal) || name == "host.json") continue;
                    Add(zip, file, name, executable: name == Executable);
                    files++;
                }
                // The shipped sentiment model, when the repository has one and the publish did not bring it.
                var model = Path.Combine(root, "ml-models", "sentiment", "model.zip");
                if (File.Exists(model) && !File.Exists(Path.Combine(published, ModelFileName)))
                {
                    Add(zip, model, ModelFileName, executable: false);
                    files++;
                }
            }

            var target = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target, overwrite: true);
            return new PackageResult(target, files, new FileInfo(target).Length, topology.Functions.Select(f => f.Name).ToList());
        }
        finally
        {
            try { scratch.Delete(recursive: true); } catch (IOException) { }
        }
    }

    private static void Add(ZipArchive zip, string path, string name, bool executable)
    {
        var entry = zip.CreateEntryFromFile(path, name, CompressionLevel.Optimal);
        var mode = executable ? 0b111_101_101 : 0b110_100_100; // 0755 / 0644
        entry.ExternalAttributes = (UnixFile | mode) << 16;
    }

    /// <summary>Self-contained single-file linux-x64 publish, built under a scratch artifacts path so it never
    /// touches the repository's own bin/ and obj/ folders.</summary>
    private static async Task<string> PublishAsync(string root, string scratch, TextWriter log, CancellationToken cancellationToken)
    {
        var output = Path.Combine(scratch, "publish");
        var project = Path.Combine(root, "functions", "Listening", "Listening.csproj");
        if (!File.Exists(project)) throw new PackageException($"{project} not found", 2);
        string[] arguments =
        [
            "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "true",
            "-p:PublishSingleFile=true", "-p:DebugType=none", "--artifacts-path", Path.Combine(scratch, "artifacts"), "-o", output, "--nologo",
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
