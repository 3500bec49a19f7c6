using Listening.Queues.Sqlite;

namespace Listening.Local;

/// <summary>Forgets message ids older than the SQLite queue's duplicate-detection window, once a minute (Service Bus
/// does this itself): without it the ids table would grow with every message ever sent.</summary>
public sealed partial class SqliteQueueMaintenance(SqliteQueue queue, TimeProvider time, ILogger<SqliteQueueMaintenance> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddTo(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(SqliteQueue))) services.AddHostedService<SqliteQueueMaintenance>();
        return services;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                await queue.PurgeExpiredIdsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { LogFailed(logger, e); }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired message ids failed; trying again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
