using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Listening.Pipeline;
using Listening.Responses;
using Listening.Storage;
using Microsoft.Extensions.Configuration;

namespace Listening.Cli;

/// <summary>
/// `listening outbox list|retry|cancel`: what the outbox holds and acting on it — on the store configuration names, as the
/// app does: <c>Listening:Store:Kind</c> (environment <c>Listening__Store__Kind</c>) <c>Sqlite</c> (default: the local
/// data dir) or <c>Cosmos</c> (the account in <c>Listening__Store__Cosmos__*</c>).
/// </summary>
internal static class OutboxCommand
{
    private const int MaxSelected = 100_000;

    public static Command Create()
    {
        var command = new Command("outbox", "List the outbox's messages with their state and reason; retry or cancel them (local data dir, or Cosmos DB by configuration)");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Act("retry", "Send messages again now, with a fresh count of attempts: failed, dead-lettered, waiting for a channel or cancelled ones (--resend: sent ones too; a re-answer replaces the earlier reply where the platform keeps one)"));
        command.Subcommands.Add(Act("cancel", "Stop messages for good: pending, failed, waiting, held or dead-lettered ones"));
        return command;
    }

    private static Option<string> DataDir() => new("--data-dir") { Description = "the data dir `serve` uses (local shape)", DefaultValueFactory = _ => ".data" };
    private static Option<string[]> States() => new("--state") { Description = $"state(s): {string.Join(", ", OutboxStates.All)}", AllowMultipleArgumentsPerToken = true };
    private static Option<string?> Channel() => new("--channel") { Description = "channel: telegram, vk, googleplay, appstore, google, email, webhook:reply, file …" };
    private static Option<string[]> Ids() => new("--id") { Description = "message id(s) (repeatable)", AllowMultipleArgumentsPerToken = true };

    private static Command List()
    {
        var (dataDir, states, channel, ids) = (DataDir(), States(), Channel(), Ids());
        var max = new Option<int>("--max") { Description = "at most this many, the most recently changed first", DefaultValueFactory = _ => 50 };
        var json = new Option<bool>("--json") { Description = "one JSON object per message (without payloads: they hold personal data)" };
        var command = new Command("list", "Messages by state, channel or id, with attempts, next attempt and the last reason") { dataDir, states, channel, ids, max, json };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(dataDir)!, async store =>
        {
            if (Query(parse.GetValue(states), parse.GetValue(channel), parse.GetValue(ids), Math.Max(1, parse.GetValue(max))) is not { } query) return 2;
            var entries = await store.ListMessagesAsync(query, cancellationToken);
            foreach (var e in entries)
            {
                if (parse.GetValue(json))
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = e.Message.Id, kind = e.Message.Kind, channel = e.Channel, target = e.Message.Target, state = e.State, attempts = e.Attempts,
                        createdAt = e.Message.CreatedAt, updatedAt = e.UpdatedAt, nextAttemptAt = e.NextAttemptAt, deliveredAt = e.DeliveredAt,
                        acknowledgedAt = e.Receipt?.AcknowledgedAt, reference = e.Receipt?.Reference, reason = e.LastError,
                    }, JsonOptions));
                    continue;
                }
                var when = e.State switch
                {
                    OutboxStates.Sent => $"sent {e.DeliveredAt:u}",
                    OutboxStates.Pending or OutboxStates.Failed or OutboxStates.NoChannel => $"next {e.NextAttemptAt:u}",
                    _ => $"changed {(e.UpdatedAt ?? e.Message.CreatedAt):u}",
                };
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Message.Id}  {e.Message.Kind}  {e.Channel}  {e.State}  attempts {e.Attempts}  {when}{(e.LastError is null ? "" : "  " + OneLine(e.LastError))}"));
            }
            if (!parse.GetValue(json)) Console.WriteLine($"{entries.Count} message(s)");
            return 0;
        }));
        return command;
    }

    private static Command Act(string verb, string description)
    {
        var (dataDir, states, channel, ids) = (DataDir(), States(), Channel(), Ids());
        var resend = new Option<bool>("--resend") { Description = "retry: sent messages too (with --id, or --state sent)" };
        var command = new Command(verb, description) { dataDir, states, channel, ids };
        if (verb == "retry") command.Options.Add(resend);
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(dataDir)!, async store =>
        {
            var given = parse.GetValue(ids) ?? [];
            var chosenStates = parse.GetValue(states) ?? [];
            if (given.Length == 0 && chosenStates.Length == 0)
            {
                Console.Error.WriteLine($"outbox {verb}: give --id ID (one or more) or --state STATE [--channel C]");
                return 2;
            }
            IReadOnlyCollection<string> selected = given;
            if (given.Length == 0)
            {
                if (Query(chosenStates, parse.GetValue(channel), null, MaxSelected) is not { } query) return 2;
                selected = (await store.ListMessagesAsync(query, cancellationToken)).Select(e => e.Message.Id).ToList();
            }
            var now = TimeProvider.System.GetUtcNow();
            var done = verb == "retry"
                ? await store.RetryAsync(selected, parse.GetValue(resend), now, cancellationToken)
                : await store.CancelAsync(selected, now, cancellationToken);
            Console.WriteLine(verb == "retry" ? $"requeued {done} of {selected.Count} message(s)" : $"cancelled {done} of {selected.Count} message(s)");
            if (given.Length > 0 && done < given.Distinct().Count())
            {
                Console.Error.WriteLine($"outbox {verb}: {given.Distinct().Count() - done} of the given ids are unknown or not in a state that allows it (see `listening outbox list --id …`)");
                return 1;
            }
            return 0;
        }));
        return command;
    }

    private static OutboxQuery? Query(string[]? states, string? channel, string[]? ids, int max)
    {
        var unknown = (states ?? []).Where(s => !OutboxStates.All.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"outbox: unknown state(s) {string.Join(", ", unknown)}; states are {string.Join(", ", OutboxStates.All)}");
            return null;
        }
        return new OutboxQuery(states is { Length: > 0 } ? states : null, string.IsNullOrWhiteSpace(channel) ? null : channel.Trim(),
            ids is { Length: > 0 } ? ids : null, max);
    }

    /// <summary>Opens the configured responses store, runs <paramref name="body"/>, closes it.</summary>
    private static async Task<int> RunAsync(string dataDir, Func<IResponseStore, Task<int>> body)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SqliteOptions.Section + ":DataDir"] = dataDir })
            .AddEnvironmentVariables().Build();
        var cosmos = string.Equals(configuration[StorageServiceCollectionExtensions.KindKey], "Cosmos", StringComparison.OrdinalIgnoreCase);
        if (!cosmos && !File.Exists(Path.Combine(dataDir, "listening.db")))
        {
            Console.Error.WriteLine($"outbox: no pipeline data in {Path.GetFullPath(dataDir)} (run `listening serve --data-dir {dataDir}` first)");
            return 2;
        }
        try
        {
            var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddMetrics();
            services.AddStores(configuration);
            await using var provider = services.BuildServiceProvider();
            return await body(provider.GetRequiredService<IResponseStore>());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or Microsoft.Azure.Cosmos.CosmosException or Azure.Identity.AuthenticationFailedException)
        {
            Console.Error.WriteLine($"outbox: {e.Message}");
            return 2;
        }
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(ListeningJson.Options)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
