using System.IO.Compression;
using System.Text.Json;
using Listening.Ml.Features;
using Microsoft.ML;

namespace Listening.Ml.Prediction;

/// <summary>
/// A loaded sentiment model: the ML.NET transformer (LbfgsMaximumEntropy over the feature vector)
/// plus the featurizer settings stored beside it in the same zip (entry <see cref="FeaturizerEntry"/>).
/// </summary>
public sealed class SentimentModel
{
    public const string FeaturizerEntry = "Listening/featurizer.json";
    public const string DefaultFileName = "sentiment-model.zip";

    // Fixed entry timestamps make the same training produce the same model bytes.
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private SentimentModel(MLContext context, ITransformer transformer, TextFeaturizer featurizer)
    {
        Context = context;
        Transformer = transformer;
        Featurizer = featurizer;
    }

    public MLContext Context { get; }
    public ITransformer Transformer { get; }
    public TextFeaturizer Featurizer { get; }

    public static SentimentModel Create(MLContext context, ITransformer transformer, FeaturizerOptions options) =>
        new(context, transformer, new TextFeaturizer(options));

    public static SentimentModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"sentiment model not found: {path}", path);
        using var file = File.OpenRead(path);
        using var memory = new MemoryStream();
        file.CopyTo(memory);
        FeaturizerOptions options;
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Read, leaveOpen: true))
        {
            var entry = zip.GetEntry(FeaturizerEntry)
                ?? throw new InvalidDataException($"{path}: not a Listening sentiment model (no {FeaturizerEntry})");
            using var json = entry.Open();
            options = JsonSerializer.Deserialize<FeaturizerOptions>(json)
                ?? throw new InvalidDataException($"{path}: empty {FeaturizerEntry}");
        }
        memory.Position = 0;
        var context = new MLContext(seed: 1);
        var transformer = context.Model.Load(memory, out _);
        return Create(context, transformer, options);
    }

    /// <summary>Saves the ML.NET model and the featurizer settings as one zip with fixed timestamps.</summary>
    public void Save(string path)
    {
        using var mlZip = new MemoryStream();
        var schema = Context.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), FeatureRow.Schema(Featurizer.Options.Dimension)).Schema;
        Context.Model.Save(Transformer, schema, mlZip);
        mlZip.Position = 0;

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var output = File.Create(path);
        using var source = new ZipArchive(mlZip, ZipArchiveMode.Read);
        using var target = new ZipArchive(output, ZipArchiveMode.Create);
        foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
            copy.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
        var settings = target.CreateEntry(FeaturizerEntry, CompressionLevel.SmallestSize);
        settings.LastWriteTime = EntryTime;
        using var stream = settings.Open();
        JsonSerializer.Serialize(stream, Featurizer.Options, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// Where `listening` looks for the model when no --model is given: next to the executable
    /// (the build copies ml-models/sentiment/model.zip there), else ml-models/sentiment/model.zip
    /// in the current directory or one of its parents.
    /// </summary>
    public static string DefaultPath()
    {
        var besideExe = Path.Combine(AppContext.BaseDirectory, DefaultFileName);
        if (File.Exists(besideExe)) return besideExe;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "ml-models", "sentiment", "model.zip");
            if (File.Exists(candidate)) return candidate;
        }
        return besideExe;
    }
}
