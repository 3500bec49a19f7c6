using System.Text.Json.Nodes;
using Listening.Tests.Pipeline;

namespace Listening.Tests.Reporting;

/// <summary>
/// The local shape with a small market posted once through POST /api/feedback and drained: Lavka (the brand), Megamart
/// (its configured competitor) and Quickbasket (not configured; its items name Lavka as competitorOf), plus spam about
/// Lavka. A quadrant needs 5 mentions here so that a few dozen items place factors. Whichever scorer the pipeline runs,
/// the texts name delivery, prices and quality in plain words.
/// </summary>
public sealed class ReportPipeline : PipelineFactory, IAsyncLifetime
{
    public const int BrandItems = 36, SurveyAnswers = 12, SpamItems = 4;

    public ReportPipeline() : base(new Dictionary<string, string?>
    {
        ["Listening:Reports:MinMentions"] = "5",
        ["Channels:Competitors:Lavka:0:Name"] = "Megamart",
    }, null) { }

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Days the items were created on: the last ten days up to yesterday (UTC).</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public async Task InitializeAsync()
    {
        Client = CreateClient();
        string[] ours =
        [
            "Delivery was late again and the courier was rude.",
            "Great prices, cheap compared to others.",
            "Fresh quality vegetables, tasty bread.",
            "The delivery was slow, the courier was late.",
        ];
        string[] theirs =
        [
            "Delivery was fast and the courier was friendly, great.",
            "Prices are expensive, bad value.",
            "Poor quality, the milk was broken and the fruit not fresh.",
        ];
        var items = new JsonArray();
        for (var i = 0; i < BrandItems; i++)
            items.Add(Item("Lavka", null, ours[i % ours.Length], i, rating: 1 + i % 5, nps: i < SurveyAnswers ? i % 11 : null));
        for (var i = 0; i < 24; i++) items.Add(Item("Megamart", "Lavka", theirs[i % theirs.Length], i, rating: 1 + (i + 2) % 5));
        for (var i = 0; i < 12; i++) items.Add(Item("Quickbasket", "Lavka", theirs[i % theirs.Length], i, rating: 3));
        // Spam about Lavka, with an NPS and on a channel nothing else uses: none of it may reach the figures.
        for (var i = 0; i < SpamItems; i++)
        {
            var spam = Item("Lavka", null, "Great delivery, cheap prices, fresh quality! https://example.com/win", i, rating: 5, nps: 10);
            spam["spam"] = "links-only";
            spam["channel"] = "social";
            spam["kind"] = "mention";
            items.Add(spam);
        }
        var response = await Client.PostAsync(items);
        response.EnsureSuccessStatusCode();
        await WaitForDrainAsync(Client, TimeSpan.FromSeconds(60));
    }

    private static JsonObject Item(string brand, string? competitorOf, string text, int n, int rating, int? nps = null) => new()
    {
        ["kind"] = nps is null ? "review" : "survey",
        ["source"] = nps is null ? "site" : "typeform",
        ["channel"] = nps is null ? "site" : "survey",
        ["externalId"] = $"{brand}-{competitorOf}-{n}-{text.GetHashCode():x}",
        ["brand"] = brand,
        ["competitorOf"] = competitorOf,
        ["text"] = text,
        ["rating"] = nps is null ? rating : null,
        ["nps"] = nps,
        ["createdAt"] = DateTimeOffset.UtcNow.AddDays(-1 - n % 10).ToString("O"),
    };

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class ReportPipelineCollection : ICollectionFixture<ReportPipeline>
{
    public const string Name = "report-pipeline";
}
