using Listening.Core.Channels.Import;

namespace Listening.Core.Tests.Channels;

public class ImportReaderTests
{
    private static readonly ImportDefaults Acme = new("acme", "csv");

    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_newlines()
    {
        var csv = "id,text,rating\n1,\"Fast, friendly\nand \"\"cheap\"\"\",5\n2,plain,4\n";
        var rows = FeedbackFileReader.ReadCsv(new StringReader(csv), Acme).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Fast, friendly\nand \"cheap\"", rows[0].Item!.Text);
        Assert.Equal(2, rows[0].Line);
        Assert.Equal(4, rows[1].Line); // the quoted newline took line 3
        Assert.Equal(4, rows[1].Item!.Rating);
    }

    [Fact]
    public void Broken_rows_are_rejected_with_their_line_and_reason_and_the_rest_read()
    {
        var csv = string.Join("\n",
            "review_id;Kommentar;Sterne;date",
            "r1;Sehr gut;5;2026-11-01",
            "r2;Zu teuer;zwei;2026-11-02",   // line 3: bad rating
            "r3;;3;2026-11-03",              // line 4: no text
            "r4;\"never closed;4;2026-11-04", // line 5: unterminated quote
            "r5;Ok;4",                       // line 6: too few fields
            "r6;Schnelle Lieferung;4;gestern", // line 7: bad date
            "r7;Gut;4;2026-11-07",
            "");
        var rows = FeedbackFileReader.ReadCsv(new StringReader(csv), Acme, ';', new Dictionary<string, string> { ["text"] = "Kommentar", ["rating"] = "Sterne" }).ToList();
        Assert.Equal(["r1", "r7"], rows.Where(r => r.Item is not null).Select(r => r.Item!.ExternalId));
        var rejected = rows.Where(r => r.Error is not null).ToDictionary(r => r.Line, r => r.Error!);
        Assert.Equal([3L, 4L, 5L, 6L, 7L], rejected.Keys.Order());
        Assert.Contains("rating", rejected[3]);
        Assert.Contains("text", rejected[4]);
        Assert.Contains("quoted field", rejected[5]);
        Assert.Contains("expected 4 fields", rejected[6]);
        Assert.Contains("date", rejected[7]);
    }

    [Fact]
    public void Rows_without_an_id_get_the_same_content_key_on_every_read()
    {
        const string csv = "author,text\nAnn,Nice\nBob,Nice\n";
        var first = FeedbackFileReader.ReadCsv(new StringReader(csv), Acme).Select(r => r.Item!.ExternalId).ToList();
        var second = FeedbackFileReader.ReadCsv(new StringReader(csv), Acme).Select(r => r.Item!.ExternalId).ToList();
        Assert.Equal(first, second);
        Assert.NotEqual(first[0], first[1]); // same text from two authors is two items
    }

    [Fact]
    public void Missing_text_column_is_reported_on_the_header_line()
    {
        var row = Assert.Single(FeedbackFileReader.ReadCsv(new StringReader("a,b\n1,2\n"), Acme));
        Assert.Equal(1, row.Line);
        Assert.Contains("no text column", row.Error);
    }

    [Fact]
    public void Json_lines_are_read_line_by_line_with_rejects()
    {
        var jsonl = "{\"text\":\"good\",\"rating\":5}\n\nnot json\n{\"text\":\"\"}\n{\"text\":\"fine\",\"brand\":\"globex\",\"competitorOf\":\"acme\"}\n";
        var rows = FeedbackFileReader.ReadJsonLines(new StringReader(jsonl), Acme).ToList();
        Assert.Equal([1L, 3L, 4L, 5L], rows.Select(r => r.Line));
        Assert.NotNull(rows[0].Item);
        Assert.Contains("not a JSON", rows[1].Error);
        Assert.Contains("text", rows[2].Error);
        Assert.Equal("globex", rows[3].Item!.Brand);
    }

    [Fact]
    public void Reading_a_large_csv_streams_without_holding_rows()
    {
        var reader = new CsvRecordReader(new GeneratedCsv(200_000));
        long count = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var record in reader.ReadAll()) count++;
        Assert.Equal(200_000, count);
        GC.Collect();
        Assert.True(GC.GetTotalMemory(true) < 64 * 1024 * 1024, "memory stayed bounded");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() > before);
    }

    /// <summary>A CSV produced on the fly, so the test itself holds no file in memory.</summary>
    private sealed class GeneratedCsv(int rows) : TextReader
    {
        private int _next;
        public override string? ReadLine() => _next < rows ? $"{_next++},\"text, number {_next}\",5" : null;
    }
}
