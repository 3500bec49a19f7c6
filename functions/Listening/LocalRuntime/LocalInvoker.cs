using System.Text.Json;
using Listening.Handler;

namespace Listening.LocalRuntime;

/// <summary>Calls the handler in this process with the raw payload bytes, exactly as the host would over HTTP.</summary>
public sealed class LocalInvoker(FunctionDispatcher dispatcher)
{
    /// <summary>The handler's result, or the error that failed the invocation (a non-2xx answer).</summary>
    public async Task<(InvocationResult? Result, string? Error)> InvokeAsync(string function, byte[] payload, CancellationToken cancellationToken)
    {
        var (status, body) = await dispatcher.DispatchAsync(function, payload, cancellationToken);
        InvocationResult? result = null;
        try { result = JsonSerializer.Deserialize<InvocationResult>(body, InvocationJson.Options); }
        catch (JsonException) { }
        if (status is >= 200 and < 300 && result is not null) return (result, null);
        var error = result?.Logs.LastOrDefault() ?? $"handler answered {status}";
        return (null, error);
    }
}
