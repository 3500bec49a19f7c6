using System.CommandLine;
using System.Text.Json;
using Listening.Queues;
using Listening.Queues.Sqlite;
using Listening.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace Listening.Cli;

/// <summary>
/// `listening deadletters list|replay --queue Q`: what a queue could not process, and sending it back once the cause is
/// fixed. The shape follows configuration, as the app does: <c>Listening:Queue:Kind</c> (environment
/// <c>Listening__Queue__Kind</c>) <c>Sqlite</c> (default: the local data dir) or <c>ServiceBus</c> (the namespace in
/// <c>Listening__Queue__ServiceBus__FullyQualifiedNamespace</c>, signed in with DefaultAzureCredential).
/// </summary>
internal static class DeadLettersCommand
{
    public static Command Create()
    {
        var command = new Command("deadletters", "List or replay a queue's dead letters (local data dir, or Service Bus by configuration)");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Replay());
        return command;
    }

    private static Option<string> QueueOption() => new("--queue") { Description = "the queue (its dead-letter queue is read), e.g. feedback-ingested", Required = true };

    private static Option<string> DataDirOption() => new("--data-dir") { Description = "the data dir `serve` uses (local shape)", DefaultValueFactory = _ => ".data" };

    private static Command List()
    {
        var queue = QueueOption();
        var dataDir = DataDirOption();
        var max = new Option<int>("--max") { Description = "at most this many", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "print JSON (one object per dead letter)" };
        var body = new Option<bool>("--body") { Description = "include message bodies (they may hold personal data)" };
        var command = new Command("list", "List a queue's dead letters, oldest first, with reason and description") { queue, dataDir, max, json, body };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(dataDir)!, async deadLetters =>
        {
            var name = parse.GetValue(queue)!;
            var listed = await deadLetters.ListAsync(name, Math.Max(1, parse.GetValue(max)), cancellationToken);
            if (parse.GetValue(json))
            {
                foreach (var d in listed)
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        queue = d.Queue, messageId = d.MessageId, sequenceNumber = d.SequenceNumber, reason = d.Reason, description = d.Description,
                        lastError = d.LastError, deliveryCount = d.DeliveryCount, enqueuedTime = d.EnqueuedTime, bytes = d.Body.ToMemory().Length,
                        body = parse.GetValue(body) ? d.Body.ToString() : null,
                    }, JsonOptions));
                return 0;
            }
            Console.WriteLine($"{listed.Count} dead letter(s) in {QueueNames.DeadLetterQueueOf(QueueNames.MainQueueOf(name))}");
            foreach (var d in listed)
            {
                Console.WriteLine($"  #{d.SequenceNumber} {d.MessageId}  {d.Reason}: {OneLine(d.LastError ?? d.Description)}  (deliveries {d.DeliveryCount}, enqueued {d.EnqueuedTime:u})");
                if (parse.GetValue(body)) Console.WriteLine($"    {OneLine(d.Body.ToString())}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Replay()
    {
        var queue = QueueOption();
        var dataDir = DataDirOption();
        var ids = new Option<string[]>("--id") { Description = "message id(s) to replay (repeatable)", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all") { Description = "replay every dead letter of the queue" };
        var command = new Command("replay", "Send dead letters back to their queue (new delivery count) and remove them from the dead-letter queue") { queue, dataDir, ids, all };
        command.SetAction((parse, cancellationToken) =>
        {
            var chosen = parse.GetValue(ids) ?? [];
            if (chosen.Length == 0 == !parse.GetValue(all))
            {
                Console.Error.WriteLine("deadletters replay: give --id ID (one or more) or --all, not both");
                return Task.FromResult(2);
            }
            return RunAsync(parse.GetValue(dataDir)!, async deadLetters =>
            {
                var name = parse.GetValue(queue)!;
                var replayed = await deadLetters.ReplayAsync(name, parse.GetValue(all) ? null : chosen, cancellationToken);
                Console.WriteLine($"replayed {replayed} dead letter(s) to {QueueNames.MainQueueOf(name)}");
                if (!parse.GetValue(all) && replayed < chosen.Distinct().Count())
                {
                    Console.Error.WriteLine($"deadletters replay: {chosen.Distinct().Count() - replayed} of the given ids are not in the dead-letter queue");
                    return 1;
                }
                return 0;
            });
        });
        return command;
    }

    /// <summary>Opens the configured shape's dead letters, runs <paramref name="body"/>, closes them.</summary>
    private static async Task<int> RunAsync(string dataDir, Func<IDeadLetters, Task<int>> body)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var kind = configuration.GetSection(QueueOptions.Section).Get<QueueOptions>()?.Kind ?? QueueKind.Sqlite;
        try
        {
            if (kind == QueueKind.ServiceBus)
            {
                var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddServiceBusQueue(configuration);
                await using var provider = services.BuildServiceProvider();
                return await body(provider.GetRequiredService<IDeadLetters>());
            }
            var file = Path.Combine(dataDir, "listening.db");
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"deadletters: no pipeline data in {Path.GetFullPath(dataDir)} (run `listening serve --data-dir {dataDir}` first)");
                return 2;
            }
            await using var database = new SqliteDatabase(file);
            var queue = new SqliteQueue(database, Options.Create(new SqliteQueueOptions()), TimeProvider.System);
            return await body(queue);
        }
        catch (Exception e) when (e is InvalidOperationException or Azure.Messaging.ServiceBus.ServiceBusException or Azure.Identity.AuthenticationFailedException)
        {
            Console.Error.WriteLine($"deadletters: {e.Message}");
            return 2;
        }
    }

    private static string OneLine(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
