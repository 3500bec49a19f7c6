using System.Globalization;
using System.Text.Json;

namespace Listening.Core.Channels;

/// <summary>Lenient reads over payloads we do not own: a missing or oddly typed field is null, never an exception.</summary>
internal static class JsonReading
{
    public static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, AllowTrailingCommas = true };

    public static JsonDocument Parse(ReadOnlyMemory<byte> body, string what)
    {
        try { return JsonDocument.Parse(body, Options); }
        catch (JsonException e) { throw new WebhookPayloadException($"{what}: the body is not valid JSON ({e.Message})", e); }
    }

    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static JsonElement? Prop(this JsonElement? e, string name) => e is { } v ? v.Prop(name) : null;

    public static string? Str(this JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static string? Str(this JsonElement e, string name) => e.Prop(name).Str();

    public static double? Num(this JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { ValueKind: JsonValueKind.String } v when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static DateTimeOffset? Time(this JsonElement? e) =>
        e.Str() is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    public static IEnumerable<JsonElement> Items(this JsonElement? e) =>
        e is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    public static Dictionary<string, string> StringMap(this JsonElement? e)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (e is { ValueKind: JsonValueKind.Object } o)
            foreach (var p in o.EnumerateObject())
                if (((JsonElement?)p.Value).Str() is { } s) map[p.Name] = s;
        return map;
    }
}
