using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Listening.Core.Feedback;

namespace Listening.Reports;

/// <summary>A line of the input that cannot be used; the message names the line.</summary>
public sealed class FeedbackFileException(string message) : Exception(message);

/// <summary>
/// Streams a JSON Lines file of feedback items (the canonical <see cref="FeedbackItemDto"/> shape)
/// into a report's aggregates: validates each line, skips items the report does not need before
/// scoring them, scores only items that carry no scores, and keeps nothing per item.
/// One reader cuts the file into batches of lines (UTF-8 bytes, no string per line); a worker per
/// core parses and aggregates its batches into its own partial input, and the partials are merged
/// at the end — the sufficient statistics add up whatever the order.
/// </summary>
public static class ReportItemsFile
{
    private sealed record Batch(byte[] Bytes, int Length, long FirstLine);

    private const int BatchBytes = 256 * 1024;

    public static async Task<long> ReadAsync(string path, ReportInput input, Func<IFeedbackScorer?> scorer,
        DateTimeOffset now, CancellationToken cancellationToken = default, int? workers = null)
    {
        var lazyScorer = new Lazy<IFeedbackScorer?>(scorer, LazyThreadSafetyMode.ExecutionAndPublication);
        var count = Math.Clamp(workers ?? Environment.ProcessorCount, 1, 8);
        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(count * 2) { SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var partials = Enumerable.Range(0, count).Select(_ => input.Partial()).ToArray();
        var tasks = partials.Select(partial => Task.Run(async () =>
        {
            long read = 0;
            try
            {
                await foreach (var batch in channel.Reader.ReadAllAsync(failed.Token))
                    read += Parse(batch, path, partial, lazyScorer, now);
            }
            catch (FeedbackFileException)
            {
                // Stop the reader and the other workers: the first bad line is the answer.
                await failed.CancelAsync();
                throw;
            }
            return read;
        })).ToArray();

        try
        {
            await Produce(path, channel.Writer, failed.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A worker found a bad line; its error is raised below.
        }
        catch (Exception)
        {
            await failed.CancelAsync();
            await Task.WhenAll(tasks).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }
        channel.Writer.TryComplete();
        long total = 0;
        try
        {
            foreach (var read in await Task.WhenAll(tasks)) total += read;
        }
        catch (Exception) when (tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException).OfType<FeedbackFileException>().FirstOrDefault() is { } bad)
        {
            throw bad;
        }
        foreach (var partial in partials) input.Merge(partial);
        return total;
    }

    /// <summary>Cuts the file into batches of whole lines; a line longer than a batch gets a batch of its own.</summary>
    private static async Task Produce(string path, ChannelWriter<Batch> writer, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[BatchBytes];
        int filled = 0;
        long nextLine = 1;
        var first = true;
        while (true)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            var n = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (first && filled + n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
            {
                Buffer.BlockCopy(buffer, 3, buffer, 0, filled + n - 3);
                n -= 3;
            }
            first = false;
            filled += n;
            var cut = n == 0 ? filled : Array.LastIndexOf(buffer, (byte)'\n', filled - 1, filled) + 1;
            if (cut > 0)
            {
                var lines = buffer.AsSpan(0, cut).Count((byte)'\n') + (n == 0 && buffer[cut - 1] != '\n' ? 1 : 0);
                var next = new byte[Math.Max(BatchBytes, filled - cut)];
                Buffer.BlockCopy(buffer, cut, next, 0, filled - cut);
                await writer.WriteAsync(new Batch(buffer, cut, nextLine), cancellationToken);
                nextLine += lines;
                buffer = next;
                filled -= cut;
            }
            if (n == 0) break;
        }
        writer.TryComplete();
    }

    private static long Parse(Batch batch, string path, ReportInput input, Lazy<IFeedbackScorer?> scorer, DateTimeOffset now)
    {
        var span = batch.Bytes.AsSpan(0, batch.Length);
        var lineNumber = batch.FirstLine;
        long read = 0;
        while (!span.IsEmpty)
        {
            var newline = span.IndexOf((byte)'\n');
            var line = newline < 0 ? span : span[..newline];
            if (Line(line, path, lineNumber, input, scorer, now)) read++;
            span = newline < 0 ? [] : span[(newline + 1)..];
            lineNumber++;
        }
        return read;
    }

    /// <summary>One line into the aggregates; false for a blank line.</summary>
    private static bool Line(ReadOnlySpan<byte> line, string path, long lineNumber, ReportInput input,
        Lazy<IFeedbackScorer?> scorer, DateTimeOffset now)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        if (line.Trim(" \t"u8).IsEmpty) return false;
        FeedbackItemDto? dto;
        try { dto = JsonSerializer.Deserialize(line, FeedbackJsonContext.Default.FeedbackItemDto); }
        catch (JsonException e) { throw new FeedbackFileException($"{path}:{lineNumber}: not a JSON feedback item ({e.Message})"); }
        if (dto is null) throw new FeedbackFileException($"{path}:{lineNumber}: expected a JSON object, got null");
        var errors = dto.Validate();
        if (errors.Count > 0)
            throw new FeedbackFileException($"{path}:{lineNumber}: {string.Join("; ", errors.SelectMany(e => e.Value))}");
        var item = dto.ToItem(now);
        if (!input.Wants(item)) { input.CountOutsideScope(); return true; }
        // Spam is counted, never scored: it stays out of the figures.
        if (item.Spam is not null) { input.Add(item, null); return true; }
        FeedbackScores? scores;
        try { scores = dto.ToScores(); }
        catch (ArgumentException e) { throw new FeedbackFileException($"{path}:{lineNumber}: invalid scores ({e.Message})"); }
        if (scores is null)
        {
            var s = scorer.Value ?? throw new FeedbackFileException(
                $"{path}:{lineNumber}: item \"{item.Id}\" has no scores (lang + sentiment) and no scorer is available; score the file first or pass --model");
            scores = s.Score(item);
        }
        input.Add(new ScoredFeedback(item, scores));
        return true;
    }
}

/// <summary>Source-generated reader for the canonical item shape, with the same (web) conventions as <see cref="FeedbackItemDto.JsonOptions"/>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FeedbackItemDto))]
internal sealed partial class FeedbackJsonContext : JsonSerializerContext;
