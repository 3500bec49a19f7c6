namespace Listening.Handler;

/// <summary>
/// A function invoked through the custom-handler protocol (<c>POST /{FunctionName}</c>). The class name is
/// the function's folder name; discovered by <see cref="FunctionRegistration.AddFunctionHandlers"/>.
/// </summary>
public interface IFunctionHandler
{
    Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// An HTTP-only function: the host forwards the original request (same path, raw body), so the handler is an
/// ordinary endpoint. Its route and methods come from function.json, never from code.
/// </summary>
public interface IForwardedHttpFunction
{
    /// <summary>The minimal-API request delegate (parameters bound from route, query and services).</summary>
    Delegate Endpoint { get; }
}
