using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Listening.Local;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Responses;
using Listening.Storage;
using Microsoft.Extensions.Configuration;

namespace Listening.Cli;

/// <summary>`listening status`: queue depths, dead letters, items per stage and the outbox, read from a data dir (running or not).</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "the data dir `serve` uses", DefaultValueFactory = _ => ".data" };
        var json = new Option<bool>("--json") { Description = "print the /api/status JSON" };
        var command = new Command("status", "Show queue depths, dead letters, items per stage and what the outbox did and did not send") { dataDir, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dir = parse.GetValue(dataDir)!;
            if (!File.Exists(Path.Combine(dir, "listening.db")))
            {
                Console.Error.WriteLine($"status: no pipeline data in {Path.GetFullPath(dir)} (run `listening serve --data-dir {dir}` first)");
                return 2;
            }
            // The environment as `serve` reads it (response-time targets, the store), the data dir from the command line.
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables()
                .AddInMemoryCollection(new Dictionary<string, string?> { [SqliteOptions.Section + ":DataDir"] = dir }).Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            SqliteQueueMetrics.AddTo(services.AddStores(configuration).AddQueues(configuration));
            await using var provider = services.BuildServiceProvider();
            var report = await StatusReport.ReadAsync(provider.GetRequiredService<IFeedbackStore>(), provider.GetService<IQueueMetrics>(),
                provider.GetService<IResponseStore>(), TimeProvider.System, cancellationToken,
                configuration.GetSection("Responses:ResponseTime").Get<Core.Responses.ResponseTargets>());
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(ListeningJson.Options) { WriteIndented = true }));
                return 0;
            }
            Console.WriteLine($"items: {report.Items.Total}");
            foreach (var (stage, count) in report.Items.ByStage) Console.WriteLine($"  {stage,-14} {count,10}");
            Console.WriteLine("queues:                 active  dead-letter");
            foreach (var (name, depth) in report.Queues) Console.WriteLine($"  {name,-20} {depth.Active,8} {depth.DeadLettered,12}");
            Console.WriteLine($"dead letters (queues): {report.DeadLetters}");
            if (report.Outbox is { } outbox) PrintOutbox(outbox, Console.Out);
            if (report.ResponseTimes is { } times) PrintResponseTimes(times, Console.Out);
            return 0;
        });
        return command;
    }

    /// <summary>The outbox: totals per state, a table per channel, the latest problems with their reasons.</summary>
    public static void PrintOutbox(OutboxSummary outbox, TextWriter output)
    {
        var window = $"sent/{outbox.SentWindow.TotalHours:0}h";
        output.WriteLine("outbox: " + string.Join(", ", OutboxStates.All.Select(s => $"{outbox.Totals.GetValueOrDefault(s)} {s}")));
        if (outbox.Channels.Count > 0)
        {
            var columns = OutboxStates.All.Select(s => s == OutboxStates.Sent ? window : s).ToList();
            output.WriteLine($"  {"channel",-16}" + string.Concat(columns.Select(c => $" {c,13}")));
            foreach (var channel in outbox.Channels)
                output.WriteLine($"  {channel.Channel,-16}" + string.Concat(OutboxStates.All.Select(s => $" {channel.States.GetValueOrDefault(s),13}")));
        }
        if (outbox.Latest.Count == 0) return;
        output.WriteLine("  latest problems (`listening outbox list` for all, `retry` / `cancel` to act):");
        foreach (var p in outbox.Latest)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {p.At:yyyy-MM-dd HH:mm} {p.MessageId}  {p.Channel}  {p.State} ({p.Attempts} attempt(s)): {OneLine(p.Reason)}"));
    }

    /// <summary>Response times per channel over the last day: from the post to the platform's acknowledgement, against the target.</summary>
    public static void PrintResponseTimes(IReadOnlyList<ResponseTimeRow> rows, TextWriter output)
    {
        output.WriteLine($"response times, posts of the last {StatusReport.ResponseTimeWindow.TotalHours:0}h (post → the platform's acknowledgement of the reply):");
        if (rows.Count == 0) { output.WriteLine("  nothing to answer"); return; }
        output.WriteLine($"  {"channel",-14} {"target",7} {"posts",6} {"replied",7} {"on time",7} {"median",7} {"p90",7} {"arrival",7} {"waiting",7} {"overdue",7}");
        static string M(double? minutes) => ResponseMonitor.Format(minutes is { } m ? TimeSpan.FromMinutes(m) : null);
        foreach (var r in rows)
            output.WriteLine($"  {r.Channel,-14} {M(r.TargetMinutes),7} {r.Received,6} {r.Replied,7} {r.RepliedOnTime,7} {M(r.MedianMinutes),7} {M(r.P90Minutes),7} {M(r.MedianFromArrivalMinutes),7} {r.Waiting,7} {r.Overdue,7}");
    }

    private static string OneLine(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
