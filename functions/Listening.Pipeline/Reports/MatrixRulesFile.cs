using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Listening.Core.Matrix;

namespace Listening.Reports;

/// <summary>
/// The matrix rules as a JSON file (the rule set is configuration): any field left out keeps its
/// default; the values are validated before a report is built on them.
/// </summary>
public static class MatrixRulesFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static MatrixRules Read(string path) => Parse(File.ReadAllText(path));

    public static MatrixRules Parse(string json)
    {
        var rules = JsonSerializer.Deserialize<MatrixRules>(json, Options) ?? MatrixRules.Default;
        Validator.ValidateObject(rules, new ValidationContext(rules), validateAllProperties: true);
        return rules;
    }
}
