using Listening.Topology;

namespace Listening.Handler;

/// <summary>
/// Wires function folders to handler classes by name: a folder <c>functions/X/function.json</c> needs a class
/// <c>Listening.Functions.X</c>, and a handler class needs a folder. Adding a function is those two files.
/// </summary>
public static class FunctionRegistration
{
    private const string HandlerNamespace = "Listening.Functions";

    public static IServiceCollection AddFunctionHandlers(this IServiceCollection services)
    {
        foreach (var type in HandlerTypes())
        {
            if (typeof(IFunctionHandler).IsAssignableFrom(type)) services.AddKeyedSingleton(typeof(IFunctionHandler), type.Name, type);
            if (typeof(IForwardedHttpFunction).IsAssignableFrom(type)) services.AddKeyedSingleton(typeof(IForwardedHttpFunction), type.Name, type);
        }
        services.AddSingleton<FunctionDispatcher>();
        return services;
    }

    /// <summary>Maps every function of the topology: <c>POST /{FunctionName}</c> for invocations, and the function.json
    /// route (under the host's route prefix) for forwarded HTTP-only functions.</summary>
    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder endpoints)
    {
        var topology = endpoints.ServiceProvider.GetRequiredService<FunctionTopology>();
        var declared = topology.Functions.Select(f => f.Name).ToHashSet();
        var orphan = HandlerTypes().Select(t => t.Name).Where(n => !declared.Contains(n)).ToList();
        if (orphan.Count > 0)
            throw new TopologyException($"handler class(es) without a function.json: {string.Join(", ", orphan)}");
        foreach (var function in topology.Functions)
        {
            if (Forwarded(topology, function))
            {
                var handler = endpoints.ServiceProvider.GetKeyedService<IForwardedHttpFunction>(function.Name)
                    ?? throw new TopologyException($"{function.Name} is an HTTP-only function but {HandlerNamespace}.{function.Name} does not implement {nameof(IForwardedHttpFunction)}");
                endpoints.MapMethods(RouteOf(topology, function), MethodsOf(function), handler.Endpoint).WithName(function.Name);
            }
            else
            {
                if (endpoints.ServiceProvider.GetKeyedService<IFunctionHandler>(function.Name) is null)
                    throw new TopologyException($"{function.Name}/function.json has no handler: add {HandlerNamespace}.{function.Name} implementing {nameof(IFunctionHandler)}");
                var name = function.Name;
                endpoints.MapPost("/" + name, (HttpContext context, FunctionDispatcher dispatcher) => InvokeAsync(name, context, dispatcher));
            }
        }
        return endpoints;
    }

    public static bool Forwarded(FunctionTopology topology, FunctionDefinition function) =>
        function.IsHttpOnly && topology.Host.EnableForwardingHttpRequest;

    public static string RouteOf(FunctionTopology topology, FunctionDefinition function)
    {
        var route = function.Trigger.GetString("route") ?? function.Name;
        return string.IsNullOrEmpty(topology.Host.RoutePrefix) ? "/" + route.TrimStart('/') : $"/{topology.Host.RoutePrefix}/{route.TrimStart('/')}";
    }

    public static string[] MethodsOf(FunctionDefinition function)
    {
        var methods = function.Trigger.GetStrings("methods");
        return methods.Count == 0 ? ["GET", "POST"] : methods.Select(m => m.ToUpperInvariant()).ToArray();
    }

    private static async Task InvokeAsync(string function, HttpContext context, FunctionDispatcher dispatcher)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var (status, body) = await dispatcher.DispatchAsync(function, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static IEnumerable<Type> HandlerTypes() =>
        typeof(FunctionRegistration).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsAbstract: false, Namespace: HandlerNamespace }
            && (typeof(IFunctionHandler).IsAssignableFrom(t) || typeof(IForwardedHttpFunction).IsAssignableFrom(t)));
}
