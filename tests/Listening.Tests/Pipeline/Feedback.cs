using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Listening.Tests.Pipeline;

/// <summary>Request helpers for the ingest endpoint.</summary>
public static class Feedback
{
    public static JsonObject Item(string text, string? externalId = null, string brand = "Blinnaya", string source = "test") => new()
    {
        ["kind"] = "review",
        ["source"] = source,
        ["externalId"] = externalId ?? Guid.NewGuid().ToString("N"),
        ["brand"] = brand,
        ["text"] = text,
        ["rating"] = 4,
        ["createdAt"] = "2026-11-20T10:00:00+03:00",
    };

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonNode body) =>
        client.PostAsync("/api/feedback", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static async Task<string[]> IdsAsync(this HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    public static async Task<JsonElement> GetItemAsync(this HttpClient client, string id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}");
}
