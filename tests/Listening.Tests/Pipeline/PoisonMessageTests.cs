using System.Net;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Tests.Pipeline;

public class PoisonMessageTests
{
    /// <summary>A scorer that fails every time on one text: a real stage failure (an exception in ScoreFeedback), which
    /// the only stand-in here is for — the queue, retries and dead-lettering are the real ones.</summary>
    private sealed class FailingOnPoison : IFeedbackScorer
    {
        public int Attempts;

        public FeedbackScores Score(FeedbackItem item)
        {
            if (item.Text.Contains("POISON", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref Attempts);
                throw new InvalidOperationException("scorer cannot read this text");
            }
            return new FeedbackScores("en", SentimentScore.FromProbabilities(0.1f, 0.8f, 0.1f), []);
        }
    }

    [Fact]
    public async Task Message_failing_every_time_is_dead_lettered_with_its_error_after_max_deliveries_while_others_flow()
    {
        var scorer = new FailingOnPoison();
        await using var factory = new PipelineFactory(
            new Dictionary<string, string?> { ["Listening:Queue:Sqlite:MaxDeliveryCount"] = "3" },
            services => services.AddSingleton<IFeedbackScorer>(scorer));
        var client = factory.CreateClient();

        var batch = new JsonArray(Feedback.Item("POISON pill"), Feedback.Item("good one"), Feedback.Item("bad one"), Feedback.Item("fine one"));
        var response = await client.PostAsync(batch);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var ids = await response.IdsAsync();
        var status = await factory.WaitForDrainAsync(client);

        var poison = await client.GetItemAsync(ids[0]);
        Assert.Equal("dead-lettered", poison.GetProperty("stage").GetString());
        var error = poison.GetProperty("error").GetString()!;
        Assert.StartsWith("MaxDeliveryCountExceeded", error);
        Assert.Contains("scorer cannot read this text", error);
        Assert.Equal(3, scorer.Attempts);
        foreach (var id in ids[1..])
            Assert.Equal("responded", (await client.GetItemAsync(id)).GetProperty("stage").GetString());
        Assert.Equal(1, status.DeadLetters);
        Assert.Equal(1, status.Items.ByStage["dead-lettered"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }
}
