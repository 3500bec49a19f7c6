using System.Text.Json;
using System.Text.Json.Serialization;

namespace Listening.Reports;

/// <summary>The report's numbers as JSON for machines: the same model the HTML is drawn from.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ReportModel model) => JsonSerializer.Serialize(model, Options);

    public static async Task WriteAsync(ReportModel model, Stream stream, CancellationToken cancellationToken = default) =>
        await JsonSerializer.SerializeAsync(stream, model, Options, cancellationToken);
}
