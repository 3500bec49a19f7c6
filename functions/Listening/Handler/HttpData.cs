using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Listening.Handler;

/// <summary>An HTTP trigger's request as the Functions host puts it in <c>Data</c> when the request is not forwarded
/// (the function has other outputs besides the HTTP response).</summary>
public sealed record HttpRequestData(
    [property: JsonPropertyName("Url")] string Url,
    [property: JsonPropertyName("Method")] string Method,
    [property: JsonPropertyName("Query")] JsonElement Query,
    [property: JsonPropertyName("Headers")] Dictionary<string, string[]> Headers,
    [property: JsonPropertyName("Params")] Dictionary<string, string> Params,
    [property: JsonPropertyName("Body")] string? Body)
{
    public static HttpRequestData From(InvocationRequest request, string binding) =>
        request.Data.TryGetValue(binding, out var value)
            ? value.Deserialize<HttpRequestData>(InvocationJson.Options) ?? throw new InvocationException($"'{binding}' is null")
            : throw new InvocationException($"the invocation has no '{binding}' data");

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}

/// <summary>The value a handler returns for an <c>http</c> output binding.</summary>
public sealed record HttpResponseData(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("body")] string? Body = null,
    [property: JsonPropertyName("headers")] Dictionary<string, string>? Headers = null)
{
    public static HttpResponseData Json(int status, object value, string contentType = "application/json") =>
        new(status, JsonSerializer.Serialize(value, Core.Feedback.FeedbackItemDto.JsonOptions),
            new Dictionary<string, string> { ["Content-Type"] = contentType });

    public JsonNode ToNode() => JsonSerializer.SerializeToNode(this, InvocationJson.Options)!;
}
