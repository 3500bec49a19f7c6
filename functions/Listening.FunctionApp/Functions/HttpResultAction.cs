using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Listening.FunctionApp.Functions;

/// <summary>A minimal-API result (what the feature handlers return, <c>TypedResults</c>) as the <see cref="IActionResult"/>
/// the worker's ASP.NET Core integration writes: the same response on both hosts.</summary>
public sealed class HttpResultAction(IResult result) : IActionResult
{
    public IResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context) => Result.ExecuteAsync(context.HttpContext);
}

internal static class HttpResultActions
{
    public static async Task<IActionResult> AsAction<T>(this Task<T> result) where T : IResult => new HttpResultAction(await result);

    public static IActionResult AsAction(this IResult result) => new HttpResultAction(result);
}
