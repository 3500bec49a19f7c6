using System.IO.Compression;
using System.Text.Json.Nodes;
using Listening.Packaging;
using Listening.Tests.Infra;

namespace Listening.Tests.Packaging;

/// <summary>Runs `listening package` once (a `dotnet publish` of the Function App: a minute or two) for all tests.</summary>
public sealed class PackagedApp : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"listening-pkg-{Guid.NewGuid():N}");
    public string Zip => Path.Combine(Directory, "listening.zip");
    public string Unpacked => Path.Combine(Directory, "wwwroot");
    public PackageResult Result { get; private set; } = null!;

    /// <summary>The published functions.metadata: what the Functions host indexes.</summary>
    public JsonArray Metadata => JsonNode.Parse(File.ReadAllText(Path.Combine(Unpacked, "functions.metadata")))!.AsArray();

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Result = await FunctionAppPackage.BuildAsync(RepoRoot.Path, Zip, publishDir: null, TextWriter.Null, CancellationToken.None);
        ZipFile.ExtractToDirectory(Zip, Unpacked);
    }

    public Task DisposeAsync()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public sealed class FunctionAppPackageTests(PackagedApp package) : IClassFixture<PackagedApp>
{
    [Fact]
    public void Package_has_host_json_functions_metadata_and_worker_config_at_the_root_with_the_worker_and_the_model()
    {
        using var zip = ZipFile.OpenRead(package.Zip);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Subset(names, FunctionAppPackage.RootFiles.ToHashSet());
        var worker = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Unpacked, "worker.config.json")))!["description"]!;
        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        Assert.Contains((string)worker["defaultWorkerPath"]!, names);
        Assert.Contains("Listening.Pipeline.dll", names);
        Assert.Contains("Responses/templates/catalog.json", names);
        Assert.DoesNotContain(names, n => n.EndsWith(".pdb", StringComparison.Ordinal));
        if (File.Exists(RepoRoot.Combine("ml-models", "sentiment", "model.zip"))) Assert.Contains("sentiment-model.zip", names);
        // The repository's host.json, as the customer asked: no custom handler, no extension bundle (the worker carries its extensions).
        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(package.Unpacked, "host.json")))!.AsObject();
        Assert.Equal(File.ReadAllText(RepoRoot.Combine("host.json")), File.ReadAllText(Path.Combine(package.Unpacked, "host.json")));
        Assert.False(host.ContainsKey("customHandler"));
        Assert.False(host.ContainsKey("extensionBundle"));
        Assert.Equal(package.Metadata.Select(f => (string)f!["name"]!).Order(StringComparer.Ordinal), package.Result.Functions);
    }

    [Fact]
    public async Task A_folder_without_host_json_is_refused_as_bad_input()
    {
        var empty = System.IO.Directory.CreateTempSubdirectory("listening-nohost-");
        try
        {
            var error = await Assert.ThrowsAsync<PackageException>(() =>
                FunctionAppPackage.BuildAsync(empty.FullName, Path.Combine(empty.FullName, "x.zip"), null, TextWriter.Null, CancellationToken.None));
            Assert.Equal(2, error.ExitCode);
            Assert.Contains("host.json", error.Message);
            Assert.False(File.Exists(Path.Combine(empty.FullName, "x.zip")));
        }
        finally { empty.Delete(recursive: true); }
    }

    [Fact]
    public async Task Package_command_fails_with_exit_code_2_without_a_function_app_root()
    {
        var main = typeof(Program).Assembly.EntryPoint!;
        var result = main.Invoke(null, [new[] { "package", "--root", Path.Combine(package.Directory, "no-such-root"), "--out", Path.Combine(package.Directory, "y.zip") }]);
        var code = result is Task<int> t ? await t : (int)result!;

        Assert.Equal(2, code);
    }
}
