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

    [Theory]
    [MemberData(nameof(Records))]
    public void A_document_read_from_its_utf8_bytes_is_the_record_its_json_tree_gives(string kind)
    {
        var written = FeedbackDocument.Serialize(RecordOf(kind));
        using var tree = System.Text.Json.JsonDocument.Parse(written);
        var fromBytes = FeedbackDocument.Parse(System.Text.Encoding.UTF8.GetBytes(written));
        Assert.Equal(FeedbackDocument.Serialize(FeedbackDocument.Parse(tree.RootElement)), FeedbackDocument.Serialize(fromBytes));
        Assert.Equal(written, FeedbackDocument.Serialize(fromBytes));
    }

    [Fact]
    public void Only_the_documents_own_top_level_stage_updated_at_and_error_count_as_its_fields()
    {
        // A nested object with the same names (an unknown field) is skipped; a repeated field counts once, the last one;
        // a field that is not a string reads as absent — as the JSON tree reads them.
        var json = """
            {"id":"site:r-1","kind":"review","source":"site","brand":"Lavka","text":"fine","createdAt":"2026-11-20T10:00:00+03:00",
             "extra":{"stage":"responded","updatedAt":"2020-01-01T00:00:00+00:00","error":"nested"},"list":[{"stage":"x"}],
             "stage":"ingested","stage":"scored","updatedAt":"2026-11-20T07:00:03+00:00","error":5}
            """;
        using var tree = System.Text.Json.JsonDocument.Parse(json);
        var expected = FeedbackDocument.Parse(tree.RootElement);
        var read = FeedbackDocument.Parse(System.Text.Encoding.UTF8.GetBytes(json));
        Assert.Equal(FeedbackStage.Scored, read.Stage);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 7, 0, 3, TimeSpan.Zero), read.UpdatedAt);
        Assert.Null(read.Error);
        Assert.Equal((expected.Stage, expected.UpdatedAt, expected.Error), (read.Stage, read.UpdatedAt, read.Error));
        Assert.Equal(FeedbackDocument.Serialize(expected), FeedbackDocument.Serialize(read));
    }

    [Fact]
    public void Documents_written_one_after_another_on_one_thread_do_not_share_text()
    {
        // The writer keeps its buffers per thread: a longer document followed by a shorter one must not keep the tail.
        var scored = FeedbackDocument.Serialize(RecordOf("scored"));
        var failed = FeedbackDocument.Serialize(RecordOf("failed"));
        Assert.Equal(FeedbackDocument.ToJson(RecordOf("failed")).ToJsonString(FeedbackItemDto.JsonOptions), failed);
        Assert.Equal(FeedbackDocument.ToJson(RecordOf("scored")).ToJsonString(FeedbackItemDto.JsonOptions), scored);
    }
}
