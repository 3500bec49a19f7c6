using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Tests.Pipeline;

namespace Listening.Tests.Handler;

/// <summary>The handler as the Azure Functions host calls it: POST /{FunctionName} with Data/Metadata, answered with
/// Outputs/Logs/ReturnValue, over real HTTP to the app.</summary>
[Collection(PipelineCollection.Name)]
public class InvocationContractTests(SharedPipeline factory)
{
    private readonly HttpClient client = factory.CreateClient();

    private async Task<(HttpStatusCode Status, JsonElement Body)> InvokeAsync(string function, JsonObject payload)
    {
        var response = await client.PostAsync("/" + function, new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static JsonObject Message(JsonNode data, int deliveryCount = 1) => new()
    {
        ["Data"] = new JsonObject { ["message"] = data },
        ["Metadata"] = new JsonObject { ["DeliveryCount"] = deliveryCount, ["MessageId"] = "m-1", ["sys"] = new JsonObject { ["MethodName"] = "ScoreFeedback" } },
    };

    private static JsonObject IngestedDocument(string externalId) => new()
    {
        ["id"] = Core.Feedback.FeedbackIds.Derive("test", externalId, "Blinnaya", ""),
        ["kind"] = "review", ["source"] = "test", ["externalId"] = externalId, ["brand"] = "Blinnaya",
        ["text"] = "The waiter was rude but the pancakes were great", ["createdAt"] = "2026-11-20T10:00:00Z", ["stage"] = "ingested",
    };

    [Fact]
    public async Task ScoreFeedback_accepts_the_queue_message_as_a_json_encoded_string()
    {
        var document = IngestedDocument($"contract-{Guid.NewGuid():N}");
        var (status, body) = await InvokeAsync("ScoreFeedback", Message(JsonValue.Create(document.ToJsonString())!));

        Assert.Equal(HttpStatusCode.OK, status);
        var outputs = body.GetProperty("Outputs");
        Assert.Equal("scored", outputs.GetProperty("document").GetProperty("stage").GetString());
        Assert.Equal(document["id"]!.GetValue<string>(), outputs.GetProperty("scored").GetProperty("id").GetString());
        Assert.Contains(outputs.GetProperty("document").GetProperty("factors").EnumerateArray(), f => f.GetProperty("factor").GetString() == "staff");
        Assert.True(body.TryGetProperty("Logs", out _));
        Assert.True(body.TryGetProperty("ReturnValue", out _));
    }

    [Fact]
    public async Task ScoreFeedback_accepts_the_queue_message_as_an_object()
    {
        var (status, body) = await InvokeAsync("ScoreFeedback", Message(IngestedDocument($"contract-{Guid.NewGuid():N}")));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("scored", body.GetProperty("Outputs").GetProperty("document").GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Redelivered_message_of_an_answered_item_produces_no_downstream_message()
    {
        var id = Assert.Single(await (await client.PostAsync(Feedback.Item("redelivery test, good", $"redeliver-{Guid.NewGuid():N}"))).IdsAsync());
        await factory.WaitForDrainAsync(client);
        var stored = await client.GetItemAsync(id);
        var redelivery = JsonNode.Parse(stored.GetRawText())!.AsObject();
        redelivery["stage"] = "ingested";

        var (score, scoreBody) = await InvokeAsync("ScoreFeedback", Message(redelivery, deliveryCount: 2));
        var (respond, respondBody) = await InvokeAsync("RespondToAuthor", Message(JsonNode.Parse(stored.GetRawText())!, deliveryCount: 2));

        Assert.Equal(HttpStatusCode.OK, score);
        Assert.Empty(scoreBody.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(HttpStatusCode.OK, respond);
        Assert.Empty(respondBody.GetProperty("Outputs").EnumerateObject());
    }

    [Fact]
    public async Task IngestFeedback_answers_the_http_output_and_the_queue_output_from_the_request_data()
    {
        var externalId = $"contract-{Guid.NewGuid():N}";
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject
            {
                ["req"] = new JsonObject
                {
                    ["Url"] = "https://listening.azurewebsites.net/api/feedback", ["Method"] = "POST", ["Query"] = new JsonObject(),
                    ["Headers"] = new JsonObject { ["Content-Type"] = new JsonArray("application/json; charset=utf-8") },
                    ["Params"] = new JsonObject(),
                    ["Body"] = Feedback.Item("Contract check: tasty", externalId).ToJsonString(),
                },
            },
            ["Metadata"] = new JsonObject(),
        };
        var (status, body) = await InvokeAsync("IngestFeedback", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        var res = body.GetProperty("Outputs").GetProperty("res");
        Assert.Equal(202, res.GetProperty("statusCode").GetInt32());
        var id = JsonDocument.Parse(res.GetProperty("body").GetString()!).RootElement.GetProperty("ids")[0].GetString();
        var message = Assert.Single(body.GetProperty("Outputs").GetProperty("ingested").EnumerateArray());
        Assert.Equal(id, message.GetProperty("id").GetString());
        Assert.Equal("ingested", message.GetProperty("stage").GetString());

        // Called directly, nothing sent the output message (as if the host died before sending it and the client
        // got no 202): the client's retry finds the item still at ingest and queues it again.
        var retry = await client.PostAsync(Feedback.Item("Contract check: tasty", externalId));
        Assert.Equal(id, Assert.Single(await retry.IdsAsync()));
        await factory.WaitForDrainAsync(client);
        Assert.Equal("responded", (await client.GetItemAsync(id!)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Failing_invocation_answers_non_2xx_with_the_error_in_Logs()
    {
        var (status, body) = await InvokeAsync("ScoreFeedback", Message(JsonValue.Create("{\"not\": \"a feedback document\"")!));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.NotEmpty(body.GetProperty("Logs").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_function_is_not_found()
    {
        var response = await client.PostAsync("/NoSuchFunction", new StringContent("{\"Data\":{}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
