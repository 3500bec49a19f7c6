using System.Text.Json.Nodes;
using Listening.Cli;
using Listening.Ml.Prediction;

namespace Listening.Tests.Cli;

public class ScoreCommandTests
{
    // The shipped model is copied next to the executable (and so next to this test assembly).
    private static readonly Lazy<PooledSentimentScorer> Scorer = new(() => PooledSentimentScorer.Load(SentimentModel.DefaultPath()));

    [Fact]
    public void Scored_lines_keep_their_fields_and_gain_lang_label_score_and_probabilities()
    {
        var input = new StringReader("""
            {"id":"a","brand":"ozon","text":"Ужасная доставка, курьер нахамил и опоздал на три часа"}
            {"id":"b","text":"Great service, thank you so much!"}
            """);
        var output = new StringWriter();
        var code = ScoreCommand.Score(input, output, new StringWriter(), Scorer.Value, "in.jsonl");

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal("a", (string)lines[0]["id"]!);
        Assert.Equal("ozon", (string)lines[0]["brand"]!);
        Assert.Equal("ru", (string)lines[0]["lang"]!);
        Assert.Equal("negative", (string)lines[0]["label"]!);
        Assert.Equal("en", (string)lines[1]["lang"]!);
        Assert.Equal("positive", (string)lines[1]["label"]!);
        var p = lines[1]["probabilities"]!;
        Assert.InRange((double)p["negative"]! + (double)p["neutral"]! + (double)p["positive"]!, 0.99, 1.01);
        Assert.InRange((double)lines[1]["score"]!, 0.0, 1.0);
    }

    [Fact]
    public void Bad_lines_are_reported_by_number_and_the_rest_still_scored_with_a_nonzero_exit_code()
    {
        var input = new StringReader("""
            {"id":"1","text":"fine"}
            {not json
            {"id":"3"}
            {"id":"4","text":"   "}
            ["an array"]
            {"id":"6","text":"Отлично!"}
            """);
        var output = new StringWriter();
        var errors = new StringWriter();
        var code = ScoreCommand.Score(input, output, errors, Scorer.Value, "in.jsonl");

        Assert.NotEqual(0, code);
        Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        foreach (var line in new[] { 2, 3, 4, 5 }) Assert.Contains($"in.jsonl:{line}:", errors.ToString());
        Assert.DoesNotContain("in.jsonl:1:", errors.ToString());
        Assert.DoesNotContain("in.jsonl:6:", errors.ToString());
    }
}
