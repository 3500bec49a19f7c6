using System.Text.Json;
using System.Text.Json.Serialization;

namespace Listening.Core.Factors.Evaluation;

/// <summary>
/// How one labelled dataset is read against the taxonomy (a file in ml-models/factors/mappings):
/// which rows (<see cref="IdPrefixes"/>) of which folder, which packs to add to the default taxonomy,
/// which dataset label means which factor (<see cref="Labels"/>; null = not a factor, ignored), or for
/// free-text aspect terms (banki.ru) which term words mean which factor (<see cref="Terms"/>), and how
/// our finer factors fold into the dataset's coarser ones (<see cref="Fold"/>: SemEval's "service"
/// covers both staff and waiting).
/// </summary>
public sealed record AspectMapping
{
    public required string Name { get; init; }
    public required string Dataset { get; init; }
    public required string Lang { get; init; }
    public List<string> IdPrefixes { get; set; } = [];
    public List<string> Packs { get; set; } = [];
    /// <summary>Only rows with at least one aspect label (airline: only negative tweets carry a reason).</summary>
    public bool LabelledRowsOnly { get; init; }
    public Dictionary<string, string?> Labels { get; set; } = [];
    public Dictionary<string, List<string>> Terms { get; set; } = [];
    public Dictionary<string, string> Fold { get; set; } = [];

    /// <summary>The factors this dataset can tell us about: the targets of its labels and terms.</summary>
    public IReadOnlySet<string> EvaluatedFactors =>
        Labels.Values.OfType<string>().Concat(Terms.Keys).ToHashSet(StringComparer.Ordinal);

    public static AspectMapping Parse(string json)
    {
        try
        {
            var mapping = JsonSerializer.Deserialize(json, AspectMappingJson.Default.AspectMapping)
                ?? throw new FormatException("the mapping document is empty");
            if (mapping.Labels.Count == 0 && mapping.Terms.Count == 0)
                throw new FormatException($"mapping '{mapping.Name}' maps no labels and no terms");
            return mapping;
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid mapping JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(AspectMapping))]
internal sealed partial class AspectMappingJson : JsonSerializerContext;
