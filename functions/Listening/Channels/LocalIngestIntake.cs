using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Handler;
using Listening.LocalRuntime;
using Listening.Storage;
using Listening.Storage.Sqlite;
using Listening.Topology;

namespace Listening.Channels;

/// <summary>
/// The local shape's intake: invokes the <c>IngestFeedback</c> function in this process with the canonical JSON,
/// exactly as its HTTP trigger would, and commits its outputs (the <c>feedback-ingested</c> messages) in one
/// SQLite transaction — the same store and queue path as <c>POST /api/feedback</c>, without a network hop.
/// </summary>
public sealed class LocalIngestIntake(
    LocalInvoker invoker, FunctionTopology topology, DurableQueue queue, SqliteDatabase database, TimeProvider time)
    : IFeedbackIntake
{
    private const string IngestFunction = "IngestFeedback";

    public async Task<IReadOnlyList<IntakeResult>> SubmitAsync(IReadOnlyList<FeedbackItemDto> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return [];
        var function = topology.Functions.FirstOrDefault(f => f.Name == IngestFunction)
            ?? throw new TopologyException($"channels need the {IngestFunction} function");
        var known = await KnownAsync(items, cancellationToken);

        var body = JsonSerializer.Serialize(items, FeedbackItemDto.JsonOptions);
        var request = new HttpRequestData("http://localhost/api/feedback", "POST", JsonSerializer.SerializeToElement(new { }),
            new Dictionary<string, string[]> { ["Content-Type"] = ["application/json"] }, new Dictionary<string, string>(), body);
        var payload = Payloads.Http(function.Name, function.Trigger.Name, request, time.GetUtcNow());
        var (result, error) = await invoker.InvokeAsync(function.Name, payload, cancellationToken);
        if (result is null) throw new IntakeException($"{IngestFunction} failed: {error}");

        var outputs = PreparedOutputs.From(function, result);
        var status = outputs.HttpResponse?["statusCode"]?.GetValue<int>() ?? 500;
        if (status != 202)
        {
            var detail = outputs.HttpResponse?["body"]?.GetValue<string>() ?? "";
            return items.Select(_ => new IntakeResult(IntakeOutcome.Rejected, Error: $"ingest answered {status}: {detail}")).ToList();
        }
        await database.WriteAsync(tx => { outputs.Apply(tx, queue); return 0; }, cancellationToken);
        outputs.SignalReceivers(queue);
        return IntakeDuplicates.Results(IdsOf(outputs.HttpResponse), items, time.GetUtcNow(), known);
    }

    /// <summary>Ids already stored, in one query per batch (a point read per item would dominate a large import).</summary>
    private Task<HashSet<string>> KnownAsync(IReadOnlyList<FeedbackItemDto> items, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ids = items.Select(i => i.ToItem(now).Id).Distinct().ToList();
        return database.ReadAsync(connection =>
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chunk in ids.Chunk(500))
            {
                var names = chunk.Select((_, i) => $"$p{i}").ToList();
                using var command = connection.Command($"SELECT id FROM documents WHERE container = $c AND id IN ({string.Join(',', names)})")
                    .With("$c", SqliteFeedbackStore.Container);
                for (var i = 0; i < chunk.Length; i++) command.With(names[i], chunk[i]);
                using var reader = command.ExecuteReader();
                while (reader.Read()) known.Add(reader.GetString(0));
            }
            return known;
        }, cancellationToken);
    }

    private static IReadOnlyList<string> IdsOf(JsonNode? response)
    {
        var body = response?["body"]?.GetValue<string>();
        return body is null ? [] : JsonNode.Parse(body)?["ids"]?.AsArray().Select(n => n!.GetValue<string>()).ToList() ?? [];
    }
}

/// <summary>The pipeline refused or failed to take items (not the items' fault): the caller answers 5xx / retries.</summary>
public sealed class IntakeException(string message) : Exception(message);

/// <summary>Which submitted items were already stored, repeated within the batch, or collapsed into another item
/// (ingest answered another id: a cross-post): those are duplicates.</summary>
internal static class IntakeDuplicates
{
    public static async Task<HashSet<string>> KnownAsync(IFeedbackStore store, IReadOnlyList<FeedbackItemDto> items, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in items.Select(i => i.ToItem(now).Id).Distinct())
            if (await store.GetAsync(id, cancellationToken) is not null) known.Add(id);
        return known;
    }

    public static IReadOnlyList<IntakeResult> Results(IReadOnlyList<string> ids, IReadOnlyList<FeedbackItemDto> items, DateTimeOffset now, HashSet<string> known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return ids.Select((id, i) =>
        {
            var collapsed = i < items.Count && items[i].ToItem(now).Id != id;
            return new IntakeResult(collapsed | known.Contains(id) | !seen.Add(id) ? IntakeOutcome.Duplicate : IntakeOutcome.Accepted, id);
        }).ToList();
    }
}
