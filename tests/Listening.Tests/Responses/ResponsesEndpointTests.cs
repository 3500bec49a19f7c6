using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Tests.Pipeline;

namespace Listening.Tests.Responses;

/// <summary>The whole local shape: HTTP ingest → scoring → RespondToAuthor → outbox timer → webhook, then the author endpoints.</summary>
public class ResponsesEndpointTests
{
    private static JsonObject Item(string text, string externalId, string source, JsonObject author) =>
        new() { ["kind"] = "review", ["source"] = source, ["externalId"] = externalId, ["brand"] = "Blinnaya", ["text"] = text, ["author"] = author };

    [Fact]
    public async Task Authors_are_thanked_through_the_pipeline_their_points_are_listed_and_erasure_removes_them()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = receiver.Settings("reply", "loyalty");
        settings["ResponsesDeliverySchedule"] = "*/1 * * * * *";
        settings["Loyalty:MaxPointsPerDay"] = "500";
        settings["Loyalty:MaxPointsPerMonth"] = "1000";
        await using var factory = new PipelineFactory(settings, null);
        var client = factory.CreateClient();
        JsonObject Maria() => new() { ["id"] = "crm-42", ["name"] = "Мария Соколова", ["handle"] = "@maria_s", ["email"] = "maria.sokolova@example.org" };

        var response = await client.PostAsync(new JsonArray(
            Item("Блины просто восхитительные, доставка быстрая!", "e-1", "site", Maria()),
            Item("Курьер опоздал на час, блины остыли. Очень недовольна.", "e-2", "app", Maria()),
            Item("Lovely pancakes and friendly staff", "e-3", "typeform", Maria()),
            Item("Хорошее место, вкусно", "e-4", "google", Maria())));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ids = await response.IdsAsync();
        await factory.WaitForDrainAsync(client);
        await WaitUntil(() => receiver.Delivered.Count(r => r.Id.StartsWith("thanks-")) == 4 && receiver.Delivered.Count(r => r.Id.StartsWith("points-")) == 3);

        var points = await client.GetFromJsonAsync<JsonElement>("/api/authors/crm-42/points");
        Assert.Equal(150, points.GetProperty("balance").GetInt32());
        Assert.Equal(3, points.GetProperty("entries").GetArrayLength());
        Assert.DoesNotContain(points.GetProperty("entries").EnumerateArray(), e => e.GetProperty("source").GetString() == "google");
        var thanks = receiver.Delivered.Where(r => r.Id.StartsWith("thanks-")).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data")).ToList();
        Assert.Contains(thanks, t => t.GetProperty("body").GetString()!.StartsWith("Здравствуйте, Мария Соколова"));
        Assert.All(ids, id => Assert.Equal("responded", client.GetItemAsync(id).Result.GetProperty("stage").GetString()));

        var erase = await client.DeleteAsync("/api/authors/crm-42");
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        Assert.Equal(4, (await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetProperty("items").GetInt32());
        var after = await client.GetItemAsync(ids[0]);
        Assert.False(after.TryGetProperty("author", out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/authors/crm-42/points")).GetProperty("balance").GetInt32());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the outbox was not delivered in time");
            await Task.Delay(100);
        }
    }
}
