using System.Diagnostics;
using Listening.Storage.Cosmos;
using Listening.Tests.Infra;
using Microsoft.Azure.Cosmos;

namespace Listening.Tests.Stores.Cosmos;

/// <summary>
/// A real Cosmos DB protocol server on loopback: @vercel/cosmosdb-server 1.0.1 (installed by
/// scripts/install-test-deps.sh into tests/.tools) behind cosmosdb-server.js, which patches the
/// server's two known gaps (query plans, 404s) and charges modelled RUs. One process per test run.
/// </summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    // The public, documented key of the Cosmos DB emulator: the loopback server accepts any key.
    public const string EmulatorKey = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";

    private Process? server;
    private int containers;

    public Uri Endpoint { get; private set; } = null!;
    public CosmosClient Client { get; private set; } = null!;

    public CosmosStoreOptions Options(string container) => new()
    {
        AccountEndpoint = Endpoint,
        AccountKey = EmulatorKey,
        Database = "listening-tests",
        FeedbackContainer = container,
        AggregatesContainer = container + "-aggregates",
        UseGatewayMode = true,
        AcceptAnyServerCertificate = true,
        CreateIfMissing = true,
    };

    /// <summary>A fresh, empty feedback container, so tests never see each other's documents.</summary>
    public async Task<Container> NewFeedbackContainerAsync(string prefix) => (await NewContainersAsync(prefix)).Feedback;

    /// <summary>Fresh, empty feedback and aggregates containers.</summary>
    public async Task<(Container Feedback, Container Aggregates)> NewContainersAsync(string prefix)
    {
        var options = Options($"{prefix}-{Interlocked.Increment(ref containers)}");
        await CosmosStoreSetup.EnsureCreatedAsync(Client, options, CancellationToken.None);
        return (Client.GetContainer(options.Database, options.FeedbackContainer), Client.GetContainer(options.Database, options.AggregatesContainer));
    }

    public async Task InitializeAsync()
    {
        var modules = Environment.GetEnvironmentVariable("LISTENING_NODE_MODULES") ?? RepoRoot.Combine("tests", ".tools", "node_modules");
        if (!File.Exists(Path.Combine(modules, "@vercel", "cosmosdb-server", "package.json")))
            throw new InvalidOperationException($"@vercel/cosmosdb-server is not installed under {modules}: run scripts/install-test-deps.sh");

        var script = RepoRoot.Combine("tests", "Listening.Tests", "Storage", "Cosmos", "cosmosdb-server.js");
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(modules);
        server = Process.Start(info) ?? throw new InvalidOperationException("could not start node");
        _ = server.StandardError.ReadToEndAsync();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var ready = await server.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("cosmosdb-server exited before it was ready");
        if (!ready.StartsWith("READY ", StringComparison.Ordinal))
            throw new InvalidOperationException($"unexpected cosmosdb-server output: {ready}");
        Endpoint = new Uri($"https://127.0.0.1:{int.Parse(ready[6..])}/");
        Client = CosmosStoreSetup.CreateClient(Options("unused"));
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        if (server is { HasExited: false })
        {
            server.StandardInput.Close();
            if (!server.WaitForExit(TimeSpan.FromSeconds(5)))
                server.Kill(entireProcessTree: true);
        }
        server?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class CosmosServerCollection : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "cosmos-server";
}
