using System.Text.Json;

namespace Listening.Topology;

/// <summary>What the local shape takes from host.json: the HTTP route prefix, forwarding, and Service Bus concurrency.</summary>
public sealed record HostDefinition(
    string RoutePrefix,
    bool EnableForwardingHttpRequest,
    int MaxConcurrentCalls,
    int PrefetchCount,
    bool AutoCompleteMessages)
{
    public static HostDefinition Parse(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new TopologyException($"host.json is not valid JSON: {e.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (!root.TryGetProperty("customHandler", out var handler))
                throw new TopologyException("host.json has no \"customHandler\" section");
            var forwarding = handler.TryGetProperty("enableForwardingHttpRequest", out var f) && f.ValueKind == JsonValueKind.True;
            var extensions = root.TryGetProperty("extensions", out var e) ? e : default;
            var prefix = "api";
            if (extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("http", out var http)
                && http.TryGetProperty("routePrefix", out var rp) && rp.ValueKind == JsonValueKind.String)
                prefix = rp.GetString()!.Trim('/');
            int concurrent = 16, prefetch = 0;
            var autoComplete = true;
            if (extensions.ValueKind == JsonValueKind.Object && extensions.TryGetProperty("serviceBus", out var sb))
            {
                if (sb.TryGetProperty("maxConcurrentCalls", out var mc) && mc.TryGetInt32(out var m)) concurrent = Math.Max(1, m);
                if (sb.TryGetProperty("prefetchCount", out var pc) && pc.TryGetInt32(out var p)) prefetch = Math.Max(0, p);
                if (sb.TryGetProperty("autoCompleteMessages", out var ac) && ac.ValueKind == JsonValueKind.False) autoComplete = false;
            }
            return new HostDefinition(prefix, forwarding, concurrent, prefetch, autoComplete);
        }
    }
}
