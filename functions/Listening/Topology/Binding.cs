using System.Text.Json;

namespace Listening.Topology;

/// <summary>One entry of a function.json <c>bindings</c> array, with its type-specific properties kept raw.</summary>
public sealed record Binding(string Type, string Direction, string Name, IReadOnlyDictionary<string, JsonElement> Properties)
{
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);
    public bool IsOutput => Direction.Equals("out", StringComparison.OrdinalIgnoreCase);

    public string? GetString(string property) =>
        Properties.TryGetValue(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public bool GetBool(string property, bool fallback) =>
        Properties.TryGetValue(property, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : fallback;

    public IReadOnlyList<string> GetStrings(string property) =>
        Properties.TryGetValue(property, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.GetString() ?? "").ToArray()
            : [];

    /// <summary>Required string property; names the function and property when missing.</summary>
    public string Require(string function, string property) =>
        GetString(property) ?? throw new TopologyException($"{function}/function.json: binding '{Name}' ({Type}) needs \"{property}\"");
}
