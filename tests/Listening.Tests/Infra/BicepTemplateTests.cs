using System.Text.Json.Nodes;

namespace Listening.Tests.Infra;

/// <summary>Compiles infra/main.bicep once (offline, with the packaged Bicep CLI) for all template tests.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    public ToolRun Build { get; private set; } = null!;
    public JsonObject Template { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync("build", "main.bicep", "--stdout");
        Template = JsonNode.Parse(Build.StdOut)!.AsObject();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Every resource, including those inside module deployments.</summary>
    public IEnumerable<JsonObject> Resources(string type) => Walk(Template).Where(r => (string?)r["type"] == type);

    public JsonObject Single(string type) => Assert.Single(Resources(type));

    /// <summary>The whole compiled template as text, to find role definition ids and settings.</summary>
    public string Text => Template.ToJsonString();

    private static IEnumerable<JsonObject> Walk(JsonObject template)
    {
        foreach (var node in template["resources"]!.AsArray())
        {
            var resource = node!.AsObject();
            yield return resource;
            if ((string?)resource["type"] == "Microsoft.Resources/deployments")
                foreach (var inner in Walk(resource["properties"]!["template"]!.AsObject()))
                    yield return inner;
        }
    }
}

public class BicepTemplateTests(CompiledTemplate compiled) : IClassFixture<CompiledTemplate>
{
    [Fact]
    public void Main_template_builds_without_warnings_or_errors()
    {
        Assert.Equal(0, compiled.Build.ExitCode);
        Assert.Empty(BicepCli.Diagnostics(compiled.Build));
    }

    [Fact]
    public async Task Main_template_and_modules_lint_clean_offline()
    {
        // bicepconfig.json turns off the rules that ask a registry or age with the calendar.
        var lint = await BicepCli.RunAsync("lint", "main.bicep");

        Assert.True(lint.ExitCode == 0, lint.StdErr);
        Assert.Empty(BicepCli.Diagnostics(lint));
    }

    [Fact]
    public void Function_app_runs_the_isolated_worker_on_dotnet_10_on_flex_consumption()
    {
        var plan = compiled.Single("Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.True((bool?)plan["properties"]!["reserved"]); // Linux

        var site = compiled.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
    }

    [Fact]
    public void Queues_detect_duplicates_and_dead_letter_what_fails_or_expires()
    {
        var queueNames = compiled.Template["variables"]!["queueNames"]!.AsArray().Select(n => (string?)n).ToList();
        Assert.Equal(["feedback-ingested", "feedback-scored"], queueNames);

        var queue = compiled.Single("Microsoft.ServiceBus/namespaces/queues")["properties"]!;
        Assert.True((bool?)queue["requiresDuplicateDetection"]);
        Assert.True((bool?)queue["deadLetteringOnMessageExpiration"]);
        Assert.False((bool?)queue["requiresSession"]);
        Assert.NotNull(queue["maxDeliveryCount"]);
        Assert.NotNull(queue["duplicateDetectionHistoryTimeWindow"]);
    }

    [Fact]
    public void The_app_reaches_service_bus_and_cosmos_db_through_its_own_clients_with_the_identity()
    {
        var app = compiled.Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "functionApp");
        var settings = app["properties"]!["template"]!["variables"]!["baseSettings"]!.AsObject();
        Assert.Equal("ServiceBus", (string?)settings["Listening__Queue__Kind"]);
        Assert.Equal("Cosmos", (string?)settings["Listening__Store__Kind"]);
        Assert.True(settings.ContainsKey("Listening__Queue__ServiceBus__FullyQualifiedNamespace"));
        Assert.True(settings.ContainsKey("QueueDrainSchedule"));
        // No binding needs a Cosmos DB connection any more, and nothing holds a key or a connection string.
        Assert.DoesNotContain(settings, s => s.Key.StartsWith("CosmosDbConnection", StringComparison.Ordinal));
        Assert.DoesNotContain(settings, s => s.Key.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) && s.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    [Fact]
    public void Data_plane_access_uses_the_managed_identity_not_keys()
    {
        Assert.False((bool?)compiled.Single("Microsoft.Storage/storageAccounts")["properties"]!["allowSharedKeyAccess"]);
        Assert.True((bool?)compiled.Single("Microsoft.ServiceBus/namespaces")["properties"]!["disableLocalAuth"]);
        Assert.True((bool?)compiled.Single("Microsoft.DocumentDB/databaseAccounts")["properties"]!["disableLocalAuth"]);
        Assert.True((bool?)compiled.Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]);
        Assert.True((bool?)compiled.Single("Microsoft.KeyVault/vaults")["properties"]!["enableRbacAuthorization"]);
        Assert.Single(compiled.Resources("Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"));

        string[] roles =
        [
            "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", // Azure Service Bus Data Sender
            "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", // Azure Service Bus Data Receiver
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
            "00000000-0000-0000-0000-000000000002", // Cosmos DB Built-in Data Contributor
        ];
        Assert.All(roles, role => Assert.Contains(role, compiled.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Cosmos_containers_match_what_the_store_adapter_writes()
    {
        var declared = compiled.Template["variables"]!["cosmosContainers"]!.AsArray()
            .ToDictionary(c => (string)c!["name"]!, c => c!.AsObject());

        foreach (var (name, partitionKey) in Listening.Storage.Cosmos.CosmosStoreSetup.PartitionKeyPaths)
        {
            Assert.True(declared.ContainsKey(name), $"infra/main.bicep declares no container '{name}'");
            Assert.Equal(partitionKey, (string?)declared[name]["partitionKey"]);
        }
        // The feedback queries filter on stage, createdUtc and updatedUtc and sort on createdUtc: those must stay indexed.
        var indexed = declared["feedback"]["indexedPaths"]!.AsArray().Select(p => (string?)p).ToList();
        Assert.Contains("/stage/?", indexed);
        Assert.Contains("/createdUtc/?", indexed);
        Assert.Contains("/updatedUtc/?", indexed);
        Assert.Contains("/author/id/?", indexed); // erasure finds an author's items
        // The responses store's queries: due outbox messages, the tracking window, an author's documents on erasure.
        var responses = declared["responses"]["indexedPaths"]!.AsArray().Select(p => (string?)p).ToList();
        Assert.All(new[] { "/type/?", "/status/?", "/nextAttemptUtc/?", "/leaseUntilUtc/?", "/authorId/?", "/createdUtc/?", "/repliedUtc/?", "/reachable/?" },
            path => Assert.Contains(path, responses));
    }

    [Fact]
    public void Template_outputs_the_endpoints_a_deployment_needs()
    {
        var outputs = compiled.Template["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();
        HashSet<string> needed = ["functionAppName", "functionAppUrl", "serviceBusNamespace", "cosmosEndpoint", "keyVaultUri", "deploymentContainerUrl"];
        Assert.Subset(outputs, needed);
    }
}
