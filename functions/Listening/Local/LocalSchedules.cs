using Cronos;
using Listening.Pipeline;

namespace Listening.Local;

/// <summary>
/// The pipeline's schedules (<see cref="PipelineJobs.Schedules"/>) on Cronos: the NCRONTAB expression of each job's app
/// setting (the same setting the Function App's timer reads), six fields with seconds or five without, in UTC.
/// </summary>
public sealed partial class LocalSchedules(IServiceProvider services, IConfiguration configuration, TimeProvider time, ILogger<LocalSchedules> logger)
    : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in PipelineJobs.Schedules) _ = Parse(job); // a bad schedule stops the start, naming it
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PipelineJobs.Schedules.Select(j => Task.Run(() => RunAsync(j, stoppingToken), stoppingToken)));

    private async Task RunAsync(ScheduledJob job, CancellationToken stoppingToken)
    {
        var cron = Parse(job);
        if (job.RunOnStartup) await FireAsync(job, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (cron.GetNextOccurrence(now, TimeZoneInfo.Utc) is not { } next) return;
            try { await Task.Delay(next - now, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
            await FireAsync(job, stoppingToken);
        }
    }

    private async Task FireAsync(ScheduledJob job, CancellationToken stoppingToken)
    {
        try { await job.RunAsync(services, stoppingToken); }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (Exception e) { LogFailed(logger, job.Name, e); }
    }

    private CronExpression Parse(ScheduledJob job)
    {
        var schedule = configuration[job.ScheduleSetting] ?? job.LocalSchedule;
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try { return CronExpression.Parse(schedule, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard); }
        catch (CronFormatException e) { throw new InvalidOperationException($"{job.Name}: {job.ScheduleSetting} '{schedule}' is not a cron expression: {e.Message}", e); }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
