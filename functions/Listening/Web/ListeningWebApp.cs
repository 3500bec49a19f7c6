using Listening.Channels;
using Listening.Handler;
using Listening.Ingest;
using Listening.LocalRuntime;
using Listening.Reporting;
using Listening.Responses;
using Listening.Scoring;
using Listening.Storage;
using Listening.Storage.Cosmos;
using Listening.Topology;
using Microsoft.Extensions.Configuration.Memory;

namespace Listening.Web;

/// <summary>Which process this is: the Functions host's custom handler, or the whole topology locally.</summary>
public enum AppShape { Handler, Local }

/// <summary>
/// The web app behind `listening handler` (the custom handler the Functions host starts) and `listening serve`
/// (the same handler plus the local runtime standing in for the host, Service Bus and Cosmos DB).
/// </summary>
public static class ListeningWebApp
{
    /// <summary>Settings the Functions app gets as app settings; lowest priority here so configuration overrides them.</summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["ReportSchedule"] = "0 0 6 * * *",
        ["StalledFeedbackSchedule"] = "0 */1 * * * *",
        ["ResponsesDeliverySchedule"] = "*/5 * * * * *",
        ["ResponsesMonitorSchedule"] = "0 */5 * * * *",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static WebApplication Build(string[] args, AppShape shape)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        var topology = FunctionTopology.Load(FunctionTopology.FindRoot(builder.Configuration["Listening:Root"]));

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(topology);
        builder.Services.AddIngest();
        builder.Services.AddOptions<Functions.StalledFeedbackOptions>().BindConfiguration(Functions.StalledFeedbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddConfiguredFeedbackStore(builder.Configuration);
        builder.Services.AddScoring();
        builder.Services.AddReporting();
        builder.Services.AddResponses();
        builder.Services.AddFunctionHandlers();
        builder.Services.AddChannels();
        if (shape == AppShape.Local) builder.Services.AddLocalRuntime();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapFunctions();
        if (shape == AppShape.Local) app.MapLocalHttpTriggers();
        return app;
    }

    /// <summary>Arguments that are host settings rather than a command (<c>--environment=…</c>, <c>--contentRoot=…</c>):
    /// what WebApplicationFactory passes to Main. Such a start runs the local shape.</summary>
    public static bool IsHostStart(string[] args) =>
        args is [var first, ..] && first.StartsWith("--", StringComparison.Ordinal) && first.Contains('=');

    public static async Task<int> RunAsync(string[] args, AppShape shape)
    {
        await Build(args, shape).RunAsync();
        return 0;
    }
}
