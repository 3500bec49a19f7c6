using System.CommandLine;
using System.Text.Json;
using Listening.Local;
using Listening.Pipeline;
using Listening.Queues;
using Listening.Storage;
using Microsoft.Extensions.Configuration;

namespace Listening.Cli;

/// <summary>`listening status`: queue depths, dead letters and items per stage, read from a data dir (running or not).</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var dataDir = new Option<string>("--data-dir") { Description = "the data dir `serve` uses", DefaultValueFactory = _ => ".data" };
        var json = new Option<bool>("--json") { Description = "print the /api/status JSON" };
        var command = new Command("status", "Show queue depths, dead letters and items per stage") { dataDir, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dir = parse.GetValue(dataDir)!;
            if (!File.Exists(Path.Combine(dir, "listening.db")))
            {
                Console.Error.WriteLine($"status: no pipeline data in {Path.GetFullPath(dir)} (run `listening serve --data-dir {dir}` first)");
                return 2;
            }
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { [SqliteOptions.Section + ":DataDir"] = dir }).Build();
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
            SqliteQueueMetrics.AddTo(services.AddStores(configuration).AddQueues(configuration));
            await using var provider = services.BuildServiceProvider();
            var report = await StatusReport.ReadAsync(provider.GetRequiredService<IFeedbackStore>(), provider.GetService<IQueueMetrics>(), cancellationToken);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(ListeningJson.Options) { WriteIndented = true }));
                return 0;
            }
            Console.WriteLine($"items: {report.Items.Total}");
            foreach (var (stage, count) in report.Items.ByStage) Console.WriteLine($"  {stage,-14} {count,10}");
            Console.WriteLine("queues:                 active  dead-letter");
            foreach (var (name, depth) in report.Queues) Console.WriteLine($"  {name,-20} {depth.Active,8} {depth.DeadLettered,12}");
            Console.WriteLine($"dead letters: {report.DeadLetters}");
            return 0;
        });
        return command;
    }
}
