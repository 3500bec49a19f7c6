using System.Text.Encodings.Web;
using System.Text.Json;

namespace Listening.Pipeline;

/// <summary>
/// The JSON settings of everything the pipeline writes that is not the canonical item (<c>FeedbackItemDto.JsonOptions</c>,
/// Core) or the report (<c>ReportJson</c>): HTTP answers, outbox payloads, Cosmos DB documents, source state — camelCase
/// (web defaults) and UTF-8 text as is (Russian stays readable and a third smaller than <c>\u</c> escapes).
/// </summary>
public static class ListeningJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the settings to options a framework owns (ASP.NET Core's <c>JsonOptions</c>).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
