using System.Text.Json.Nodes;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Pipeline;

namespace Listening.Tests.Pipeline;

public sealed class FeedbackDocumentTests
{
    private static readonly FeedbackItem Item = new("site:r-1", FeedbackKind.Review, "site", "Lavka",
        "Доставка опоздала на час, но продукты свежие. \"Quoted\" <b> & 😀", new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(3)),
        Rating: 4, Author: new Author("a-1", "Ольга", "@olga", "olga@example.com"), ExternalId: "r-1", Url: "https://example.com/r?x=1&y=2",
        ReceivedAt: new DateTimeOffset(2026, 11, 20, 7, 0, 1, TimeSpan.Zero));

    private static readonly FeedbackScores Scores = new("ru", SentimentScore.FromProbabilities(0.45f, 0.1f, 0.45f),
        [new FactorMention("delivery", SentimentLabel.Negative, -0.8f, 0, 24), new FactorMention("quality", SentimentLabel.Positive, 0.7f, 29, 15)],
        Mixed: true, Clauses: [new ClausePolarity(0, 24, SentimentLabel.Negative, -0.8f), new ClausePolarity(29, 15, SentimentLabel.Positive, 0.7f)]);

    public static TheoryData<string> Records => ["ingested", "scored", "failed"];

    private static FeedbackRecord RecordOf(string kind) => kind switch
    {
        "ingested" => new FeedbackRecord(Item, FeedbackStage.Ingested, null, Item.ReceivedAt!.Value),
        "scored" => new FeedbackRecord(Item, FeedbackStage.Scored, Scores, Item.ReceivedAt!.Value.AddSeconds(2)),
        _ => new FeedbackRecord(Item with { Author = null, Rating = null, Url = null }, FeedbackStage.DeadLettered, null,
            Item.ReceivedAt!.Value.AddMinutes(5), "the scorer failed: \"x\""),
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void The_written_document_is_the_same_json_as_the_node_tree(string kind)
    {
        var record = RecordOf(kind);
        var written = FeedbackDocument.Serialize(record);
        Assert.True(JsonNode.DeepEquals(FeedbackDocument.ToJson(record), JsonNode.Parse(written)), written);
        Assert.Equal(FeedbackDocument.ToJson(record).ToJsonString(FeedbackItemDto.JsonOptions), written);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void A_written_document_reads_back_as_the_same_record(string kind)
    {
        var record = RecordOf(kind);
        var read = FeedbackDocument.Parse(FeedbackDocument.Serialize(record));
        Assert.Equal(record.Stage, read.Stage);
        Assert.Equal(record.UpdatedAt, read.UpdatedAt);
        Assert.Equal(record.Error, read.Error);
        Assert.Equal(record.Item.Text, read.Item.Text);
        Assert.Equal(record.Item.Author, read.Item.Author);
        Assert.Equal(FeedbackDocument.Serialize(record), FeedbackDocument.Serialize(read));
    }
}
