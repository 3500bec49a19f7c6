using Listening.Core.Sentiment;

namespace Listening.Ml.Data;

/// <summary>
/// Reads dataset folders in the shared format: a header line, then tab-separated
/// id, lang, text, label[, rating, aspects]; no quoting. A folder with test.tsv is evaluated on it;
/// otherwise on the dev split of train.tsv.
/// </summary>
public static class DatasetReader
{
    /// <summary>Every dataset folder under <paramref name="root"/> (or root itself), in name order.</summary>
    public static IReadOnlyList<Dataset> ReadAll(string root, Func<string, bool>? includeFolder = null)
    {
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"data directory not found: {root}");
        var folders = HasData(root)
            ? [root]
            : Directory.GetDirectories(root).Where(HasData).Order(StringComparer.Ordinal).ToArray();
        if (folders.Length == 0) throw new InvalidDataException($"no dataset folders with train.tsv or test.tsv under {root}");
        return folders.Where(f => includeFolder?.Invoke(Path.GetFileName(f)) ?? true).Select(Read).ToList();
    }

    public static Dataset Read(string folder)
    {
        var test = Path.Combine(folder, "test.tsv");
        var isTest = File.Exists(test);
        var rows = ReadTsv(isTest ? test : Path.Combine(folder, "train.tsv"));
        var lang = rows.GroupBy(r => r.Lang).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "";
        return new Dataset(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), lang, rows, isTest);
    }

    public static List<LabelledText> ReadTsv(string path)
    {
        var rows = new List<LabelledText>();
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty file");
        var columns = header.Split('\t');
        int id = Array.IndexOf(columns, "id"), lang = Array.IndexOf(columns, "lang"),
            text = Array.IndexOf(columns, "text"), label = Array.IndexOf(columns, "label");
        if (id < 0 || text < 0 || label < 0)
            throw new InvalidDataException($"{path}: header must name id, text and label columns");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = line.Split('\t');
            if (fields.Length <= Math.Max(Math.Max(id, text), label))
                throw new InvalidDataException($"{path}:{lineNumber}: expected {columns.Length} tab-separated fields, got {fields.Length}");
            rows.Add(new LabelledText(fields[id], lang >= 0 ? fields[lang] : "", fields[text], ParseLabel(fields[label], path, lineNumber)));
        }
        return rows;
    }

    private static SentimentLabel ParseLabel(string value, string path, int line) => value switch
    {
        "negative" => SentimentLabel.Negative,
        "neutral" => SentimentLabel.Neutral,
        "positive" => SentimentLabel.Positive,
        _ => throw new InvalidDataException($"{path}:{line}: label must be negative, neutral or positive, got '{value}'"),
    };

    private static bool HasData(string folder) =>
        File.Exists(Path.Combine(folder, "train.tsv")) || File.Exists(Path.Combine(folder, "test.tsv"));
}
