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
    public void Texts_given_with_the_text_option_are_scored_as_lines_numbered_in_the_order_given()
    {
        var input = new StringReader(ScoreCommand.TextLines(["Ужасная доставка, курьер нахамил и опоздал на три часа", "Great service, \"thank you\" so much!"]));
        var output = new StringWriter();
        var code = ScoreCommand.Score(input, output, new StringWriter(), Scorer.Value, "--text");

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(["text-1", "text-2"], lines.Select(l => (string)l["id"]!));
        Assert.Equal("negative", (string)lines[0]["label"]!);
        Assert.Equal("Great service, \"thank you\" so much!", (string)lines[1]["text"]!);
        Assert.Equal("positive", (string)lines[1]["label"]!);
    }

    [Fact]
    public async Task A_text_that_starts_with_a_handle_is_scored_not_read_as_a_response_file()
    {
        var (code, output, error) = await ListeningProcess.RunAsync(null, "score", "--text", "@lavka where is my order? Two hours late again");

        Assert.True(code == 0, error);
        var line = JsonNode.Parse(output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single())!;
        Assert.Equal("text-1", (string)line["id"]!);
        Assert.Equal("negative", (string)line["label"]!);
    }

    [Fact]
    public async Task The_built_cli_scores_each_text_option_and_refuses_a_file_and_texts_together()
    {
        // Through the real parser and process: the option's wiring, not only the lines it builds.
        var (code, output, _) = await ListeningProcess.RunAsync(null, "score", "--text", "Ужасная доставка, курьер нахамил", "--text", "Great service, thank you!");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.Equal(["text-1", "text-2"], lines.Select(l => (string)l["id"]!));
        Assert.Equal(["negative", "positive"], lines.Select(l => (string)l["label"]!));

        var file = Path.Combine(Path.GetTempPath(), $"score-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, "{\"id\":\"a\",\"text\":\"ok\"}\n");
        try
        {
            var (both, bothOut, bothErr) = await ListeningProcess.RunAsync(null, "score", file, "--text", "ok");
            Assert.Equal(2, both);
            Assert.Equal("", bothOut);
            Assert.Contains("either a file or --text", bothErr);
        }
        finally { File.Delete(file); }

        var (missing, _, missingErr) = await ListeningProcess.RunAsync(null, "score", "no-such-file.jsonl");
        Assert.Equal(2, missing);
        Assert.Contains("score --text", missingErr);
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

    [Fact]
    public void Output_is_utf8_text_and_marks_mixed_feedback_with_its_clause_polarities()
    {
        var input = new StringReader("""
            {"id":"m","text":"Продукты свежие и вкусные, но доставка опять опоздала на час. 😊"}
            {"id":"p","text":"Всё отлично 👍"}
            """);
        var output = new StringWriter();
        Assert.Equal(0, ScoreCommand.Score(input, output, new StringWriter(), Scorer.Value, "in.jsonl"));

        var text = output.ToString();
        Assert.Contains("😊", text);       // the emoji itself, not \uD83D\uDE0A
        Assert.Contains("Продукты", text); // Cyrillic as letters
        Assert.DoesNotContain("\\u", text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        Assert.True((bool)lines[0]["mixed"]!);
        var clauses = lines[0]["clauses"]!.AsArray();
        Assert.Equal("positive", (string)clauses[0]!["label"]!);
        Assert.Equal("Продукты свежие и вкусные", (string)clauses[0]!["text"]!);
        Assert.Equal("negative", (string)clauses[1]!["label"]!);
        Assert.False((bool)lines[1]["mixed"]!);
        Assert.Equal("Всё отлично 👍", (string)lines[1]["text"]!);
    }

    [Fact]
    public void A_line_with_the_authors_rating_or_nps_is_scored_as_the_pipeline_scores_it_and_keeps_the_texts_own_reading()
    {
        var input = new StringReader("""
            {"id":"r","text":"Slick app. Reordering last week's basket takes ten seconds.","rating":5}
            {"id":"n","text":"Доставка приехала, всё как обычно.","nps":2}
            {"id":"plain","text":"Slick app. Reordering last week's basket takes ten seconds."}
            """);
        var output = new StringWriter();
        Assert.Equal(0, ScoreCommand.Score(input, output, new StringWriter(), Scorer.Value, "in.jsonl"));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        foreach (var (line, rating, nps, favoured) in new[] { (lines[0], (int?)5, (int?)null, "positive"), (lines[1], null, 2, "negative") })
        {
            var textOnly = line["textOnly"]!;
            var read = Listening.Core.Sentiment.SentimentScore.FromProbabilities((float)(double)textOnly["probabilities"]!["negative"]!,
                (float)(double)textOnly["probabilities"]!["neutral"]!, (float)(double)textOnly["probabilities"]!["positive"]!);
            var expected = Listening.Core.Sentiment.AuthorVerdict.Combine(read, rating, nps);
            Assert.Equal(expected.Label.ToString().ToLowerInvariant(), (string)line["label"]!);
            Assert.Equal(expected.Positive, (double)line["probabilities"]!["positive"]!, 0.001);
            Assert.True((double)line["probabilities"]![favoured]! >= (double)textOnly["probabilities"]![favoured]!);
        }
        // Unrated, the same text is what the text alone says.
        Assert.Null(lines[2]["textOnly"]);
        Assert.Equal((string)lines[0]["textOnly"]!["label"]!, (string)lines[2]["label"]!);
    }

    [Fact]
    public void An_unrated_line_prints_the_factors_the_pipeline_finds_and_keeps_the_texts_own_reading()
    {
        var input = new StringReader("""
            {"id":"c","text":"Курьер не опоздал, всё привёз целым."}
            {"id":"q","text":"Подскажите, как изменить адрес доставки?"}
            """);
        var output = new StringWriter();
        Assert.Equal(0, ScoreCommand.Score(input, output, new StringWriter(), Scorer.Value, "in.jsonl"));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToArray();
        var factors = lines[0]["factors"]!.AsArray();
        Assert.Contains(factors, f => (string)f!["factor"]! == "delivery");
        Assert.All(factors, f => Assert.Equal("positive", (string)f!["label"]!));
        // The document is the text's own reading, as the pipeline's is for an unrated item.
        Assert.Null(lines[0]["textOnly"]);
        // A question asking for help judges nothing: no factors.
        Assert.Null(lines[1]["factors"]);
        Assert.Null(lines[1]["textOnly"]);
    }

    [Fact]
    public void A_rating_or_nps_out_of_range_or_not_a_whole_number_is_reported_by_line_and_skipped()
    {
        var input = new StringReader("""
            {"id":"1","text":"fine","rating":6}
            {"id":"2","text":"fine","rating":"5"}
            {"id":"3","text":"fine","nps":11}
            {"id":"4","text":"fine","rating":4.5}
            {"id":"5","text":"fine","rating":null,"nps":10}
            """);
        var output = new StringWriter();
        var errors = new StringWriter();

        Assert.Equal(1, ScoreCommand.Score(input, output, errors, Scorer.Value, "in.jsonl"));

        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("in.jsonl:1: \"rating\" must be a whole number from 1 to 5", errors.ToString());
        Assert.Contains("in.jsonl:2: \"rating\"", errors.ToString());
        Assert.Contains("in.jsonl:3: \"nps\" must be a whole number from 0 to 10", errors.ToString());
        Assert.Contains("in.jsonl:4: \"rating\"", errors.ToString());
        Assert.DoesNotContain("in.jsonl:5:", errors.ToString());
    }

    [Theory]
    [InlineData("{\"t\":\"\\uD83D\\uDE0A\"}", "{\"t\":\"😊\"}")]
    [InlineData("{\"t\":\"a\\\\uD83D\"}", "{\"t\":\"a\\\\uD83D\"}")] // an escaped backslash followed by text stays as it is
    [InlineData("{\"t\":\"\\u0022\"}", "{\"t\":\"\\u0022\"}")]
    public void Escaped_surrogate_pairs_become_characters_and_other_escapes_stay(string json, string expected) =>
        Assert.Equal(expected, ScoreCommand.Utf8Json.Unescape(json));
}
