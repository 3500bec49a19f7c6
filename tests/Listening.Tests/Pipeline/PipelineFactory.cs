using System.Net.Http.Json;
using Listening.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Listening.Tests.Security;

namespace Listening.Tests.Pipeline;

/// <summary>
/// The local shape in-process (WebApplicationFactory over Program: Main sees host arguments and builds the local
/// web app) on a fresh data dir. <paramref name="settings"/> override configuration, e.g. Listening:Queue:Sqlite:MaxDeliveryCount.
/// The host has the test secret (<see cref="TestKeys.Secret"/>, so tests can compute its ids) and one API key with every role,
/// which <see cref="WebApplicationFactory{T}.CreateClient()"/> sends: the tests of the features act as a trusted sender.
/// Pass <c>["Listening:Access:Keys:tests:Key"] = null</c> for a host without keys (loopback mode).
/// </summary>
public class PipelineFactory(IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services) : WebApplicationFactory<Program>
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"listening-test-{Guid.NewGuid():N}");

    private bool AdminKey => settings is null || !settings.TryGetValue("Listening:Access:Keys:tests:Key", out var key) || key is not null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Listening:Local:DataDir", DataDir);
        builder.UseSetting("Listening:Queue:Sqlite:RetryDelay", "00:00:00.010");
        builder.UseSetting("Listening:Security:Key", TestKeys.Secret);
        builder.UseSetting("Listening:Access:Keys:tests:Key", TestKeys.Admin);
        builder.UseSetting("Listening:Access:Keys:tests:Roles", "*");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureServices(services);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (AdminKey) client.DefaultRequestHeaders.Add(Listening.Access.AccessOptions.Header, TestKeys.Admin);
    }

    /// <summary>Polls /api/status until no message is pending and no item is still at ingest.</summary>
    public async Task<StatusReport> WaitForDrainAsync(HttpClient client, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var status = (await client.GetFromJsonAsync<StatusReport>("/api/status"))!;
            if (status.Drained) return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"pipeline did not drain: {System.Text.Json.JsonSerializer.Serialize(status)}");
            await Task.Delay(50);
        }
    }

    /// <summary>Leave the data dir on disk when the host stops (a test that reads the files after a graceful stop deletes it).</summary>
    public bool KeepDataDir { get; set; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (KeepDataDir) return;
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One local shape shared by the tests that need no special settings.</summary>
public sealed class SharedPipeline() : PipelineFactory(null, null);

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<SharedPipeline>
{
    public const string Name = "pipeline";
}
