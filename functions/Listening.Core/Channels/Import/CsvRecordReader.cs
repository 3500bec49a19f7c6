using System.Text;

namespace Listening.Core.Channels.Import;

/// <summary>One CSV record: its fields and the physical line it starts on (1-based), or why it could not be read.</summary>
public sealed record CsvRecord(long Line, IReadOnlyList<string> Fields, string? Error = null);

/// <summary>
/// Streaming RFC 4180 reader: quoted fields with doubled quotes, delimiters and newlines inside quotes.
/// Memory is bounded by one record: a quoted field left open for more than <see cref="MaxRecordLines"/>
/// lines is reported as broken at its first line, and reading resumes on the line after it, so one stray
/// quote costs one row, not the rest of the file.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char delimiter = ',', int maxRecordLines = 100)
{
    private readonly Queue<string> _pushedBack = new();
    private long _nextLine = 1;

    public int MaxRecordLines { get; } = Math.Max(maxRecordLines, 1);

    /// <summary>
    /// The header's field count, once known. A record that spans lines through a quoted field and does not come out
    /// with this many fields is taken as a stray quote: reported at its first line, and reading resumes on the next.
    /// </summary>
    public int? ExpectedFields { get; set; }

    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record) yield return record;
    }

    public CsvRecord? Read()
    {
        var first = NextLine();
        if (first is null) return null;
        var startLine = _nextLine - 1;
        var consumed = new List<string>(1) { first };
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = first;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                        else inQuotes = false;
                    }
                    else field.Append(c);
                }
                else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
                else if (c == '"' && field.Length == 0) inQuotes = true;
                else field.Append(c); // a stray quote inside an unquoted field is kept as text
            }
            if (!inQuotes) break;

            var next = consumed.Count < MaxRecordLines ? NextLine() : null;
            if (next is null)
            {
                // Resume right after the record's first line: the rest may be perfectly good rows.
                foreach (var raw in consumed.Skip(1).Reverse()) PushBack(raw);
                return new CsvRecord(startLine, [], consumed.Count >= MaxRecordLines
                    ? $"a quoted field is not closed within {MaxRecordLines} lines"
                    : "a quoted field is not closed before the end of the file");
            }
            consumed.Add(next);
            field.Append('\n');
            line = next;
        }
        fields.Add(field.ToString());
        if (consumed.Count > 1 && ExpectedFields is { } expected && fields.Count != expected)
        {
            foreach (var raw in consumed.Skip(1).Reverse()) PushBack(raw);
            return new CsvRecord(startLine, [], $"a quoted field is not closed properly (the row ran into the next line and has {fields.Count} fields, not {expected})");
        }
        return new CsvRecord(startLine, fields);
    }

    private string? NextLine()
    {
        string? line;
        if (_pushedBack.Count > 0) line = _pushedBack.Dequeue();
        else line = reader.ReadLine();
        if (line is not null) _nextLine++;
        return line;
    }

    private void PushBack(string raw)
    {
        // Re-queue in original order ahead of anything still unread.
        var rest = _pushedBack.ToArray();
        _pushedBack.Clear();
        _pushedBack.Enqueue(raw);
        foreach (var r in rest) _pushedBack.Enqueue(r);
        _nextLine--;
    }
}
