extern alias FunctionApp;
using System.Text;
using System.Text.Json;
using Listening.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Listening.Tests.FunctionApp;

/// <summary>
/// The Function App's services built as its Program.cs builds them (<c>AddListening(configuration)</c>), on a fresh
/// data dir, and its function classes created from them: the Functions host cannot run here, so the tests call the
/// functions directly — an HTTP function with a real <see cref="HttpContext"/>, a timer with a <c>TimerInfo</c> — and
/// execute the result the way the worker's ASP.NET Core integration does.
/// </summary>
public sealed class WorkerServices : IAsyncDisposable
{
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"listening-worker-{Guid.NewGuid():N}");
    public ServiceProvider Services { get; }

    public WorkerServices(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Listening:Local:DataDir"] = DataDir,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Listening:Security:Key"] = Security.TestKeys.Secret,
            ["Listening:Access:Keys:tests:Key"] = Security.TestKeys.Admin,
            ["Listening:Access:Keys:tests:Roles"] = "*",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddListening(configuration);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Services.GetService<IStartupValidator>()?.Validate(); // what the worker's host does at start (ValidateOnStart)
    }

    public T Function<T>() where T : class => ActivatorUtilities.CreateInstance<T>(Services);

    /// <summary>An HTTP request as the worker hands it to a function — method, path, headers and the raw body — after the
    /// app's edge (<see cref="FunctionApp::Listening.FunctionApp.AccessWorkerMiddleware"/>) has admitted it: by default with the
    /// test key of every role, as the other features' tests act (<paramref name="apiKey"/> null: no key).</summary>
    public HttpRequest Request(string method, string path, byte[]? body = null, string? contentType = "application/json",
        IReadOnlyDictionary<string, string>? headers = null, string? apiKey = Security.TestKeys.Admin)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.ContentType = contentType;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) context.Request.Headers[name] = value;
        if (apiKey is not null) context.Request.Headers[Listening.Access.AccessOptions.Header] = apiKey;
        Services.GetRequiredService<Listening.Access.AccessControl>().Authorize(context, null, anonymous: apiKey is null, Listening.Access.AccessHost.FunctionApp);
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
        }
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    public HttpRequest Json(string method, string path, string json) => Request(method, path, Encoding.UTF8.GetBytes(json));

    /// <summary>Writes the function's result to the request's response, as the worker does, and reads it back.</summary>
    public static async Task<(int Status, string? ContentType, JsonElement Body)> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        await result.ExecuteResultAsync(new ActionContext(request.HttpContext, new RouteData(), new ActionDescriptor()));
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        var text = await new StreamReader(response.Body).ReadToEndAsync();
        return (response.StatusCode, response.ContentType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
