using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Channels.Social;

namespace Listening.Ingest;

/// <summary>
/// The stored form of one author's <see cref="SpamPost"/>s: <c>{"id", "pk", "type": "spam-author", "posts": [...]}</c>.
/// The id is the keyed hash of the author key (<see cref="Access.ListeningKeys.SpamKey"/>: no handle or e-mail in clear,
/// and not computable from one without the deployment's secret); hashes are written as strings because Cosmos DB reads
/// JSON numbers as doubles, which would round 64-bit values.
/// </summary>
public static class SpamHistoryDocument
{
    public const string Type = "spam-author";

    /// <summary>The document id for an author's spam key (<see cref="Access.ListeningKeys.SpamKey"/>).</summary>
    public static string IdOf(string spamKey) => $"{Type}|{spamKey}";

    public static JsonObject ToJson(string id, IEnumerable<SpamPost> posts) => new()
    {
        ["id"] = id,
        ["pk"] = id,
        ["type"] = Type,
        ["posts"] = new JsonArray(posts.Select(p => (JsonNode)new JsonObject
        {
            ["id"] = p.Id,
            ["at"] = p.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["shingles"] = Pack(p.Shingles),
            ["normalized"] = p.Normalized.ToString("x16", CultureInfo.InvariantCulture),
            ["verdict"] = p.Verdict.ToString(),
            ["originalId"] = p.OriginalId,
            ["source"] = p.Source,
        }).ToArray()),
    };

    public static List<SpamPost> Parse(JsonElement document)
    {
        var posts = new List<SpamPost>();
        if (!document.TryGetProperty("posts", out var array) || array.ValueKind != JsonValueKind.Array) return posts;
        foreach (var p in array.EnumerateArray())
        {
            var original = p.TryGetProperty("originalId", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;
            posts.Add(new SpamPost(
                p.GetProperty("id").GetString()!,
                p.GetProperty("at").GetDateTimeOffset(),
                Unpack(p.GetProperty("shingles").GetString()!),
                ulong.Parse(p.GetProperty("normalized").GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                Enum.Parse<SpamKind>(p.GetProperty("verdict").GetString()!),
                original,
                p.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String ? source.GetString() : null));
        }
        return posts;
    }

    public static List<SpamPost> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement);
    }

    private static string Pack(ulong[] values)
    {
        var bytes = new byte[values.Length * sizeof(ulong)];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), values[i]);
        return Convert.ToBase64String(bytes);
    }

    private static ulong[] Unpack(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var values = new ulong[bytes.Length / sizeof(ulong)];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)));
        return values;
    }
}
