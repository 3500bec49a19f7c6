using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Listening.Handler;

/// <summary>
/// Runs one invocation from its raw JSON payload to the raw JSON answer: the single code path behind both
/// the <c>POST /{FunctionName}</c> endpoints (Functions host) and the local shape's in-process calls.
/// </summary>
public sealed partial class FunctionDispatcher(IServiceProvider services, ILogger<FunctionDispatcher> logger)
{
    public bool Has(string function) => services.GetKeyedService<IFunctionHandler>(function) is not null;

    /// <summary>Returns the HTTP status the handler answers with and the JSON body; non-2xx fails the invocation.</summary>
    public async Task<(int Status, byte[] Body)> DispatchAsync(string function, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var handler = services.GetKeyedService<IFunctionHandler>(function);
        if (handler is null) return (404, Fail($"no function named {function}"));
        InvocationRequest? request;
        try { request = JsonSerializer.Deserialize<InvocationRequest>(payload.Span, InvocationJson.Options); }
        catch (JsonException e) { return (400, Fail($"invocation payload is not valid JSON: {e.Message}")); }
        if (request?.Data is null) return (400, Fail("invocation payload has no Data"));
        try
        {
            var result = await handler.InvokeAsync(request, cancellationToken);
            return (200, JsonSerializer.SerializeToUtf8Bytes(result, InvocationJson.Options));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, function, e.GetType().Name, e);
            return (500, Fail($"{e.GetType().Name}: {e.Message}"));
        }
    }

    private static byte[] Fail(string error) =>
        JsonSerializer.SerializeToUtf8Bytes(new InvocationResult().Log(error), InvocationJson.Options);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, string function, string exceptionType, Exception exception);
}
