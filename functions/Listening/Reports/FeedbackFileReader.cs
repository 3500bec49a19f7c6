using System.Text.Json;
using Listening.Core.Feedback;

namespace Listening.Reports;

/// <summary>A line of the input that cannot be used; the message names the line.</summary>
public sealed class FeedbackFileException(string message) : Exception(message);

/// <summary>
/// Streams a JSON Lines file of feedback items (the canonical <see cref="FeedbackItemDto"/> shape)
/// into a report's aggregates: validates each line, skips items the report does not need before
/// scoring them, scores only items that carry no scores, and keeps nothing per item.
/// </summary>
public static class FeedbackFileReader
{
    public static async Task<long> ReadAsync(string path, ReportInput input, Func<IFeedbackScorer?> scorer,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, true, 1 << 20);
        var lazyScorer = new Lazy<IFeedbackScorer?>(scorer);
        long lineNumber = 0, read = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            FeedbackItemDto? dto;
            try { dto = JsonSerializer.Deserialize<FeedbackItemDto>(line, FeedbackItemDto.JsonOptions); }
            catch (JsonException e) { throw new FeedbackFileException($"{path}:{lineNumber}: not a JSON feedback item ({e.Message})"); }
            if (dto is null) throw new FeedbackFileException($"{path}:{lineNumber}: expected a JSON object, got null");
            var errors = dto.Validate();
            if (errors.Count > 0)
                throw new FeedbackFileException($"{path}:{lineNumber}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
            var item = dto.ToItem(now);
            read++;
            if (!input.Wants(item)) { input.CountOutsideScope(); continue; }
            FeedbackScores? scores;
            try { scores = dto.ToScores(); }
            catch (ArgumentException e) { throw new FeedbackFileException($"{path}:{lineNumber}: invalid scores ({e.Message})"); }
            if (scores is null)
            {
                var s = lazyScorer.Value ?? throw new FeedbackFileException(
                    $"{path}:{lineNumber}: item \"{item.Id}\" has no scores (lang + sentiment) and no scorer is available; score the file first or pass --model");
                scores = s.Score(item);
            }
            input.Add(new ScoredFeedback(item, scores));
        }
        return read;
    }
}
