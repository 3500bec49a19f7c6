using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Pipeline;
using Listening.Tests.Pipeline;

namespace Listening.Tests.Responses;

public class ResponsesCrashTests
{
    [Fact]
    public async Task Kill_9_while_answering_then_restart_gives_each_author_one_award_and_one_delivered_thank_you()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), $"listening-responses-crash-{Guid.NewGuid():N}");
        var environment = new Dictionary<string, string>
        {
            ["Listening__Queue__Sqlite__LockDuration"] = "00:00:01",
            ["Responses__Delivery__Webhooks__reply__Url"] = $"{receiver.Url}/reply",
            ["Responses__Delivery__Webhooks__reply__Secret"] = WebhookReceiver.Secret,
            ["Loyalty__MaxPointsPerDay"] = "1000",
            ["Loyalty__MaxPointsPerMonth"] = "10000",
        };
        const int count = 120;
        var items = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["kind"] = "review", ["source"] = "site", ["externalId"] = $"kill-{i}", ["brand"] = "Blinnaya",
            ["text"] = $"Отзыв {i}: блины вкусные, доставка приехала вовремя",
            ["author"] = new JsonObject { ["id"] = $"author-{i}", ["name"] = $"Автор {i}", ["handle"] = $"@author_{i}" },
        }).ToArray());
        try
        {
            // First life: neither the outbox timer nor the immediate pump runs, so whatever was decided is still unsent
            // when the process dies.
            using (var first = await ServeProcess.StartAsync(dataDir, new Dictionary<string, string>(environment)
            {
                ["ResponsesDeliverySchedule"] = "0 0 0 1 1 *", ["Responses__Delivery__Immediate"] = "false",
            }))
            {
                Assert.Equal(HttpStatusCode.Accepted, (await first.Client.PostAsync(items)).StatusCode);
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while ((await first.Client.GetFromJsonAsync<StatusReport>("/api/status"))!.Items.ByStage["responded"] < count / 3)
                {
                    Assert.True(DateTime.UtcNow < deadline, "nothing was answered");
                    await Task.Delay(10);
                }
                first.Kill();
            }
            Assert.Empty(receiver.Requests);

            using var second = await ServeProcess.StartAsync(dataDir, new Dictionary<string, string>(environment) { ["ResponsesDeliverySchedule"] = "*/1 * * * * *" });
            var until = DateTime.UtcNow.AddSeconds(90);
            while (receiver.Delivered.Count < count)
            {
                Assert.True(DateTime.UtcNow < until, $"only {receiver.Delivered.Count} of {count} thank-yous delivered");
                await Task.Delay(200);
            }
            await Task.Delay(2500); // a few more delivery runs: nothing may be sent twice

            Assert.Equal(count, receiver.Requests.Count);
            Assert.Equal(count, receiver.Delivered.Select(r => r.Id).Distinct().Count());
            for (var i = 0; i < count; i++)
            {
                var points = await second.Client.GetFromJsonAsync<JsonElement>($"/api/authors/author-{i}/points");
                Assert.Equal(50, points.GetProperty("balance").GetInt32());
                Assert.Equal(1, points.GetProperty("entries").GetArrayLength());
            }
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}
