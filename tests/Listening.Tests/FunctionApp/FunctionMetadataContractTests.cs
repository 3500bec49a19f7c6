using System.Text.Json.Nodes;
using Listening.Pipeline;
using Listening.Tests.Infra;
using Listening.Tests.Packaging;
using Listening.Tests.Pipeline;
using Microsoft.AspNetCore.Routing;

namespace Listening.Tests.FunctionApp;

/// <summary>
/// The published <c>functions.metadata</c> (what the Functions host indexes, generated from the attributes) ⇄ the local
/// shape's HTTP surface and jobs ⇄ infra/main.bicep: every function's name, route, methods and auth level equal the local
/// endpoint of the same name; every timer reads the app setting its local job reads, and Bicep sets it; the queues the
/// stages drain are the ones Bicep declares. So the two hosts and the infrastructure cannot drift.
/// </summary>
[Collection(SharedLocalShape.Name)]
public sealed class FunctionMetadataContractTests(PackagedApp package, CompiledTemplate infra, SharedLocalShape local)
    : IClassFixture<PackagedApp>, IClassFixture<CompiledTemplate>
{
    private IReadOnlyList<RouteEndpoint> LocalEndpoints() =>
        local.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null).ToList();

    private IEnumerable<JsonObject> Functions(string trigger) =>
        package.Metadata.Select(f => f!.AsObject()).Where(f => (string?)f["bindings"]![0]!["type"] == trigger);

    private static JsonObject Trigger(JsonObject function) => function["bindings"]![0]!.AsObject();

    [Fact]
    public void Every_http_function_is_the_local_endpoint_of_the_same_name_route_methods_and_auth_level()
    {
        var local = LocalEndpoints().ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName);
        var http = Functions("httpTrigger").ToList();

        Assert.Equal(local.Keys.Order(StringComparer.Ordinal), http.Select(f => (string)f["name"]!).Order(StringComparer.Ordinal));
        foreach (var function in http)
        {
            var name = (string)function["name"]!;
            var trigger = Trigger(function);
            var endpoint = local[name];
            Assert.Equal("api/" + (string)trigger["route"]!, endpoint.RoutePattern.RawText!.TrimStart('/'));
            Assert.Equal(trigger["methods"]!.AsArray().Select(m => ((string)m!).ToUpperInvariant()).Order(),
                endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Order());
            Assert.Equal(((string)trigger["authLevel"]!).ToLowerInvariant(), endpoint.Metadata.GetMetadata<FunctionAccess>()!.AuthLevel);
        }
    }

    [Fact]
    public void Every_timer_reads_the_app_setting_its_local_job_reads_and_the_infrastructure_sets_it()
    {
        var settings = AppSettings();
        var jobs = PipelineJobs.Schedules.ToDictionary(j => j.Name);
        var consumers = PipelineJobs.Consumers.Select(c => c.Name).ToHashSet();
        var timers = Functions("timerTrigger").ToList();

        foreach (var function in timers)
        {
            var name = (string)function["name"]!;
            var schedule = (string)Trigger(function)["schedule"]!;
            Assert.True(schedule.Length > 2 && schedule[0] == '%' && schedule[^1] == '%', $"{name}: the schedule {schedule} must be an app setting");
            var setting = schedule[1..^1];
            Assert.Contains(setting, settings);
            if (consumers.Contains(name)) { Assert.Equal("QueueDrainSchedule", setting); continue; }
            Assert.True(jobs.TryGetValue(name, out var job), $"{name} is not a local job (PipelineJobs.Schedules)");
            Assert.Equal(job!.ScheduleSetting, setting);
            Assert.Equal(job.RunOnStartup, (bool?)Trigger(function)["runOnStartup"] ?? false);
        }
        // Both directions: every local job and every stage has its function.
        Assert.Equal(jobs.Keys.Concat(consumers).Order(StringComparer.Ordinal), timers.Select(f => (string)f["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_stages_drain_the_queues_the_infrastructure_declares_and_the_runtime_is_the_isolated_worker_on_dotnet_10()
    {
        var queues = infra.Template["variables"]!["queueNames"]!.AsArray().Select(q => (string)q!).ToList();
        Assert.Equal(PipelineQueues.All.Order(), queues.Order());
        Assert.Equal(PipelineJobs.Consumers.Select(c => c.Queue).Order(), queues.Order());

        var runtime = infra.Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["runtime"]!;
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.All(package.Metadata, f => Assert.Equal("dotnet-isolated", (string?)f!["language"]));
    }

    [Fact]
    public void Local_settings_example_names_every_schedule_and_the_worker_runtime()
    {
        var values = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("functions", "Listening.FunctionApp", "local.settings.example.json")))!["Values"]!.AsObject();
        Assert.Equal("dotnet-isolated", (string?)values["FUNCTIONS_WORKER_RUNTIME"]);
        foreach (var function in Functions("timerTrigger"))
            Assert.True(values.ContainsKey(((string)Trigger(function)["schedule"]!)[1..^1]), $"{function["name"]}: schedule setting missing");
    }

    private HashSet<string> AppSettings()
    {
        var app = infra.Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "functionApp");
        var variables = app["properties"]!["template"]!["variables"]!.AsObject();
        return variables["baseSettings"]!.AsObject().Select(p => p.Key).ToHashSet();
    }
}

/// <summary>One local shape (not started as a server) whose endpoints the contract compares.</summary>
public sealed class SharedLocalShape : PipelineFactory
{
    public const string Name = "local-shape";
    public SharedLocalShape() : base(null, null) { }
}

[CollectionDefinition(SharedLocalShape.Name)]
public sealed class SharedLocalShapeCollection : ICollectionFixture<SharedLocalShape>;
