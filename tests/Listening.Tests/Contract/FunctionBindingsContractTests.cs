using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Handler;
using Listening.Storage;
using Listening.Tests.Infra;
using Listening.Tests.Pipeline;
using Listening.Topology;
using Microsoft.AspNetCore.Routing;

namespace Listening.Tests.Contract;

/// <summary>
/// function.json ⇄ handler ⇄ infra: every function folder has a handler endpoint; each function, invoked the
/// way the Functions host invokes it (Data holding exactly its declared input bindings), succeeds and writes
/// exactly its declared output bindings, each with a value of the binding's type; and every queue,
/// container, connection and %setting% a binding names exists in infra/main.bicep. So the three cannot drift.
/// </summary>
public sealed class FunctionBindingsContractTests(ContractPipeline factory, CompiledTemplate infra)
    : IClassFixture<ContractPipeline>, IClassFixture<CompiledTemplate>
{
    private static readonly FunctionTopology Topology = FunctionTopology.Load(RepoRoot.Path);
    private readonly HttpClient client = factory.CreateClient();

    public static TheoryData<string> Functions() => new(Topology.Functions.Select(f => f.Name));

    public static TheoryData<string> InvokedFunctions() =>
        new(Topology.Functions.Where(f => !FunctionRegistration.Forwarded(Topology, f)).Select(f => f.Name));

    private static FunctionDefinition Function(string name) => Topology.Functions.Single(f => f.Name == name);

    [Fact]
    public void Every_function_folder_is_found()
    {
        var folders = Directory.GetDirectories(RepoRoot.Combine("functions"))
            .Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName);
        Assert.Equal(folders.Order(), Topology.Functions.Select(f => f.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_function_folder_has_a_handler_endpoint(string name)
    {
        var function = Function(name);
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        if (FunctionRegistration.Forwarded(Topology, function))
        {
            // The host forwards the original request to the same path: the handler must serve the function.json route.
            var route = FunctionRegistration.RouteOf(Topology, function);
            Assert.Contains(endpoints, e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name
                                            && "/" + e.RoutePattern.RawText!.TrimStart('/') == route);
        }
        else
        {
            Assert.Contains(endpoints, e => e.RoutePattern.RawText!.TrimStart('/') == name
                                            && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true);
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Bindings_are_ones_the_extension_bundle_knows(string name)
    {
        foreach (var binding in Function(name).Bindings)
        {
            var known = (binding.Type, binding.Direction) switch
            {
                ("httpTrigger", "in") => Has(binding, "methods") || true,
                ("http", "out") => true,
                ("timerTrigger", "in") => Has(binding, "schedule"),
                ("serviceBusTrigger", "in") => Has(binding, "queueName") && Has(binding, "connection")
                    && binding.GetBool("isSessionsEnabled", true) == false && binding.GetBool("autoCompleteMessages", false),
                ("serviceBus", "out") => Has(binding, "queueName") && Has(binding, "connection"),
                ("cosmosDB", "out") => Has(binding, "databaseName") && Has(binding, "containerName") && Has(binding, "connection"),
                _ => false,
            };
            Assert.True(known, $"{name}/function.json: binding '{binding.Name}' ({binding.Type}, {binding.Direction}) is not a complete binding of a kind the handler supports");
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Queues_containers_connections_and_settings_exist_in_the_infrastructure(string name)
    {
        var queues = infra.Template["variables"]!["queueNames"]!.AsArray().Select(q => (string)q!).ToHashSet();
        var containers = infra.Template["variables"]!["cosmosContainers"]!.AsArray().Select(c => (string)c!["name"]!).ToHashSet();
        var database = (string)infra.Template["variables"]!["cosmosDatabase"]!;
        var settings = AppSettings();

        foreach (var binding in Function(name).Bindings)
        {
            if (binding.GetString("queueName") is { } queue)
                Assert.Contains(queue.Replace("/$DeadLetterQueue", "", StringComparison.Ordinal), queues);
            if (binding.Type == "cosmosDB")
            {
                Assert.Equal(database, binding.GetString("databaseName"));
                Assert.Contains(binding.GetString("containerName")!, containers);
                Assert.Contains(binding.GetString("connection") + "__accountEndpoint", settings);
            }
            if (binding.Type.StartsWith("serviceBus", StringComparison.Ordinal))
                Assert.Contains(binding.GetString("connection") + "__fullyQualifiedNamespace", settings);
            foreach (var property in binding.Properties.Values.Where(v => v.ValueKind == JsonValueKind.String))
            {
                var text = property.GetString()!;
                if (text.Length > 2 && text[0] == '%' && text[^1] == '%')
                    Assert.Contains(text[1..^1], settings);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Connections_and_settings_are_in_the_local_settings_example(string name)
    {
        // Copied to local.settings.json, it is what Core Tools need to run the same function.json files.
        var values = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("local.settings.example.json")))!["Values"]!.AsObject();
        Assert.Equal("Custom", (string?)values["FUNCTIONS_WORKER_RUNTIME"]);
        foreach (var binding in Function(name).Bindings)
        {
            if (binding.Type == "cosmosDB") Assert.True(values.ContainsKey(binding.GetString("connection") + "__accountEndpoint"));
            if (binding.Type.StartsWith("serviceBus", StringComparison.Ordinal))
                Assert.True(values.ContainsKey(binding.GetString("connection") + "__fullyQualifiedNamespace"));
            foreach (var text in binding.Properties.Values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!))
                if (text.Length > 2 && text[0] == '%' && text[^1] == '%')
                    Assert.True(values.ContainsKey(text[1..^1]), $"{name}: %{text[1..^1]}% missing from local.settings.example.json");
        }
    }

    [Theory]
    [MemberData(nameof(InvokedFunctions))]
    public async Task Invoked_with_its_declared_inputs_a_function_writes_exactly_its_declared_outputs(string name)
    {
        var function = Function(name);
        var (status, body) = await InvokeAsync(function);

        Assert.True(status == HttpStatusCode.OK, $"{name} failed: {body}");
        var outputs = body.GetProperty("Outputs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var declared = function.Outputs.ToDictionary(b => b.Name);
        Assert.Equal(declared.Keys.Order(), outputs.Keys.Order());
        foreach (var (binding, value) in outputs)
            AssertValueFits(name, declared[binding], value);
    }

    [Theory]
    [MemberData(nameof(InvokedFunctions))]
    public async Task Documents_for_the_feedback_container_carry_its_partition_key(string name)
    {
        var function = Function(name);
        var feedbackOutputs = function.Outputs.Where(b => b.Type == "cosmosDB" && b.GetString("containerName") == "feedback").ToList();
        if (feedbackOutputs.Count == 0) return;
        var (_, body) = await InvokeAsync(function);
        foreach (var binding in feedbackOutputs)
            foreach (var document in Items(body.GetProperty("Outputs").GetProperty(binding.Name)))
            {
                var record = FeedbackDocument.Parse(document);
                Assert.Equal(FeedbackPartitionKey.For(record.Item), document.GetProperty("pk").GetString());
                Assert.Equal(FeedbackDocument.Utc(record.Item.CreatedAt), document.GetProperty("createdUtc").GetString());
                Assert.Equal(FeedbackDocument.Utc(record.UpdatedAt), document.GetProperty("updatedUtc").GetString());
            }
    }

    private static bool Has(Binding binding, string property) => binding.Properties.ContainsKey(property);

    private static void AssertValueFits(string function, Binding binding, JsonElement value)
    {
        var where = $"{function}: output '{binding.Name}' ({binding.Type})";
        switch (binding.Type)
        {
            case "http":
                Assert.True(value.ValueKind == JsonValueKind.Object && value.TryGetProperty("statusCode", out var code) && code.ValueKind == JsonValueKind.Number, $"{where} needs an object with statusCode");
                break;
            case "serviceBus":
                Assert.All(Items(value), m => Assert.True(m.ValueKind is JsonValueKind.Object or JsonValueKind.String, $"{where}: a message must be a JSON object or string"));
                break;
            case "cosmosDB":
                Assert.All(Items(value), d => Assert.True(d.ValueKind == JsonValueKind.Object && d.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String, $"{where}: a document needs a string id"));
                break;
            default:
                Assert.Fail($"{where}: unexpected output type");
                break;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];

    private async Task<(HttpStatusCode, JsonElement)> InvokeAsync(FunctionDefinition function)
    {
        var item = new FeedbackItem($"contract-{Guid.NewGuid():N}", FeedbackKind.Review, "test", "Acme",
            "The courier was late but the support team was lovely", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(3)));
        // What each queue carries: an ingested document, or (feedback-scored and its dead letters) a scored one.
        var scoredQueue = function.Bindings.Any(b => b.GetString("queueName")?.StartsWith("feedback-scored", StringComparison.Ordinal) == true);
        var scores = new FeedbackScores("en", SentimentScore.FromProbabilities(0.6f, 0.1f, 0.3f),
            [new FactorMention("delivery", SentimentLabel.Negative, 0.8f, 4, 7)]);
        var document = FeedbackDocument.ToJson(scoredQueue
            ? new FeedbackRecord(item, FeedbackStage.Scored, scores, item.CreatedAt.AddMinutes(1))
            : new FeedbackRecord(item, FeedbackStage.Ingested, null, item.CreatedAt));
        var data = new JsonObject();
        foreach (var input in function.Bindings.Where(b => !b.IsOutput))
        {
            data[input.Name] = input.Type switch
            {
                // Service Bus delivers a JSON message body as a JSON-encoded string.
                "serviceBusTrigger" => JsonValue.Create(document.ToJsonString()),
                "timerTrigger" => new JsonObject { ["Schedule"] = new JsonObject { ["AdjustForDST"] = true }, ["IsPastDue"] = false },
                "httpTrigger" => new JsonObject
                {
                    ["Url"] = "https://listening.example/api/" + input.GetString("route"),
                    ["Method"] = FunctionRegistration.MethodsOf(function)[0],
                    ["Query"] = new JsonObject(),
                    ["Headers"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json") },
                    ["Params"] = new JsonObject(),
                    ["Body"] = JsonSerializer.Serialize(new { brand = "Acme", text = "Great pancakes", source = "contract", externalId = item.Id }),
                },
                _ => throw new InvalidOperationException($"no sample payload for {input.Type}"),
            };
        }
        var payload = new JsonObject
        {
            ["Data"] = data,
            ["Metadata"] = new JsonObject
            {
                ["DeliveryCount"] = 1, ["MessageId"] = item.Id, ["DeadLetterReason"] = "MaxDeliveryCountExceeded",
                ["sys"] = new JsonObject { ["MethodName"] = function.Name },
            },
        };
        var response = await client.PostAsync("/" + function.Name, new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private HashSet<string> AppSettings()
    {
        var app = infra.Resources("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "functionApp");
        var variables = app["properties"]!["template"]!["variables"]!.AsObject();
        return variables["baseSettings"]!.AsObject().Select(p => p.Key).ToHashSet();
    }
}

/// <summary>A local shape of its own: invoking functions directly (as the host would) leaves items the local
/// runtime never moves on, which must not disturb the shared pipeline's drain checks.</summary>
public sealed class ContractPipeline() : PipelineFactory(null, null);
