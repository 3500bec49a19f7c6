using Listening.Topology;
using Listening.Web;

namespace Listening.Tests.Topology;

/// <summary>The repository's host.json and function.json files: what the Functions host and `listening serve` both read.</summary>
public class TopologyTests
{
    private static readonly string Root = FunctionTopology.FindRoot(null);
    private static readonly FunctionTopology Repository = FunctionTopology.Load(Root);

    [Fact]
    public void Host_json_declares_the_custom_handler_with_forwarding_and_the_v4_extension_bundle()
    {
        using var host = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "host.json")));
        var handler = host.RootElement.GetProperty("customHandler");
        Assert.Equal("listening", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal("handler", handler.GetProperty("description").GetProperty("arguments")[0].GetString());
        Assert.True(Repository.Host.EnableForwardingHttpRequest);
        Assert.Equal("[4.*, 5.0.0)", host.RootElement.GetProperty("extensionBundle").GetProperty("version").GetString());
        Assert.Equal("api", Repository.Host.RoutePrefix);
    }

    [Fact]
    public void Pipeline_functions_are_wired_through_the_two_queues_and_the_feedback_container()
    {
        var functions = Repository.Functions.ToDictionary(f => f.Name);
        var ingest = functions["IngestFeedback"];
        Assert.Equal("feedback-ingested", ingest.Outputs.Single(b => b.Type == "serviceBus").GetString("queueName"));
        Assert.False(ingest.IsHttpOnly);

        var score = functions["ScoreFeedback"];
        Assert.Equal("serviceBusTrigger", score.Trigger.Type);
        Assert.Equal("feedback-ingested", score.Trigger.GetString("queueName"));
        Assert.Equal("ServiceBusConnection", score.Trigger.GetString("connection"));
        Assert.False(score.Trigger.GetBool("isSessionsEnabled", true));
        Assert.True(score.Trigger.GetBool("autoCompleteMessages", false));
        var cosmos = score.Outputs.Single(b => b.Type == "cosmosDB");
        Assert.Equal(("listening", "feedback", "CosmosDbConnection"), (cosmos.GetString("databaseName"), cosmos.GetString("containerName"), cosmos.GetString("connection")));
        Assert.Equal("feedback-scored", score.Outputs.Single(b => b.Type == "serviceBus").GetString("queueName"));

        Assert.Equal("feedback-scored", functions["RespondToAuthor"].Trigger.GetString("queueName"));
        Assert.Equal("timerTrigger", functions["BuildActionMatrix"].Trigger.Type);
        Assert.True(functions["Health"].IsHttpOnly);
        Assert.True(functions["GetActionMatrix"].IsHttpOnly);
    }

    [Fact]
    public void Function_folder_without_a_handler_stops_startup_naming_it()
    {
        var root = CopyOfRepositoryTopology();
        Directory.CreateDirectory(Path.Combine(root, "functions", "TranslateFeedback"));
        File.WriteAllText(Path.Combine(root, "functions", "TranslateFeedback", "function.json"),
            """{"bindings":[{"type":"serviceBusTrigger","direction":"in","name":"message","queueName":"feedback-scored","connection":"ServiceBusConnection"}]}""");

        var error = Assert.Throws<TopologyException>(() => ListeningWebApp.Build([$"--Listening:Root={root}", $"--Listening:Local:DataDir={Path.Combine(root, ".data")}"], AppShape.Local));
        Assert.Contains("TranslateFeedback", error.Message);
    }

    [Theory]
    [InlineData("""{"bindings":[]}""", "exactly one trigger")]
    [InlineData("""{"bindings":[{"type":"httpTrigger","direction":"in"}]}""", "\"name\"")]
    [InlineData("""{"bindings": [""", "not valid JSON")]
    public void Malformed_function_json_is_refused_with_its_folder_name(string json, string message)
    {
        var error = Assert.Throws<TopologyException>(() => FunctionDefinition.Parse("Broken", json));
        Assert.Contains("Broken/function.json", error.Message);
        Assert.Contains(message, error.Message);
    }

    private static string CopyOfRepositoryTopology()
    {
        var root = Path.Combine(Path.GetTempPath(), $"listening-topology-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        File.Copy(Path.Combine(Root, "host.json"), Path.Combine(root, "host.json"));
        foreach (var function in Repository.Functions)
        {
            Directory.CreateDirectory(Path.Combine(root, "functions", function.Name));
            File.Copy(Path.Combine(Root, "functions", function.Name, "function.json"), Path.Combine(root, "functions", function.Name, "function.json"));
        }
        return root;
    }
}
