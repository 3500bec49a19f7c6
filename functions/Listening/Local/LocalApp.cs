using Listening.Channels.Connectors;
using Listening.Channels.Webhooks;
using Listening.Ingest;
using Listening.Pipeline;
using Listening.Reports;
using Listening.Responses;
using Microsoft.Extensions.Configuration.Memory;

namespace Listening.Local;

/// <summary>
/// The local shape (`listening serve`, `listening demo`, the tests' WebApplicationFactory): the feature code on Kestrel,
/// its queue consumers as hosted services over the SQLite queue, its schedules on Cronos, everything in one SQLite file.
/// </summary>
public static class LocalApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults() });
        builder.Services.AddListening(builder.Configuration);
        SqliteQueueMetrics.AddTo(builder.Services);
        SqliteQueueMaintenance.AddTo(builder.Services);
        builder.Services.AddHostedService<QueueConsumers>();
        builder.Services.AddHostedService<LocalSchedules>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapIngest();
        app.MapStatus();
        app.MapReports();
        app.MapAuthors();
        app.MapWebhooks();
        app.MapConnectors();
        return app;
    }

    /// <summary>Arguments that are host settings rather than a command (<c>--environment=…</c>, <c>--contentRoot=…</c>):
    /// what WebApplicationFactory passes to Main. Such a start runs the local shape.</summary>
    public static bool IsHostStart(string[] args) =>
        args is [var first, ..] && first.StartsWith("--", StringComparison.Ordinal) && first.Contains('=');

    public static async Task<int> RunAsync(string[] args)
    {
        await Build(args).RunAsync();
        return 0;
    }

    /// <summary>The local schedules (on Azure these app settings come from infra/) and quiet logging; lowest priority, so
    /// any configuration source overrides them.</summary>
    private static Dictionary<string, string?> Defaults()
    {
        var defaults = PipelineJobs.Schedules.ToDictionary(j => j.ScheduleSetting, j => (string?)j.LocalSchedule);
        defaults["Logging:LogLevel:Default"] = "Information";
        defaults["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        return defaults;
    }
}
