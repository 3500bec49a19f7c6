using System.Text.Json;

namespace Listening.Topology;

/// <summary>One function: its folder name and its bindings, as declared in function.json.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<Binding> Bindings, bool Disabled = false)
{
    public Binding Trigger => Bindings.Single(b => b.IsTrigger);
    public IEnumerable<Binding> Outputs => Bindings.Where(b => b.IsOutput);

    public bool IsHttp => Trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>HTTP trigger whose only output is the HTTP response: with enableForwardingHttpRequest the host
    /// forwards the original request (raw body, same path) instead of an invocation payload.</summary>
    public bool IsHttpOnly => IsHttp && Outputs.All(b => b.Type.Equals("http", StringComparison.OrdinalIgnoreCase));

    public static FunctionDefinition Parse(string name, string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new TopologyException($"{name}/function.json is not valid JSON: {e.Message}"); }
        using (doc)
        {
            if (!doc.RootElement.TryGetProperty("bindings", out var bindings) || bindings.ValueKind != JsonValueKind.Array)
                throw new TopologyException($"{name}/function.json has no \"bindings\" array");
            var list = new List<Binding>();
            foreach (var b in bindings.EnumerateArray())
            {
                var props = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.OrdinalIgnoreCase);
                string Field(string f) => props.TryGetValue(f, out var v) && v.ValueKind == JsonValueKind.String
                    ? v.GetString()! : throw new TopologyException($"{name}/function.json: a binding has no \"{f}\"");
                list.Add(new Binding(Field("type"), Field("direction"), Field("name"), props));
            }
            var triggers = list.Count(b => b.IsTrigger);
            if (triggers != 1) throw new TopologyException($"{name}/function.json must have exactly one trigger, found {triggers}");
            var disabled = doc.RootElement.TryGetProperty("disabled", out var d) && d.ValueKind == JsonValueKind.True;
            return new FunctionDefinition(name, list, disabled);
        }
    }
}
