using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Handler;
using Listening.Storage.Sqlite;
using Listening.Topology;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Listening.LocalRuntime;

/// <summary>
/// The local shape's HTTP front for HTTP triggers that are not forwarded (they have outputs besides the response):
/// the request becomes the host's invocation payload, the outputs are committed, then the <c>res</c> output is
/// the response — so a 2xx means the messages are durably queued.
/// </summary>
public static class LocalHttpTriggers
{
    public static IEndpointRouteBuilder MapLocalHttpTriggers(this IEndpointRouteBuilder endpoints)
    {
        var topology = endpoints.ServiceProvider.GetRequiredService<FunctionTopology>();
        foreach (var function in topology.Functions.Where(f => f.IsHttp && !FunctionRegistration.Forwarded(topology, f)))
            endpoints.MapMethods(FunctionRegistration.RouteOf(topology, function), FunctionRegistration.MethodsOf(function),
                (Delegate)((HttpContext context) => InvokeAsync(function, context)));
        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(FunctionDefinition function, HttpContext context)
    {
        var services = context.RequestServices;
        var limit = services.GetRequiredService<IOptions<LocalRuntimeOptions>>().Value.MaxHttpBodyBytes;
        var time = services.GetRequiredService<TimeProvider>();
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false }) sizeFeature.MaxRequestBodySize = limit;
        string body;
        try { body = await ReadBodyAsync(context.Request, limit, context.RequestAborted); }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            return Results.Problem(statusCode: 413, title: "Request body too large", detail: $"the body is larger than {limit} bytes");
        }
        var request = new HttpRequestData(
            $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}",
            context.Request.Method,
            JsonSerializer.SerializeToElement(context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())),
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray()),
            context.Request.RouteValues.ToDictionary(r => r.Key, r => r.Value?.ToString() ?? ""),
            body);
        var payload = Payloads.Http(function.Name, function.Trigger.Name, request, time.GetUtcNow());
        // Once invoked, the function runs to the end and its outputs are committed even if the client goes away
        // (as on the Functions host): a store write without its queue message would leave the item stranded.
        var invoker = services.GetRequiredService<LocalInvoker>();
        var (result, error) = await invoker.InvokeAsync(function.Name, payload, CancellationToken.None);
        if (result is null)
            return Results.Problem(statusCode: 500, title: "Function failed", detail: $"{function.Name}: {error}");
        var outputs = PreparedOutputs.From(function, result);
        if (outputs.Messages.Count > 0 || outputs.Documents.Count > 0)
        {
            var queue = services.GetRequiredService<DurableQueue>();
            await services.GetRequiredService<SqliteDatabase>().WriteAsync(tx => { outputs.Apply(tx, queue); return 0; }, CancellationToken.None);
            outputs.SignalReceivers(queue);
        }
        return ToResult(outputs.HttpResponse ?? result.ReturnValue);
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) throw new InvalidDataException("too large");
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) throw new InvalidDataException("too large");
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The host's mapping of an <c>http</c> output value (<c>statusCode</c>, <c>headers</c>, <c>body</c>) to a response.</summary>
    private static IResult ToResult(JsonNode? response)
    {
        if (response is not JsonObject res) return Results.NoContent();
        var status = res["statusCode"] switch
        {
            JsonValue v when v.TryGetValue<int>(out var code) => code,
            JsonValue v when v.TryGetValue<string>(out var text) && int.TryParse(text, out var code) => code,
            _ => 200,
        };
        var headers = res["headers"] as JsonObject;
        var contentType = headers?.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();
        var body = res["body"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var text) => text,
            var other => other.ToJsonString(),
        };
        return new RawResult(status, contentType, body, headers);
    }

    private sealed class RawResult(int status, string? contentType, string? body, JsonObject? headers) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            if (headers is not null)
                foreach (var (name, value) in headers)
                    if (value is not null && !name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                        context.Response.Headers[name] = value.ToString();
            if (contentType is not null) context.Response.ContentType = contentType;
            if (body is not null) await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }
}
