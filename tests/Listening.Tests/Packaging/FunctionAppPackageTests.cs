using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Packaging;
using Listening.Storage;
using Listening.Tests.Infra;
using Listening.Tests.Stores.Cosmos;
using Xunit.Abstractions;

namespace Listening.Tests.Packaging;

/// <summary>Runs `listening package` once (a self-contained linux-x64 publish takes a minute or two) for all tests.</summary>
public sealed class PackagedApp : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"listening-pkg-{Guid.NewGuid():N}");
    public string Zip => Path.Combine(Directory, "listening.zip");
    public string Unpacked => Path.Combine(Directory, "wwwroot");
    public PackageResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        Result = await FunctionAppPackage.BuildAsync(RepoRoot.Path, Zip, publishDir: null, TextWriter.Null, CancellationToken.None);
        ZipFile.ExtractToDirectory(Zip, Unpacked); // applies the entries' Unix modes, as the deployment does
    }

    public Task DisposeAsync()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

[Collection(CosmosServerCollection.Name)]
public sealed class FunctionAppPackageTests(PackagedApp package, CosmosServerFixture cosmos, ITestOutputHelper output) : IClassFixture<PackagedApp>
{
    [Fact]
    public void Package_holds_host_json_every_function_folder_and_the_executable_handler()
    {
        using var zip = ZipFile.OpenRead(package.Zip);
        var names = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("host.json", names);
        foreach (var folder in System.IO.Directory.GetDirectories(RepoRoot.Combine("functions")).Where(d => File.Exists(Path.Combine(d, "function.json"))))
            Assert.Contains($"{Path.GetFileName(folder)}/function.json", names);
        var handler = zip.GetEntry(FunctionAppPackage.Executable)!;
        Assert.Equal(0b111_101_101, (handler.ExternalAttributes >> 16) & 0b111_111_111); // rwxr-xr-x
        Assert.DoesNotContain(names, n => n.EndsWith(".pdb", StringComparison.Ordinal));
        // host.json's customHandler runs exactly this file.
        var host = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("host.json")))!;
        Assert.Equal(FunctionAppPackage.Executable, (string?)host["customHandler"]!["description"]!["defaultExecutablePath"]);
        if (File.Exists(RepoRoot.Combine("ml-models", "sentiment", "model.zip")))
            Assert.Contains(FunctionAppPackage.ModelFileName, names);
    }

    [Fact]
    public async Task Handler_started_from_the_package_like_the_host_answers_an_invocation()
    {
        await using var handler = await PackagedHandler.StartAsync(package);
        var item = NewItem();

        var body = await handler.InvokeAsync("ScoreFeedback", Message(item));

        var document = body.GetProperty("Outputs").GetProperty("document");
        Assert.Equal(item.Id, document.GetProperty("id").GetString());
        Assert.Equal("scored", document.GetProperty("stage").GetString());
        Assert.True(document.TryGetProperty("sentiment", out _));
        Assert.Equal(item.Id, body.GetProperty("Outputs").GetProperty("scored").GetProperty("id").GetString());

        // A forwarded HTTP-only function answers on its function.json route.
        using var health = await handler.Client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>
    /// Handler time per invocation (the GB-seconds of the cost model), measured on the packaged handler over
    /// loopback with the local SQLite store; Cosmos DB and Service Bus round trips on Azure come on top. Run:
    ///   dotnet test tests/Listening.Tests -c Release --filter Packaged_handler_time_per_invocation --logger "console;verbosity=detailed"
    /// </summary>
    [Fact]
    public async Task Packaged_handler_time_per_invocation()
    {
        const int Items = 200;
        await using var handler = await PackagedHandler.StartAsync(package);
        for (var i = 0; i < 20; i++) await handler.InvokeAsync("ScoreFeedback", Message(NewItem())); // warm-up (JIT)

        var times = new Dictionary<string, List<double>> { ["IngestFeedback"] = [], ["ScoreFeedback"] = [], ["RespondToAuthor"] = [] };
        for (var i = 0; i < Items; i++)
        {
            var item = NewItem(i);
            var ingest = new JsonObject
            {
                ["Data"] = new JsonObject
                {
                    ["req"] = new JsonObject
                    {
                        ["Url"] = "https://listening.example/api/feedback", ["Method"] = "POST", ["Query"] = new JsonObject(),
                        ["Headers"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json") }, ["Params"] = new JsonObject(),
                        ["Body"] = JsonSerializer.Serialize(new { brand = item.Brand, text = item.Text, source = "bench", externalId = item.Id }),
                    },
                },
                ["Metadata"] = new JsonObject(),
            };
            var watch = Stopwatch.StartNew();
            await handler.InvokeAsync("IngestFeedback", ingest);
            times["IngestFeedback"].Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var scored = await handler.InvokeAsync("ScoreFeedback", Message(item));
            times["ScoreFeedback"].Add(watch.Elapsed.TotalMilliseconds);
            var next = new JsonObject { ["Data"] = new JsonObject { ["message"] = scored.GetProperty("Outputs").GetProperty("scored").GetRawText() }, ["Metadata"] = new JsonObject() };
            watch.Restart();
            await handler.InvokeAsync("RespondToAuthor", next);
            times["RespondToAuthor"].Add(watch.Elapsed.TotalMilliseconds);
        }

        foreach (var (function, ms) in times)
        {
            ms.Sort();
            output.WriteLine($"{function,-16} mean {ms.Average(),6:F2} ms  p50 {ms[ms.Count / 2],6:F2} ms  p95 {ms[(int)(ms.Count * 0.95)],6:F2} ms  (n={ms.Count})");
            Assert.True(ms[(int)(ms.Count * 0.95)] < 1000, $"{function} p95 over a second");
        }
    }

    /// <summary>
    /// The Azure shape's storage end to end: the packaged handler configured as the Bicep template configures it
    /// (<c>Listening__Store__Kind=Cosmos</c>), against the Cosmos DB protocol server. The test plays the Functions host:
    /// it invokes the functions and applies their <c>document</c> output to the feedback container, as the Cosmos DB
    /// output binding does (an upsert).
    /// </summary>
    [Fact]
    public async Task Packaged_handler_on_Cosmos_DB_scores_then_thanks_and_awards_each_item_once()
    {
        var options = cosmos.Options($"pkg-{Guid.NewGuid():N}");
        options.ResponsesContainer = options.FeedbackContainer + "-responses";
        await Listening.Storage.Cosmos.CosmosStoreSetup.EnsureCreatedAsync(cosmos.Client, options, CancellationToken.None);
        var feedback = cosmos.Client.GetContainer(options.Database, options.FeedbackContainer);
        var localData = Path.Combine(package.Directory, $"data-{Guid.NewGuid():N}");
        await using var handler = await PackagedHandler.StartAsync(package, new Dictionary<string, string>
        {
            ["Listening__Local__DataDir"] = localData,
            ["Listening__Store__Kind"] = "Cosmos",
            ["Listening__Store__Cosmos__AccountEndpoint"] = options.AccountEndpoint!.ToString(),
            ["Listening__Store__Cosmos__AccountKey"] = options.AccountKey!,
            ["Listening__Store__Cosmos__Database"] = options.Database,
            ["Listening__Store__Cosmos__FeedbackContainer"] = options.FeedbackContainer,
            ["Listening__Store__Cosmos__AggregatesContainer"] = options.AggregatesContainer,
            ["Listening__Store__Cosmos__ResponsesContainer"] = options.ResponsesContainer,
            ["Listening__Store__Cosmos__UseGatewayMode"] = "true",
            ["Listening__Store__Cosmos__AcceptAnyServerCertificate"] = "true",
        });
        var item = NewItem() with { Source = "site", Author = new Author("author-pkg", "Ann", "@ann", null) }; // "site" allows incentives

        // Ingest: the store's create and the spam check's per-author history, both on Cosmos DB.
        var ingested = await handler.InvokeAsync("IngestFeedback", new JsonObject
        {
            ["Data"] = new JsonObject
            {
                ["req"] = new JsonObject
                {
                    ["Url"] = "https://listening.example/api/feedback", ["Method"] = "POST", ["Query"] = new JsonObject(),
                    ["Headers"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json") }, ["Params"] = new JsonObject(),
                    ["Body"] = JsonSerializer.Serialize(new { id = item.Id, brand = item.Brand, text = item.Text, source = item.Source, createdAt = item.CreatedAt,
                        author = new { id = item.Author.Id, name = item.Author.Name, handle = item.Author.Handle } }),
                },
            },
            ["Metadata"] = new JsonObject(),
        });
        Assert.Equal(202, ingested.GetProperty("Outputs").GetProperty("res").GetProperty("statusCode").GetInt32());
        Assert.Equal("ingested", (await ReadAsync(feedback, item.Id, FeedbackPartitionKey.For(item))).GetProperty("stage").GetString());

        var scored = await handler.InvokeAsync("ScoreFeedback", Message(item));
        await UpsertAsync(feedback, scored.GetProperty("Outputs").GetProperty("document"));
        var message = new JsonObject { ["Data"] = new JsonObject { ["message"] = scored.GetProperty("Outputs").GetProperty("scored").GetRawText() }, ["Metadata"] = new JsonObject() };
        var first = await handler.InvokeAsync("RespondToAuthor", message);
        await UpsertAsync(feedback, first.GetProperty("Outputs").GetProperty("document"));
        var redelivered = await handler.InvokeAsync("RespondToAuthor", (JsonObject)message.DeepClone());

        Assert.Contains("awarded (50 points)", first.GetProperty("Logs").ToString());
        Assert.Contains("already decided", redelivered.GetProperty("Logs").ToString());
        var points = await handler.Client.GetFromJsonAsync<JsonElement>("/api/authors/author-pkg/points");
        Assert.Equal(50, points.GetProperty("balance").GetInt32());
        var responses = cosmos.Client.GetContainer(options.Database, options.ResponsesContainer);
        var outbox = await ReadAsync(responses, $"outbox|thanks-{item.Id}", $"outbox|thanks-{item.Id}");
        Assert.Equal("pending", outbox.GetProperty("status").GetString());
        var stored = await ReadAsync(feedback, item.Id, FeedbackPartitionKey.For(item));
        Assert.Equal("responded", stored.GetProperty("stage").GetString());
        using var status = await handler.Client.GetAsync("/api/status");
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        // Nothing of the Azure shape lives on the instance's disk (not shared between instances, not kept on recycle).
        Assert.False(System.IO.Directory.Exists(localData), "the Azure shape opened the local SQLite store");
    }

    private static async Task<JsonElement> ReadAsync(Microsoft.Azure.Cosmos.Container container, string id, string pk)
    {
        using var response = await container.ReadItemStreamAsync(id, new Microsoft.Azure.Cosmos.PartitionKey(pk));
        Assert.True(response.IsSuccessStatusCode, $"read {id}: {response.StatusCode}");
        return (await JsonDocument.ParseAsync(response.Content)).RootElement.Clone();
    }

    private static async Task UpsertAsync(Microsoft.Azure.Cosmos.Container container, JsonElement document)
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(document.GetRawText()));
        using var response = await container.UpsertItemStreamAsync(body, new Microsoft.Azure.Cosmos.PartitionKey(document.GetProperty("pk").GetString()));
        Assert.True(response.IsSuccessStatusCode, $"upsert: {response.StatusCode}");
    }

    private static FeedbackItem NewItem(int i = 0) =>
        new($"pkg-{Guid.NewGuid():N}", FeedbackKind.Review, "test", "Acme",
            i % 2 == 0 ? "The pancakes were great but the waiter was rude, and delivery took an hour." : "Блины отличные, но официант был груб, а доставка заняла час.",
            new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero));

    private static JsonObject Message(FeedbackItem item) => new()
    {
        ["Data"] = new JsonObject { ["message"] = FeedbackDocument.ToJson(new FeedbackRecord(item, FeedbackStage.Ingested, null, item.CreatedAt)).ToJsonString() },
        ["Metadata"] = new JsonObject { ["DeliveryCount"] = 1, ["MessageId"] = item.Id },
    };

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

