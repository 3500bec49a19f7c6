using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Listening.Core.Factors;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;
using Listening.Core.Text;
using Listening.Ml.Prediction;

namespace Listening.Cli;

/// <summary>
/// `listening score [FILE]` or `listening score --text "…" [--text "…"]`: JSON Lines in (file or stdin; a text given with
/// --text is the line {"id":"text-N","text":…}), the same lines out with lang, label,
/// score, class probabilities (calibrated as the line's "kind" — mention, review, survey — when it has one), whether the text is mixed and its clause polarities (when it has more
/// than one clause). A line with the author's own "rating" (1–5 stars) or "nps" (0–10) is scored as the pipeline scores
/// the item: label, score and probabilities weigh that score with the text (<see cref="AuthorVerdict"/>), and "textOnly" keeps what the text alone said wherever the two differ; an unrated line is
/// the text's own reading. The factor mentions the pipeline finds are printed as "factors". Text is written as UTF-8 characters (emoji included), not \u escapes. A bad line is
/// reported on stderr with its line number and skipped; the exit code is then 1, after every other
/// line has been scored.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "JSON Lines file of {\"id\", \"text\", …} objects; stdin when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var texts = new Option<string[]>("--text")
        {
            Description = "Score this text itself instead of a file (repeatable): the line {\"id\":\"text-N\",\"text\":…}.",
            AllowMultipleArgumentsPerToken = false,
        };
        var model = DataOptions.Model();
        var command = new Command("score", "Score the sentiment and language of JSON Lines feedback, or of texts given with --text.") { file, texts, model };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            var given = parse.GetValue(texts) ?? [];
            if (given.Length > 0 && path is not null)
            {
                Console.Error.WriteLine("score: give either a file or --text, not both");
                return 2;
            }
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
                // A new user's first try is often `score "some text"`: say how to do that.
                Console.Error.WriteLine($"score: file not found: {path.FullName} (to score a text itself: score --text \"…\")");
                return 2;
            }
            if (given.Length > 0) return Score(new StringReader(TextLines(given)), Console.Out, Console.Error, scorer, "--text");
            using var input = path is null ? Console.In : new StreamReader(path.FullName);
            return Score(input, Console.Out, Console.Error, scorer, path?.Name ?? "stdin");
        });
        return command;
    }

    /// <summary>Texts given on the command line as the JSON Lines the scorer reads, numbered from 1 in the order given.</summary>
    internal static string TextLines(IReadOnlyList<string> texts)
    {
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < texts.Count; i++)
            lines.AppendLine(new JsonObject { ["id"] = $"text-{i + 1}", ["text"] = texts[i] }.ToJsonString());
        return lines.ToString();
    }

    internal static int Score(TextReader input, TextWriter output, TextWriter errors, PooledSentimentScorer scorer, string inputName)
    {
        var failed = 0;
        var lineNumber = 0;
        // The default taxonomy with the same model on its clauses, as FeedbackScorers builds it for the pipeline.
        var reader = new FeedbackScorer(scorer, FactorTaxonomy.Default);
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
            if (!TryScore(item, "rating", 1, 5, out var rating, out var problem) || !TryScore(item, "nps", 0, 10, out var nps, out problem))
            {
                errors.WriteLine($"{inputName}:{lineNumber}: {problem}");
                failed++;
                continue;
            }
            // An item kind given on the line ("mention", "review", "survey") picks the neutral calibration; else the text decides.
            var kind = item["kind"] is JsonValue kindValue && kindValue.TryGetValue<string>(out var named) ? FeedbackTextKind.For(named, text) : null;
            // Read as the pipeline reads an item: the author's own stars or NPS answer are weighed with the text (AuthorVerdict).
            // A channel given on the line ("app", "reviews", …) is read as the pipeline reads an item's.
            var channel = item["channel"] is JsonValue channelValue && channelValue.TryGetValue<string>(out var through) ? through : null;
            var (read, mentions, sentiment) = reader.Read(text, kind, rating, nps, brand: "", channel);
            var mixed = MixedSentiment.Analyze(scorer, text, mentions);
            item["lang"] = LanguageDetector.Detect(text);
            item["label"] = sentiment.Label.ToString().ToLowerInvariant();
            item["score"] = Math.Round(sentiment.Score, 4);
            item["probabilities"] = Probabilities(sentiment);
            if (sentiment != read)
                item["textOnly"] = new JsonObject
                {
                    ["label"] = read.Label.ToString().ToLowerInvariant(),
                    ["score"] = Math.Round(read.Score, 4),
                    ["probabilities"] = Probabilities(read),
                };
            if (mentions.Count > 0)
            {
                var factors = new JsonArray();
                foreach (var m in mentions)
                    factors.Add(new JsonObject
                    {
                        ["factor"] = m.Factor,
                        ["label"] = m.Label.ToString().ToLowerInvariant(),
                        ["score"] = Math.Round(m.Score, 4),
                        ["clause"] = text.Substring(m.Start, m.Length),
                    });
                item["factors"] = factors;
            }
            item["mixed"] = mixed.Mixed;
            if (mixed.Clauses.Count > 0)
            {
                var clauses = new JsonArray();
                foreach (var c in mixed.Clauses)
                    clauses.Add(new JsonObject
                    {
                        ["text"] = text.Substring(c.Start, c.Length),
                        ["start"] = c.Start,
                        ["length"] = c.Length,
                        ["label"] = c.Label.ToString().ToLowerInvariant(),
                        ["score"] = Math.Round(c.Score, 4),
                    });
                item["clauses"] = clauses;
            }
            output.WriteLine(Utf8Json.Unescape(item.ToJsonString(FeedbackItemDto.JsonOptions)));
        }
        if (failed > 0) errors.WriteLine($"score: {failed} bad line(s) skipped");
        return failed > 0 ? 1 : 0;
    }

    /// <summary>
    /// System.Text.Json escapes characters outside the Basic Multilingual Plane (emoji) as \uD83D\uDE0A
    /// pairs whatever the encoder; this turns such escaped surrogate pairs back into the characters.
    /// Escaped backslashes are left alone, so the JSON stays valid and equal in meaning.
    /// </summary>
    internal static class Utf8Json
    {
        public static string Unescape(string json)
        {
            if (!json.Contains("\\u", StringComparison.Ordinal)) return json;
            var sb = new System.Text.StringBuilder(json.Length);
            for (var i = 0; i < json.Length; i++)
            {
                var c = json[i];
                if (c != '\\' || i + 1 >= json.Length) { sb.Append(c); continue; }
                if (json[i + 1] == 'u' && i + 11 < json.Length && json[i + 6] == '\\' && json[i + 7] == 'u'
                    && TryHex(json.AsSpan(i + 2, 4), out var high) && TryHex(json.AsSpan(i + 8, 4), out var low)
                    && char.IsHighSurrogate(high) && char.IsLowSurrogate(low))
                {
                    sb.Append(high).Append(low);
                    i += 11;
                    continue;
                }
                // Any other escape (including an escaped backslash) is copied as it is.
                sb.Append(c).Append(json[i + 1]);
                i++;
            }
            return sb.ToString();
        }

        private static bool TryHex(ReadOnlySpan<char> hex, out char value)
        {
            var ok = ushort.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var n);
            value = (char)n;
            return ok;
        }
    }

    private static JsonObject Probabilities(SentimentScore s) => new()
    {
        ["negative"] = Math.Round(s.Negative, 4),
        ["neutral"] = Math.Round(s.Neutral, 4),
        ["positive"] = Math.Round(s.Positive, 4),
    };

    /// <summary>An optional whole-number field in range: absent or null is fine, anything else is the line's error.</summary>
    private static bool TryScore(JsonObject item, string field, int min, int max, out int? value, out string problem)
    {
        value = null;
        problem = "";
        if (item[field] is null) return true;
        if (item[field] is JsonValue v && v.TryGetValue<int>(out var n) && n >= min && n <= max)
        {
            value = n;
            return true;
        }
        problem = $"\"{field}\" must be a whole number from {min} to {max}";
        return false;
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
