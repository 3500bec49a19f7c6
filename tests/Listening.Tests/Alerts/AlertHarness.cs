using System.Text.Json;
using Listening.Alerts;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Pipeline;
using Listening.Reports;
using Listening.Responses.Delivery;
using Listening.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Listening.Tests.Alerts;

/// <summary>
/// The alert job on the real local stores (SQLite feedback, reports and responses stores, the outbox worker) with a
/// FakeTimeProvider: scored items are written straight into the feedback store on the days a test chooses, the job runs at
/// the instants it chooses, and the outbox writes each message to a pickup directory (no SMTP server configured) for the
/// test to read.
/// </summary>
public sealed class AlertHarness : IAsyncDisposable
{
    public const string Brand = "acme", Recipient = "marketing@acme.example";

    public FakeTimeProvider Time { get; }
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"listening-alerts-{Guid.NewGuid():N}");
    public string Pickup => Path.Combine(DataDir, "outbox");
    public ServiceProvider Services { get; }
    private int next;

    public AlertHarness(DateTimeOffset now, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Time = new FakeTimeProvider(now);
        var values = new Dictionary<string, string?>
        {
            ["Listening:Local:DataDir"] = DataDir,
            ["Responses:Delivery:PickupDirectory"] = Pickup,
            [$"Listening:Reports:Delivery:{Brand}:Email:0"] = Recipient,
            ["Listening:Reports:PublicBaseUrl"] = "https://listening.example",
            ["Listening:Alerts:FixAlerts"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddListening(configuration);
        Services = services.BuildServiceProvider();
    }

    public IFeedbackStore Feedback => Services.GetRequiredService<IFeedbackStore>();

    /// <summary>A scored item about <paramref name="brand"/> (a competitor when <paramref name="competitorOf"/> is set) created at <paramref name="at"/>.</summary>
    public Task AddAsync(DateTimeOffset at, string text, SentimentLabel document, string brand = Brand, string? competitorOf = null,
        params (string Factor, SentimentLabel Label)[] mentions)
    {
        var id = $"t-{Interlocked.Increment(ref next)}";
        var item = new FeedbackItem(id, FeedbackKind.Review, "site", brand, text, at, Rating: document == SentimentLabel.Negative ? 1 : document == SentimentLabel.Positive ? 5 : 3,
            Author: new Author(null, "Jane Doe", null, null), CompetitorOf: competitorOf, Channel: "site", Url: $"https://reviews.example/{id}", Language: "en");
        var scores = new FeedbackScores("en", new SentimentScore(document, document == SentimentLabel.Negative ? -0.8f : document == SentimentLabel.Positive ? 0.8f : 0, 0.1f, 0.1f, 0.8f),
            mentions.Select(m => new FactorMention(m.Factor, m.Label, m.Label == SentimentLabel.Negative ? -0.8f : 0.8f, 0, text.Length)).ToList());
        return Feedback.UpsertAsync(new FeedbackRecord(item, FeedbackStage.Responded, scores, at), CancellationToken.None);
    }

    public Task<AlertRun> DetectAsync() => Services.GetRequiredService<DetectAlerts>().RunAsync(CancellationToken.None);

    /// <summary>Delivers what the outbox holds and returns the alert messages written so far (payload <c>data</c> each).</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsSentAsync()
    {
        var delivery = Services.GetRequiredService<OutboxDelivery>();
        while ((await delivery.RunOnceAsync(CancellationToken.None)).Claimed > 0) { }
        if (!Directory.Exists(Pickup)) return [];
        return Directory.GetFiles(Pickup, "alert-*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone()).ToList();
    }

    /// <summary>Poisson draws (Knuth), seeded by the caller.</summary>
    public static int Poisson(Random random, double lambda)
    {
        double limit = Math.Exp(-lambda), product = random.NextDouble();
        var k = 0;
        while (product > limit) { k++; product *= random.NextDouble(); }
        return k;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
