using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Listening.Handler;

/// <summary>
/// What the Functions host POSTs to a custom handler at <c>/{FunctionName}</c>: trigger and input
/// binding values by binding name, and trigger metadata (<c>DeliveryCount</c>, <c>MessageId</c>, <c>sys</c> …).
/// </summary>
public sealed record InvocationRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement> Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata)
{
    /// <summary>A binding value as JSON. The host may send a JSON queue message as a JSON-encoded string;
    /// such a string is parsed once more.</summary>
    public JsonElement Json(string binding)
    {
        if (!Data.TryGetValue(binding, out var value))
            throw new InvocationException($"the invocation has no '{binding}' data");
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            var trimmed = text.AsSpan().TrimStart();
            if (trimmed.Length > 0 && trimmed[0] is '{' or '[' or '"')
                return JsonDocument.Parse(text).RootElement;
        }
        return value;
    }

    public string? MetadataString(string name) =>
        Metadata is not null && Metadata.TryGetValue(name, out var v)
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
            : null;
}

/// <summary>The handler's answer: values for the output bindings by name, log lines, and a return value.</summary>
public sealed class InvocationResult
{
    [JsonPropertyName("Outputs")] public Dictionary<string, JsonNode?> Outputs { get; set; } = new();
    [JsonPropertyName("Logs")] public List<string> Logs { get; set; } = new();
    [JsonPropertyName("ReturnValue")] public JsonNode? ReturnValue { get; set; }

    public InvocationResult Output(string binding, JsonNode? value)
    {
        Outputs[binding] = value;
        return this;
    }

    public InvocationResult Log(string line)
    {
        Logs.Add(line);
        return this;
    }
}

/// <summary>The invocation payload itself is unusable (a missing binding, a message that is not JSON).</summary>
public sealed class InvocationException(string message) : Exception(message);

/// <summary>JSON options for the custom-handler protocol (its property names are PascalCase).</summary>
public static class InvocationJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
