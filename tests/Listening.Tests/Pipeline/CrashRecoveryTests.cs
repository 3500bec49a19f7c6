using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Pipeline;

namespace Listening.Tests.Pipeline;

public class CrashRecoveryTests
{
    [Fact]
    public async Task Kill_9_in_the_middle_of_a_batch_then_restart_loses_no_accepted_item_and_scores_each_once()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), $"listening-crash-{Guid.NewGuid():N}");
        // Short locks so the messages held at the kill come back quickly after the restart.
        // Items stored but never answered 202 (killed between the store write and the queue commit) are re-sent by
        // RequeueStalledFeedback; here every second for items a second old.
        var environment = new Dictionary<string, string>
        {
            ["Listening__Queue__Sqlite__LockDuration"] = "00:00:01",
            ["StalledFeedbackSchedule"] = "*/1 * * * * *",
            ["Listening__Pipeline__StalledAfter"] = "00:00:01",
        };
        var accepted = new ConcurrentDictionary<string, byte>();
        var posted = new ConcurrentDictionary<string, byte>();
        try
        {
            using (var first = await ServeProcess.StartAsync(dataDir, environment))
            {
                using var stop = new CancellationTokenSource();
                var workers = Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
                {
                    for (var batch = 0; !stop.IsCancellationRequested; batch++)
                    {
                        var items = new JsonArray(Enumerable.Range(0, 25)
                            .Select(i => (JsonNode)Feedback.Item($"Crash test {w}/{batch}/{i}: tasty but slow delivery", $"crash-{w}-{batch}-{i}")).ToArray());
                        HttpResponseMessage response;
                        try { response = await first.Client.PostAsync(items); }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return; }
                        if (response.StatusCode != HttpStatusCode.Accepted) return;
                        foreach (var id in await response.IdsAsync()) accepted[id] = 0;
                    }
                })).ToList();
                while (accepted.Count < 1500) await Task.Delay(20);
                first.Kill();
                stop.Cancel();
                await Task.WhenAll(workers);
            }

            using var second = await ServeProcess.StartAsync(dataDir, environment);
            StatusReport status;
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!(status = (await second.Client.GetFromJsonAsync<StatusReport>("/api/status"))!).Drained)
            {
                Assert.True(DateTime.UtcNow < deadline, $"did not drain after restart: {JsonSerializer.Serialize(status)}");
                await Task.Delay(200);
            }

            Assert.True(accepted.Count >= 1500);
            Assert.Equal(0, status.DeadLetters);
            // Every item is one document: at least the accepted ones (an item can be stored without its 202 if the
            // kill came between the write and the answer), none lost, all answered.
            Assert.True(status.Items.Total >= accepted.Count, $"{status.Items.Total} stored < {accepted.Count} accepted");
            Assert.Equal(status.Items.Total, status.Items.ByStage["responded"]);
            var missing = new List<string>();
            foreach (var id in accepted.Keys)
            {
                var item = await second.Client.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}");
                if (item.GetProperty("stage").GetString() != "responded" || !item.TryGetProperty("sentiment", out _)) missing.Add(id);
            }
            Assert.Empty(missing);
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}
