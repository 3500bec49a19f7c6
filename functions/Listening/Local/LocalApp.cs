using Listening.Channels.Connectors;
using Listening.Channels.Webhooks;
using Listening.Access;
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
        Storage.StorageServiceCollectionExtensions.OpenStores(app.Services);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestEdgeMiddleware>();
        // Every endpoint names the roles it accepts (EndpointAccess); API keys from Listening:Access:Keys, or — with none
        // configured — callers on this machine only, said so at start.
        app.UseMiddleware<AccessMiddleware>();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAccess(app));
        app.MapIngest();
        app.MapStatus();
        app.MapReports();
        app.MapAuthors();
        app.MapWebhooks();
        app.MapConnectors();
        return app;
    }

    private static void AnnounceAccess(WebApplication app)
    {
        var access = app.Services.GetRequiredService<Access.AccessControl>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Listening.Access");
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        if (access.KeysConfigured) logger.LogInformation("{Access}", access.Describe(Access.AccessHost.Local));
        else logger.LogWarning("{Access}", access.Describe(Access.AccessHost.Local));
        if (!access.KeysConfigured && addresses.Any(a => !IsLoopback(a)))
            logger.LogWarning("listening on a non-loopback address without API keys: callers from other machines are refused until keys are configured");
    }

    internal static bool IsLoopback(string address) =>
        Uri.TryCreate(address.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip)));

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
