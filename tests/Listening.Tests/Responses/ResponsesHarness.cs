using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Responses;
using Listening.Responses.Delivery;
using Listening.Storage;
using Listening.Storage.Sqlite;
using Listening.Storage.Cosmos;
using Listening.Tests.Stores.Cosmos;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Listening.Pipeline;

namespace Listening.Tests.Responses;

/// <summary>
/// The response stage on real parts — the real stores on a SQLite file or, given a <see cref="CosmosServerFixture"/>, on
/// a Cosmos DB protocol server (containers named after <see cref="DataDir"/>, so a "restart" on the same directory finds
/// the same data), RespondToAuthor, the outbox worker with its HttpClient and SMTP client — with a FakeTimeProvider for
/// the clock (caps, backoff and response times are about time).
/// </summary>
public sealed class ResponsesHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"listening-responses-{Guid.NewGuid():N}");
    public ServiceProvider Services { get; }
    public IResponseStore Store => Services.GetRequiredService<IResponseStore>();
    public IFeedbackStore Feedback => Services.GetRequiredService<IFeedbackStore>();
    public OutboxDelivery Delivery => Services.GetRequiredService<OutboxDelivery>();
    public string DatabasePath => Path.Combine(DataDir, "listening.db");

    private readonly CosmosServerFixture? cosmos;
    private readonly CosmosStoreOptions? cosmosOptions;

    public ResponsesHarness(IReadOnlyDictionary<string, string?>? settings = null, string? dataDir = null, CosmosServerFixture? cosmos = null)
    {
        if (dataDir is not null) DataDir = dataDir;
        var defaults = new Dictionary<string, string?>
        {
            ["Loyalty:Points"] = "50",
            ["Loyalty:MaxPointsPerDay"] = "100",
            ["Loyalty:MaxPointsPerMonth"] = "300",
            ["Responses:Delivery:HttpRetryDelay"] = "00:00:00.010",
            ["Responses:Delivery:BaseDelay"] = "00:00:30",
            ["Listening:Security:Key"] = Security.TestKeys.Secret,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) defaults[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(defaults).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        this.cosmos = cosmos;
        if (cosmos is null)
        {
            services.AddSingleton(new SqliteDatabase(DatabasePath));
            services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
            services.AddSingleton<IResponseStore, Listening.Storage.Sqlite.SqliteResponseStore>();
            services.AddSingleton<Listening.Erasure.IErasureRegistry, SqliteErasures>();
        }
        else
        {
            var name = Path.GetFileName(DataDir);
            cosmosOptions = cosmos.Options(name);
            cosmosOptions.ResponsesContainer = name + "-responses";
            CosmosStoreSetup.EnsureCreatedAsync(cosmos.Client, cosmosOptions, CancellationToken.None).GetAwaiter().GetResult();
            services.AddMetrics();
            services.AddSingleton<CosmosRequestCharges>();
            services.AddSingleton(sp => new CosmosDocuments(ResponsesContainer, sp.GetRequiredService<CosmosRequestCharges>()));
            services.AddSingleton<IFeedbackStore>(sp => new CosmosFeedbackStore(FeedbackContainer, sp.GetRequiredService<CosmosRequestCharges>()));
            services.AddSingleton<IResponseStore>(sp => new CosmosResponseStore(sp.GetRequiredService<CosmosDocuments>(),
                new CosmosDocuments(FeedbackContainer, sp.GetRequiredService<CosmosRequestCharges>()),
                new CosmosDocuments(AggregatesContainer, sp.GetRequiredService<CosmosRequestCharges>()), sp.GetRequiredService<Listening.Erasure.PersonKeys>(), Time));
            services.AddSingleton<Listening.Erasure.IErasureRegistry>(sp => new CosmosErasures(new CosmosDocuments(AggregatesContainer, sp.GetRequiredService<CosmosRequestCharges>())));
        }
        services.AddResponses();
        // The platform connectors' answering half (Telegram, VK, app stores, Google reviews): configured per test.
        Listening.Channels.Connectors.ConnectorsServiceCollectionExtensions.AddConnectorReplies(services);
        // The response stage sends nothing on: its commit is the store's write.
        services.AddSingleton<Listening.Pipeline.IStageCommit>(sp => new Listening.Pipeline.SeparateStageCommit(sp.GetRequiredService<IFeedbackStore>(), new NoSends(),
            sp.GetRequiredService<Listening.Erasure.ErasureGuard>()));
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        // What ValidateOnStart does in the app.
        _ = Services.GetRequiredService<IOptions<ResponsesOptions>>().Value;
        _ = Services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        _ = Services.GetRequiredService<IOptions<Core.Loyalty.LoyaltyRules>>().Value;
    }

    /// <summary>An item as ScoreFeedback leaves it, stored and ready for RespondToAuthor.</summary>
    public static FeedbackRecord Scored(string externalId, string text, SentimentLabel label, Author? author, string source = "site",
        string lang = "ru", int? rating = null, string brand = "Acme", string? competitorOf = null, params string[] factors)
    {
        var dto = new FeedbackItemDto
        {
            Source = source, ExternalId = externalId, Brand = brand, Text = text, Rating = rating, CompetitorOf = competitorOf,
            CreatedAt = Start.AddMinutes(-10),
            Author = author is null ? null : new AuthorDto(author.Id, author.Name, author.Handle, author.Email),
        };
        var item = dto.ToItem(Start);
        var p = label switch { SentimentLabel.Negative => (0.9f, 0.05f, 0.05f), SentimentLabel.Positive => (0.05f, 0.05f, 0.9f), _ => (0.05f, 0.9f, 0.05f) };
        var scores = new FeedbackScores(lang, SentimentScore.FromProbabilities(p.Item1, p.Item2, p.Item3),
            factors.Select((f, i) => new FactorMention(f, label, 0, i * 10, 5)).ToList());
        return new FeedbackRecord(item, FeedbackStage.Scored, scores, Start);
    }

    /// <summary>Delivers <paramref name="record"/> to the response stage as its queue message would (the stage writes the
    /// item's <c>responded</c> stage itself).</summary>
    public async Task<RespondOutcome> RespondAsync(FeedbackRecord record, bool store = true)
    {
        if (store) await Feedback.UpsertAsync(record, CancellationToken.None);
        var message = new Listening.Queues.ReceivedMessage("feedback-scored", record.Item.Id, BinaryData.FromString(FeedbackDocument.Serialize(record)), 1, 1,
            Time.GetUtcNow(), Time.GetUtcNow().AddMinutes(1), Guid.NewGuid().ToString());
        return await Services.GetRequiredService<RespondToAuthor>().RespondAsync(Listening.Pipeline.FeedbackMessage.Parse(message), CancellationToken.None);
    }

    public Container FeedbackContainer => cosmos!.Client.GetContainer(cosmosOptions!.Database, cosmosOptions.FeedbackContainer);
    public Container AggregatesContainer => cosmos!.Client.GetContainer(cosmosOptions!.Database, cosmosOptions.AggregatesContainer);
    public Container ResponsesContainer => cosmos!.Client.GetContainer(cosmosOptions!.Database, cosmosOptions.ResponsesContainer);

    /// <summary>The ingest spam check's per-author history on the same storage.</summary>
    public Listening.Ingest.ISpamHistory SpamHistory => cosmos is null
        ? new SqliteSpamHistory(Services.GetRequiredService<SqliteDatabase>(), Security.TestKeys.Keys)
        : new CosmosSpamHistory(new CosmosDocuments(AggregatesContainer, Services.GetRequiredService<CosmosRequestCharges>()), Security.TestKeys.Keys,
            Services.GetRequiredService<Listening.Erasure.IErasureRegistry>());

    /// <summary>Every text value stored — the SQLite file's tables or every document of the Cosmos DB containers — for scans for personal data.</summary>
    public async Task<List<string>> AllStoredTextAsync()
    {
        if (cosmos is not null)
        {
            var texts = new List<string>();
            foreach (var container in new[] { FeedbackContainer, ResponsesContainer })
            {
                using var iterator = container.GetItemQueryStreamIterator("SELECT * FROM c");
                while (iterator.HasMoreResults)
                {
                    using var page = await iterator.ReadNextAsync();
                    var documents = JsonNode.Parse(page.Content)!["Documents"]!.AsArray();
                    foreach (var document in documents) Strings(document, container.Id, texts);
                }
            }
            return texts;
        }

        return await Stores.Sqlite.SqliteStoredText.AllAsync(Services.GetRequiredService<SqliteDatabase>());
    }

    private static void Strings(JsonNode? node, string where, List<string> texts)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, v) in o) Strings(v, where, texts); break;
            case JsonArray a: foreach (var v in a) Strings(v, where, texts); break;
            case JsonValue v when v.TryGetValue<string>(out var s): texts.Add($"{where}: {s}"); break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }

    private sealed class NoSends : Listening.Queues.IQueueSender
    {
        public Task SendAsync(string queue, IReadOnlyList<Listening.Queues.OutgoingMessage> messages, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the response stage sends no message");
    }
}
