using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Listening.Tests.Pipeline;

[Collection(PipelineCollection.Name)]
public class IngestTests(SharedPipeline factory)
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Posted_batch_is_accepted_with_ids_in_input_order_and_every_item_reaches_responded()
    {
        var items = new JsonArray(
            Feedback.Item("Great pancakes, friendly staff", "order-1"),
            Feedback.Item("Ужасно: курьер опоздал на час, блины холодные", "order-2"),
            Feedback.Item("Fine", "order-3"));
        var response = await client.PostAsync(items);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ids = await response.IdsAsync();
        Assert.Equal(3, ids.Length);
        Assert.Equal(["test-", "test-", "test-"], ids.Select(i => i[..5]));
        Assert.Equal(Security.TestIds.Item("test", "order-2", "Blinnaya", "x"), ids[1]);

        await factory.WaitForDrainAsync(client);
        var second = await client.GetItemAsync(ids[1]);
        Assert.Equal("responded", second.GetProperty("stage").GetString());
        Assert.Equal("ru", second.GetProperty("lang").GetString());
        Assert.Equal("negative", second.GetProperty("sentiment").GetProperty("label").GetString());
        Assert.Contains(second.GetProperty("factors").EnumerateArray(), f => f.GetProperty("factor").GetString() == "delivery");
    }

    [Fact]
    public async Task Single_item_post_answers_one_id_and_status_counts_it()
    {
        var response = await client.PostAsync(Feedback.Item("Nice and clean"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = Assert.Single(await response.IdsAsync());

        var status = await factory.WaitForDrainAsync(client);
        Assert.True(status.Items.Total >= 1);
        Assert.Equal(status.Items.Total, status.Items.ByStage.Values.Sum());
        Assert.Contains("feedback-ingested", status.Queues.Keys);
        Assert.Contains("feedback-scored", status.Queues.Keys);
        Assert.Equal("responded", (await client.GetItemAsync(id)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Reposting_an_item_later_keeps_one_item_at_its_stage()
    {
        var item = Feedback.Item("Repost me: good coffee", "repost-1");
        var id = Assert.Single(await (await client.PostAsync(item)).IdsAsync());
        await factory.WaitForDrainAsync(client);
        var before = (await client.GetItemAsync(id)).GetProperty("updatedAt").GetString();

        var again = await client.PostAsync(item.DeepClone());
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(id, Assert.Single(await again.IdsAsync()));
        await factory.WaitForDrainAsync(client);
        var after = await client.GetItemAsync(id);
        Assert.Equal("responded", after.GetProperty("stage").GetString());
        Assert.Equal(before, after.GetProperty("updatedAt").GetString());
    }

    [Theory]
    [InlineData("{\"brand\": \"B\", \"text\": ", "body")]
    [InlineData("{\"brand\": \"B\"}", "text")]
    [InlineData("{\"brand\": \"B\", \"text\": \"   \"}", "text")]
    [InlineData("{\"brand\": \"B\", \"text\": \"t\", \"colour\": \"red\"}", "colour")]
    [InlineData("{\"brand\": \"B\", \"text\": \"t\", \"rating\": \"five\"}", "rating")]
    [InlineData("{\"brand\": \"B\", \"text\": \"t\", \"nps\": 11}", "nps")]
    [InlineData("[{\"brand\": \"B\", \"text\": \"ok\"}, {\"brand\": \"B\"}]", "[1].text")]
    [InlineData("[]", "body")]
    [InlineData("42", "body")]
    public async Task Invalid_body_is_a_400_problem_naming_the_field(string body, string field)
    {
        var response = await client.PostAsync("/api/feedback", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_a_415_problem()
    {
        var response = await client.PostAsync("/api/feedback", new StringContent("brand=B&text=t", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Body_over_the_default_1_MB_limit_is_a_413_problem_and_the_service_stays_up()
    {
        var text = new string('a', 1024 * 1024);
        var response = await client.PostAsync("/api/feedback",
            new StringContent($"{{\"brand\":\"B\",\"text\":\"{text}\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(Feedback.Item("still up"))).StatusCode);
    }

    [Fact]
    public async Task Concurrent_posts_of_the_same_item_create_one_item_that_is_answered_once()
    {
        var item = Feedback.Item("Same review posted by an eager webhook", $"dup-{Guid.NewGuid():N}");
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => client.PostAsync(item.DeepClone())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = (await Task.WhenAll(responses.Select(r => r.IdsAsync()))).SelectMany(i => i).Distinct().ToList();
        var id = Assert.Single(ids);
        await factory.WaitForDrainAsync(client);
        Assert.Equal("responded", (await client.GetItemAsync(id)).GetProperty("stage").GetString());
        var database = factory.Services.GetRequiredService<Storage.Sqlite.SqliteDatabase>();
        var rows = await database.ReadAsync(c =>
        {
            using var command = c.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM documents WHERE container = 'feedback' AND id = $id";
            command.Parameters.AddWithValue("$id", id);
            return (long)command.ExecuteScalar()!;
        });
        Assert.Equal(1, rows);
        // One downstream message: SqliteStageCommitTests (the message carries no duplicate-detection entry to count here).
    }

    [Fact]
    public async Task Unknown_item_is_a_404_problem()
    {
        var response = await client.GetAsync("/api/feedback/no-such-id");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_answers_ready()
    {
        var health = await client.GetFromJsonAsync<JsonElement>("/api/health");
        Assert.Equal("ready", health.GetProperty("status").GetString());
    }
}
