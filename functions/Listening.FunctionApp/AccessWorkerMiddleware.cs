using Listening.Access;
using Listening.Channels.Webhooks;
using Listening.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Listening.FunctionApp;

/// <summary>
/// The Function App's edge, the same rule as the local host's (<see cref="AccessControl"/>, <see cref="EndpointAccess"/>): the
/// Functions host has already refused a request without a key of the function (authLevel function); this adds the roles
/// an <c>X-Api-Key</c> or an Entra ID principal brings (trusted ingest, the admin surface) and records the caller for the
/// handlers. A server-refused body (a stall) is answered with its status, not a 500. Timer functions pass straight through.
/// </summary>
public sealed partial class AccessWorkerMiddleware : IFunctionsWorkerMiddleware
{
    /// <summary>The functions that authenticate the request themselves (signature or the platform's shared secret) or need nothing.</summary>
    public static readonly HashSet<string> Anonymous =
        [StatusEndpoints.HealthName, .. WebhookEndpoints.All.Select(w => w.Name), .. Listening.Channels.Connectors.ConnectorEndpoints.All.Select(w => w.Name)];

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        var access = context.InstanceServices.GetRequiredService<AccessControl>();
        var name = context.FunctionDefinition.Name;
        if (access.Authorize(http, name, Anonymous.Contains(name), AccessHost.FunctionApp) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }
        try { await next(context); }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            LogRefused(context.InstanceServices.GetRequiredService<ILogger<AccessWorkerMiddleware>>(), name, e.StatusCode);
            await Problems.Of(e.StatusCode, e.StatusCode == 408 ? "Request timeout" : "Bad request", "the request could not be read").ExecuteAsync(http);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: request refused by the server with {Status}")]
    private static partial void LogRefused(ILogger logger, string function, int status);
}
