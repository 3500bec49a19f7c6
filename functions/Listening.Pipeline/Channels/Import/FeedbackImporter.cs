using System.Text;
using Listening.Channels.Feeds;
using Listening.Channels.ReviewPages;
using Listening.Core.Channels.Import;
using Listening.Core.Feedback;

namespace Listening.Channels.Import;

public enum ImportFormat { Csv, JsonLines, Html, Feed }

/// <summary>What to import and how to read it.</summary>
public sealed record ImportRequest(
    string Path,
    ImportFormat Format,
    ImportDefaults Defaults,
    char Delimiter = ',',
    Encoding? Encoding = null,
    IReadOnlyDictionary<string, string>? Columns = null,
    SiteProfile? Profile = null,
    int BatchSize = 500);

/// <summary>A rejected row: its 1-based line (0 when the format has no lines) and why.</summary>
public sealed record ImportRejection(long Line, string Reason);

/// <summary>The outcome of an import. Only the first <see cref="FeedbackImporter.MaxKeptRejections"/> rejections are kept.</summary>
public sealed record ImportSummary(long Accepted, long Duplicates, long Rejected, IReadOnlyList<ImportRejection> Rejections, TimeSpan Elapsed)
{
    public long Read => Accepted + Duplicates;
}

/// <summary>Progress as bytes of the file consumed and rows handled so far.</summary>
public sealed record ImportProgress(long BytesRead, long TotalBytes, long Rows);

/// <summary>
/// Streams a file into the pipeline in batches: rows are parsed one at a time, a batch at most
/// <see cref="ImportRequest.BatchSize"/> items (and about half a megabyte) is submitted through the channel intake,
/// so memory stays constant whatever the file size. Re-importing a file adds nothing (deterministic ids).
/// </summary>
public sealed class FeedbackImporter(ChannelIntake intake, ChannelsOptions options, TimeProvider time)
{
    public const int MaxKeptRejections = 1000;
    private const int MaxBatchChars = 400_000;

    public async Task<ImportSummary> ImportAsync(ImportRequest request, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long accepted = 0, duplicates = 0, rejected = 0, rows = 0;
        var rejections = new List<ImportRejection>();
        void Reject(long line, string reason)
        {
            rejected++;
            if (rejections.Count < MaxKeptRejections) rejections.Add(new ImportRejection(line, reason));
        }

        await using var file = new FileStream(request.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var total = file.Length;
        var batch = new List<(long Line, FeedbackItemDto Item)>(request.BatchSize);
        var batchChars = 0;

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            var results = await intake.SubmitAsync(batch.Select(b => b.Item).ToList(), cancellationToken);
            for (var i = 0; i < results.Count; i++)
            {
                switch (results[i].Outcome)
                {
                    case IntakeOutcome.Accepted: accepted++; break;
                    case IntakeOutcome.Duplicate: duplicates++; break;
                    default: Reject(batch[i].Line, results[i].Error ?? "refused by ingest"); break;
                }
            }
            batch.Clear();
            batchChars = 0;
            progress?.Report(new ImportProgress(file.Position, total, rows));
        }

        foreach (var row in Rows(request, file))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows++;
            if (row.Item is null) { Reject(row.Line, row.Error ?? "unreadable"); continue; }
            batch.Add((row.Line, row.Item));
            batchChars += row.Item.Text!.Length + 256;
            if (batch.Count >= request.BatchSize || batchChars >= MaxBatchChars) await FlushAsync();
        }
        await FlushAsync();
        progress?.Report(new ImportProgress(total, total, rows));
        return new ImportSummary(accepted, duplicates, rejected, rejections, time.GetElapsedTime(started));
    }

    private IEnumerable<ImportRow> Rows(ImportRequest request, FileStream file)
    {
        var encoding = request.Encoding ?? new UTF8Encoding(false);
        switch (request.Format)
        {
            case ImportFormat.Csv:
                return FeedbackFileReader.ReadCsv(new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true), request.Defaults, request.Delimiter, request.Columns);
            case ImportFormat.JsonLines:
                return FeedbackFileReader.ReadJsonLines(new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true), request.Defaults);
            case ImportFormat.Html:
                return HtmlRows(request, file, encoding);
            default:
                return FeedRows(request, file);
        }
    }

    private IEnumerable<ImportRow> HtmlRows(ImportRequest request, FileStream file, Encoding encoding)
    {
        var parser = new ReviewPageParser(options.ReviewPages);
        if (file.Length > parser.Limits.MaxBytes) return [ImportRow.Rejected(0, $"page is larger than {parser.Limits.MaxBytes} bytes")];
        string html;
        using (var reader = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true)) html = reader.ReadToEnd();
        ReviewPageResult result;
        try { result = parser.Parse(html, request.Profile); }
        catch (ReviewPageRejectedException e) { return [ImportRow.Rejected(0, e.Message)]; }
        var source = request.Defaults.Source == "import" ? "html" : request.Defaults.Source;
        var url = $"file://{System.IO.Path.GetFileName(request.Path)}";
        return result.Skipped.Select(s => ImportRow.Rejected(0, s))
            .Concat(result.Reviews.Select(r => new ImportRow(0, WithDefaults(r.ToFeedback(request.Defaults.Brand, source, url), request.Defaults))));
    }

    private static IEnumerable<ImportRow> FeedRows(ImportRequest request, FileStream file)
    {
        IReadOnlyList<FeedbackItemDto> items;
        try { items = FeedReader.Read(file, request.Defaults.Brand, request.Defaults.Source == "import" ? "feed" : request.Defaults.Source); }
        catch (FormatException e) { return [ImportRow.Rejected(0, e.Message)]; }
        return items.Select(i => new ImportRow(0, WithDefaults(i, request.Defaults)));
    }

    private static FeedbackItemDto WithDefaults(FeedbackItemDto dto, ImportDefaults defaults)
    {
        dto.CompetitorOf ??= defaults.CompetitorOf;
        dto.Channel = defaults.Channel ?? dto.Channel;
        return dto;
    }

    public static ImportFormat? FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" or ".tsv" or ".txt" => ImportFormat.Csv,
        ".jsonl" or ".ndjson" or ".json" => ImportFormat.JsonLines,
        ".html" or ".htm" => ImportFormat.Html,
        ".xml" or ".rss" or ".atom" => ImportFormat.Feed,
        _ => null,
    };
}
