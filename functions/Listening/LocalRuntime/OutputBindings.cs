using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Handler;
using Listening.Storage.Sqlite;
using Listening.Topology;
using Microsoft.Data.Sqlite;

namespace Listening.LocalRuntime;

/// <summary>An invocation's outputs, resolved against its function.json: queue messages, documents, HTTP response.</summary>
public sealed record PreparedOutputs(
    IReadOnlyList<OutgoingMessage> Messages,
    IReadOnlyList<(string Container, string Id, string Json, DocumentIndex Index)> Documents,
    JsonNode? HttpResponse)
{
    /// <summary>Writes messages and documents in the caller's transaction.</summary>
    public void Apply(SqliteTransaction tx, DurableQueue queue)
    {
        foreach (var message in Messages) queue.Enqueue(tx, message);
        foreach (var (container, id, json, index) in Documents) SqliteDocuments.Upsert(tx, container, id, json, index);
    }

    public void SignalReceivers(DurableQueue queue)
    {
        foreach (var name in Messages.Select(m => m.Queue).Distinct()) queue.Signal(name);
    }

    /// <summary>What the extension bundle's bindings do with each output value: <c>serviceBus</c> sends the value
    /// (an array sends one message per element; a string is the body as is), <c>cosmosDB</c> upserts by <c>id</c>.</summary>
    public static PreparedOutputs From(FunctionDefinition function, InvocationResult result)
    {
        var messages = new List<OutgoingMessage>();
        var documents = new List<(string, string, string, DocumentIndex)>();
        JsonNode? http = null;
        foreach (var binding in function.Outputs)
        {
            if (!result.Outputs.TryGetValue(binding.Name, out var value) || value is null) continue;
            switch (binding.Type.ToLowerInvariant())
            {
                case "servicebus":
                    var queueName = binding.Require(function.Name, "queueName");
                    foreach (var element in Elements(value))
                    {
                        if (element is JsonValue v && v.TryGetValue<string>(out var text)) messages.Add(OutgoingMessage.For(queueName, text));
                        else if (element is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var messageId) && messageId.Length > 0)
                            messages.Add(new OutgoingMessage(queueName, messageId, o.ToJsonString()));
                        else messages.Add(OutgoingMessage.For(queueName, element.ToJsonString()));
                    }
                    break;
                case "cosmosdb":
                    var container = binding.Require(function.Name, "containerName");
                    foreach (var element in Elements(value))
                    {
                        var document = element is JsonValue s && s.TryGetValue<string>(out var raw) ? JsonNode.Parse(raw) : element;
                        var id = document?["id"]?.GetValue<string>()
                            ?? throw new InvocationException($"{function.Name}: a '{binding.Name}' document has no string \"id\"");
                        documents.Add((container, id, document.ToJsonString(), DocumentIndex.Of(document)));
                    }
                    break;
                case "http":
                    http = value;
                    break;
                default:
                    throw new TopologyException($"{function.Name}: output binding type '{binding.Type}' is not supported by the local shape");
            }
        }
        return new PreparedOutputs(messages, documents, http);
    }

    private static IEnumerable<JsonNode> Elements(JsonNode value) =>
        value is JsonArray array ? array.Where(e => e is not null).Select(e => e!) : [value];

    public static readonly string[] SupportedTypes = ["httpTrigger", "http", "serviceBusTrigger", "serviceBus", "cosmosDB", "timerTrigger"];
}
