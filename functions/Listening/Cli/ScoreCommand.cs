using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Feedback;
using Listening.Core.Text;
using Listening.Ml.Prediction;

namespace Listening.Cli;

/// <summary>
/// `listening score [FILE]`: JSON Lines in (file or stdin), the same lines out with lang, label,
/// score and class probabilities. A bad line is reported on stderr with its line number and
/// skipped; the exit code is then 1, after every other line has been scored.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "JSON Lines file of {\"id\", \"text\", …} objects; stdin when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var model = DataOptions.Model();
        var command = new Command("score", "Score the sentiment and language of JSON Lines feedback.") { file, model };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            PooledSentimentScorer scorer;
            try
            {
                scorer = PooledSentimentScorer.Load(parse.GetValue(model)!.FullName);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                Console.Error.WriteLine($"score: {e.Message}");
                return 2;
            }
            if (path is { Exists: false })
            {
                Console.Error.WriteLine($"score: file not found: {path.FullName}");
                return 2;
            }
            using var input = path is null ? Console.In : new StreamReader(path.FullName);
            return Score(input, Console.Out, Console.Error, scorer, path?.Name ?? "stdin");
        });
        return command;
    }

    internal static int Score(TextReader input, TextWriter output, TextWriter errors, PooledSentimentScorer scorer, string inputName)
    {
        var failed = 0;
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (Parse(line) is not { } item || item["text"] is not JsonValue textValue
                || !textValue.TryGetValue<string>(out var text) || string.IsNullOrWhiteSpace(text))
            {
                errors.WriteLine($"{inputName}:{lineNumber}: expected a JSON object with a non-empty string \"text\"");
                failed++;
                continue;
            }
            var sentiment = scorer.Score(text);
            item["lang"] = LanguageDetector.Detect(text);
            item["label"] = sentiment.Label.ToString().ToLowerInvariant();
            item["score"] = Math.Round(sentiment.Score, 4);
            item["probabilities"] = new JsonObject
            {
                ["negative"] = Math.Round(sentiment.Negative, 4),
                ["neutral"] = Math.Round(sentiment.Neutral, 4),
                ["positive"] = Math.Round(sentiment.Positive, 4),
            };
            output.WriteLine(item.ToJsonString(FeedbackItemDto.JsonOptions));
        }
        if (failed > 0) errors.WriteLine($"score: {failed} bad line(s) skipped");
        return failed > 0 ? 1 : 0;
    }

    private static JsonObject? Parse(string line)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
