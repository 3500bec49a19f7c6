using System.Text.Json;
using Listening.Core.Sentiment;

namespace Listening.Core.Factors.Evaluation;

/// <summary>One labelled factor of an item: the factor id and the polarity of what is said about it.</summary>
public sealed record LabelledFactor(string Factor, SentimentLabel Polarity);

/// <summary>
/// A hand label of one story item (a line of <c>labels.jsonl</c>): which item (<see cref="Source"/> +
/// <see cref="ExternalId"/>, the pair the pipeline derives the item id from), its document sentiment, the factors
/// it judges with their polarity, and whether it is spam.
/// </summary>
public sealed record StoryLabel(
    string Source,
    string ExternalId,
    string? Brand,
    SentimentLabel Sentiment,
    IReadOnlyList<LabelledFactor> Factors,
    bool Spam,
    long Line)
{
    /// <summary>The first copy this item cross-posts ("crossPostOf": {source, externalId}), when the labels say so.</summary>
    public (string Source, string ExternalId)? CrossPostOf { get; init; }

    /// <summary>
    /// Reads labels, one JSON object per line (blank lines skipped). Every problem names its line:
    /// invalid JSON, a missing source / externalId / sentiment, an unknown sentiment or polarity, a factor id the
    /// taxonomy does not have, the same item labelled twice with different labels (an exact duplicate line of the story
    /// carries its first label again, and counts once).
    /// </summary>
    public static IReadOnlyList<StoryLabel> Parse(IEnumerable<string> lines, FactorTaxonomy taxonomy, string file = "labels")
    {
        var labels = new List<StoryLabel>();
        var seen = new Dictionary<(string, string), StoryLabel>();
        long number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = number == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (string.IsNullOrWhiteSpace(line)) continue;
            string Where() => $"{file}:{number}";
            JsonDocument document;
            try { document = JsonDocument.Parse(line); }
            catch (JsonException e) { throw new FormatException($"{Where()}: not valid JSON ({e.Message})", e); }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"{Where()}: expected a JSON object");
                var source = RequiredString(root, "source", Where).Trim().ToLowerInvariant();
                var externalId = RequiredString(root, "externalId", Where).Trim();
                var brand = OptionalString(root, "brand", Where);
                var sentiment = ParseLabel(RequiredString(root, "sentiment", Where), "sentiment", Where);
                var spam = root.TryGetProperty("spam", out var s) && s.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False or JsonValueKind.Null => false,
                    _ => throw new FormatException($"{Where()}: spam must be true or false"),
                };
                var factors = new List<LabelledFactor>();
                if (root.TryGetProperty("factors", out var array) && array.ValueKind != JsonValueKind.Null)
                {
                    if (array.ValueKind != JsonValueKind.Array) throw new FormatException($"{Where()}: factors must be an array");
                    var k = 0;
                    foreach (var f in array.EnumerateArray())
                    {
                        if (f.ValueKind != JsonValueKind.Object) throw new FormatException($"{Where()}: factors[{k}] must be an object");
                        var id = RequiredString(f, "factor", Where, $"factors[{k}].").Trim();
                        if (taxonomy.Find(id) is null)
                            throw new FormatException($"{Where()}: factors[{k}].factor \"{id}\" is not a factor of the taxonomy (known: {string.Join(", ", taxonomy.Factors.Select(x => x.Id))})");
                        factors.Add(new LabelledFactor(id, ParseLabel(RequiredString(f, "polarity", Where, $"factors[{k}]."), $"factors[{k}].polarity", Where)));
                        k++;
                    }
                }
                (string, string)? crossPostOf = null;
                if (root.TryGetProperty("crossPostOf", out var copy) && copy.ValueKind != JsonValueKind.Null)
                {
                    if (copy.ValueKind != JsonValueKind.Object) throw new FormatException($"{Where()}: crossPostOf must be an object {{source, externalId}}");
                    crossPostOf = (RequiredString(copy, "source", Where, "crossPostOf.").Trim().ToLowerInvariant(), RequiredString(copy, "externalId", Where, "crossPostOf.").Trim());
                }
                var label = new StoryLabel(source, externalId, brand, sentiment, factors, spam, number) { CrossPostOf = crossPostOf };
                if (seen.TryGetValue((source, externalId), out var first))
                {
                    if (first.Sentiment != sentiment || first.Spam != spam || !first.Factors.SequenceEqual(factors))
                        throw new FormatException($"{Where()}: item {source}/{externalId} is labelled differently on line {first.Line}");
                    continue;
                }
                seen[(source, externalId)] = label;
                labels.Add(label);
            }
        }
        return labels;
    }

    private static string RequiredString(JsonElement element, string name, Func<string> where, string prefix = "")
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            throw new FormatException($"{where()}: {prefix}{name} is required (a non-empty string)");
        return value.GetString()!;
    }

    private static string? OptionalString(JsonElement element, string name, Func<string> where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new FormatException($"{where()}: {name} must be a string");
        return value.GetString();
    }

    private static SentimentLabel ParseLabel(string text, string field, Func<string> where) => text.Trim().ToLowerInvariant() switch
    {
        "negative" => SentimentLabel.Negative,
        "neutral" => SentimentLabel.Neutral,
        "positive" => SentimentLabel.Positive,
        _ => throw new FormatException($"{where()}: {field} must be negative, neutral or positive (got \"{text}\")"),
    };
}
