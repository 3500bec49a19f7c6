using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Listening.Core.Feedback;

namespace Listening.Core.Channels.Import;

/// <summary>
/// Turns CSV and JSON Lines text into feedback rows, one at a time (constant memory whatever the file size).
/// Rows without an id get a content-derived external id (author + date + text), so importing the same file
/// twice yields the same item ids and adds nothing.
/// </summary>
public static class FeedbackFileReader
{
    public static IEnumerable<ImportRow> ReadCsv(TextReader text, ImportDefaults defaults, char delimiter = ',',
        IReadOnlyDictionary<string, string>? columns = null)
    {
        var records = new CsvRecordReader(text, delimiter);
        var header = records.Read();
        if (header is null) yield break;
        if (header.Error is not null) { yield return ImportRow.Rejected(header.Line, "header: " + header.Error); yield break; }
        var map = ColumnMap.FromHeader(header.Fields, columns, out var mapError);
        if (mapError is not null) { yield return ImportRow.Rejected(header.Line, mapError); yield break; }
        records.ExpectedFields = map.Width;

        while (records.Read() is { } record)
        {
            if (record.Error is not null) { yield return ImportRow.Rejected(record.Line, record.Error); continue; }
            if (record.Fields.Count == 1 && record.Fields[0].Length == 0) continue; // blank line
            if (record.Fields.Count != map.Width)
            {
                yield return ImportRow.Rejected(record.Line, $"expected {map.Width} fields, found {record.Fields.Count}");
                continue;
            }
            yield return FromCsv(record, map, defaults);
        }
    }

    public static IEnumerable<ImportRow> ReadJsonLines(TextReader text, ImportDefaults defaults)
    {
        long line = 0;
        while (text.ReadLine() is { } raw)
        {
            line++;
            if (string.IsNullOrWhiteSpace(raw)) continue;
            FeedbackItemDto? dto;
            try { dto = JsonSerializer.Deserialize<FeedbackItemDto>(raw, FeedbackItemDto.JsonOptions); }
            catch (JsonException e) { dto = null; raw = e.Message; }
            if (dto is null) { yield return ImportRow.Rejected(line, $"not a JSON feedback item ({Shorten(raw)})"); continue; }
            yield return Finish(line, dto, defaults);
        }
    }

    private static ImportRow FromCsv(CsvRecord record, ColumnMap map, ImportDefaults defaults)
    {
        string? Get(string field) => map[field] is { } i && !string.IsNullOrWhiteSpace(record.Fields[i]) ? record.Fields[i].Trim() : null;

        int? rating = null, nps = null;
        if (Get("rating") is { } r)
        {
            if (!double.TryParse(r.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                return ImportRow.Rejected(record.Line, $"rating '{Shorten(r)}' is not a number");
            rating = (int)Math.Round(v);
        }
        if (Get("nps") is { } n)
        {
            if (!int.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                return ImportRow.Rejected(record.Line, $"nps '{Shorten(n)}' is not a whole number");
            nps = v;
        }
        DateTimeOffset? createdAt = null;
        if (Get("createdAt") is { } d)
        {
            if (!DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
                return ImportRow.Rejected(record.Line, $"date '{Shorten(d)}' is not a date");
            createdAt = t;
        }
        var author = Get("author");
        var email = Get("email");
        var handle = Get("handle");
        var dto = new FeedbackItemDto
        {
            Text = Get("text"),
            ExternalId = Get("externalId"),
            Brand = Get("brand"),
            CompetitorOf = Get("competitorOf"),
            Rating = rating,
            Nps = nps,
            Author = author is null && email is null && handle is null ? null : new AuthorDto(null, author, handle, email),
            CreatedAt = createdAt,
            Url = Get("url"),
            Source = Get("source"),
            Kind = Get("kind")?.ToLowerInvariant(),
            Lang = Get("lang"),
            Channel = Get("channel"),
        };
        return Finish(record.Line, dto, defaults);
    }

    private static ImportRow Finish(long line, FeedbackItemDto dto, ImportDefaults defaults)
    {
        dto.Brand ??= defaults.Brand;
        dto.Source ??= defaults.Source;
        dto.Kind ??= defaults.Kind;
        dto.Channel ??= defaults.Channel;
        dto.CompetitorOf ??= defaults.CompetitorOf;
        var errors = dto.Validate();
        if (errors.Count > 0)
            return ImportRow.Rejected(line, string.Join("; ", errors.SelectMany(e => e.Value)));
        if (string.IsNullOrWhiteSpace(dto.Id) && string.IsNullOrWhiteSpace(dto.ExternalId))
            dto.ExternalId = "content:" + ContentKey(dto);
        return new ImportRow(line, dto);
    }

    private static string ContentKey(FeedbackItemDto dto)
    {
        var key = $"{dto.Author?.Email}\n{dto.Author?.Handle}\n{dto.Author?.Name}\n{dto.CreatedAt?.ToUnixTimeSeconds()}\n{dto.Text!.Trim()}";
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        return Convert.ToHexStringLower(digest[..12]);
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
