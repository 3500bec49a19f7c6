using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Tests.Pipeline;

namespace Listening.Tests.Reporting;

/// <summary>
/// A brand is one brand whatever its case, end to end over HTTP: items posted as "Lavka" and "lavka", a competitor
/// naming "LAVKA", configuration keyed "LAVKA" — all one brand in GET /api/reports/{brand} and in its loyalty rules.
/// </summary>
public sealed class BrandCaseTests : IAsyncLifetime
{
    private readonly PipelineFactory _factory = new(new Dictionary<string, string?>
    {
        ["Listening:Reports:MinMentions"] = "1",
        ["Channels:Competitors:LAVKA:0:Name"] = "megamart",
        ["Loyalty:Brands:LAVKA:Points"] = "7",
    }, null);
    private HttpClient _client = null!;

    private static JsonObject Item(string brand, string text, int n, string? competitorOf = null) => new()
    {
        ["kind"] = "review",
        ["source"] = "site",
        ["externalId"] = $"case-{n}",
        ["brand"] = brand,
        ["competitorOf"] = competitorOf,
        ["text"] = text,
        ["rating"] = 2,
        ["author"] = new JsonObject { ["id"] = $"customer-{n}", ["name"] = "Ann", ["email"] = $"ann{n}@example.com" },
        ["createdAt"] = DateTimeOffset.UtcNow.AddDays(-1).ToString("O"),
    };

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        var items = new JsonArray(
            Item("Lavka", "The delivery was late and the courier was rude.", 1),
            Item("Lavka", "Great prices, cheap compared to others.", 2),
            Item("lavka", "Fresh quality vegetables, tasty bread.", 3),
            Item(" lavka ", "The delivery was slow, the courier was late.", 4),
            Item("Megamart", "Prices are expensive, bad value.", 5, competitorOf: "LAVKA"),
            Item("MEGAMART", "Delivery was fast and the courier was friendly.", 6, competitorOf: "lavka"));
        (await _client.PostAsync(items)).EnsureSuccessStatusCode();
        await _factory.WaitForDrainAsync(_client, TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("lavka")]
    [InlineData("Lavka")]
    [InlineData("LAVKA")]
    public async Task Report_counts_every_case_of_the_brand_and_of_its_competitor_as_one(string asked)
    {
        var response = await _client.GetAsync($"/api/reports/{asked}?format=json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var items = report.GetProperty("items");
        Assert.Equal(4, items.GetProperty("brand").GetInt64());
        var competitor = Assert.Single(items.GetProperty("competitors").EnumerateArray());
        Assert.Equal(2, competitor.GetProperty("items").GetInt64());
        Assert.Single(report.GetProperty("competitors").EnumerateArray());
    }

    [Fact]
    public async Task Loyalty_rules_configured_for_one_case_apply_to_every_case()
    {
        foreach (var n in new[] { 1, 3, 4 })
        {
            var points = await _client.GetFromJsonAsync<JsonElement>($"/api/authors/customer-{n}/points");
            Assert.Equal(7, points.GetProperty("balance").GetInt32());
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }
}