/// <summary>The packaged handler started the way the Functions host starts it: the executable and arguments from
/// host.json's customHandler, in the unpacked script root, with FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
internal sealed class PackagedHandler : IAsyncDisposable
{
    private readonly Process process;

    private PackagedHandler(Process process, HttpClient client)
    {
        this.process = process;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<PackagedHandler> StartAsync(PackagedApp package, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Path.Combine(package.Unpacked, FunctionAppPackage.Executable))
        {
            WorkingDirectory = package.Unpacked,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in JsonNode.Parse(File.ReadAllText(Path.Combine(package.Unpacked, "host.json")))!["customHandler"]!["description"]!["arguments"]!.AsArray())
            info.ArgumentList.Add((string)argument!);
        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString();
        info.Environment["AzureWebJobsScriptRoot"] = package.Unpacked;
        info.Environment["Listening__Local__DataDir"] = Path.Combine(package.Directory, $"data-{Guid.NewGuid():N}");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var handler = new PackagedHandler(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) });
        try
        {
            await WaitUntilListeningAsync(port, process, stderr, TimeSpan.FromSeconds(60)); // the host's start-up limit
            return handler;
        }
        catch
        {
            await handler.DisposeAsync();
            throw;
        }
    }

    public async Task<JsonElement> InvokeAsync(string function, JsonObject payload)
    {
        using var response = await Client.PostAsync("/" + function, new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{function}: {(int)response.StatusCode} {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilListeningAsync(int port, Process handler, Task<string> stderr, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (handler.HasExited) Assert.Fail($"handler exited with {handler.ExitCode}: {await stderr}");
            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        Assert.Fail($"handler did not listen on {port} within {limit}");
    }
}
