using System.IO.Compression;
using System.Text.Json;
using Listening.Core.Text;
using Listening.Ml.Features;
using Listening.Ml.Training;
using Microsoft.ML;

namespace Listening.Ml.Prediction;

/// <summary>
/// A loaded sentiment model: one ML.NET transformer (LbfgsMaximumEntropy over the feature vector)
/// per language — or one for all (<see cref="AnyLanguage"/>) — plus the featurizer settings stored
/// in the same zip (entry <see cref="FeaturizerEntry"/>). A joint model is a plain ML.NET model zip
/// with that entry added; a per-language model nests one ML.NET zip per language under
/// <see cref="LanguageEntryPrefix"/>.
/// </summary>
public sealed class SentimentModel
{
    public const string FeaturizerEntry = "Listening/featurizer.json";
    public const string CalibrationEntry = "Listening/calibration.json";
    public const string TrainingEntry = "Listening/training.json";
    /// <summary>What the training's arithmetic ran on (<see cref="TrainingPlatform"/>); absent before round 10.</summary>
    public const string PlatformEntry = "Listening/platform.json";
    /// <summary>The featurizer's idf weights (<see cref="IdfTable"/>, one byte per bucket) when it was trained with them.</summary>
    public const string IdfEntry = "Listening/idf.bin";
    /// <summary>The featurizer's word vectors (<see cref="WordVectors"/>) when it was trained with them.</summary>
    public const string VectorsEntry = "Listening/vectors.bin";
    public const string LanguageEntryPrefix = "Listening/languages/";
    /// <summary>Further members of an ensemble (<see cref="Members"/>): each a whole model zip, <c>Listening/members/1.zip</c>, ….</summary>
    public const string MemberEntryPrefix = "Listening/members/";
    public const string DefaultFileName = "sentiment-model.zip";
    public const string AnyLanguage = "*";

    private static readonly JsonSerializerOptions TrainingJson = new() { WriteIndented = true };

    // Fixed entry timestamps make the same training produce the same model bytes.
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private SentimentModel(MLContext context, IReadOnlyDictionary<string, ITransformer> transformers, TextFeaturizer featurizer,
        ProbabilityCalibration? calibration = null, TrainingOptions? training = null, IReadOnlyList<SentimentModel>? members = null,
        TrainingPlatform? platform = null)
    {
        Platform = platform;
        Members = members ?? [];
        Context = context;
        Transformers = transformers;
        Featurizer = featurizer;
        Calibration = calibration ?? ProbabilityCalibration.None;
        Training = training;
    }

    /// <summary>
    /// How the model was trained (entry <see cref="TrainingEntry"/>), so `evaluate` can re-run the same
    /// procedure on honest splits; null for a model saved before it was recorded.
    /// </summary>
    public TrainingOptions? Training { get; }

    /// <summary>
    /// The machine arithmetic the weights were trained with (entry <see cref="PlatformEntry"/>): the same procedure gives the
    /// same bytes only on the same <see cref="TrainingPlatform"/>; null for a model saved before it was recorded.
    /// </summary>
    public TrainingPlatform? Platform { get; }

    /// <summary>Class-probability weights applied after the transformer (entry <see cref="CalibrationEntry"/>).</summary>
    public ProbabilityCalibration Calibration { get; }

    public SentimentModel WithCalibration(ProbabilityCalibration calibration) => new(Context, Transformers, Featurizer, calibration, Training, Members, Platform);

    public SentimentModel WithTraining(TrainingOptions training) => new(Context, Transformers, Featurizer, Calibration, training, Members, Platform);

    public SentimentModel WithPlatform(TrainingPlatform platform) => new(Context, Transformers, Featurizer, Calibration, Training, Members, platform);

    /// <summary>
    /// The same weights reading their features through <paramref name="featurizer"/> (the same settings; e.g. its word vectors
    /// zeroed, to check what they contribute).
    /// </summary>
    public SentimentModel WithFeaturizer(TextFeaturizer featurizer) =>
        SameOptions(featurizer.Options, Featurizer.Options)
            ? new(Context, Transformers, featurizer, Calibration, Training, Members, Platform)
            : throw new ArgumentException("the featurizer must have the model's settings", nameof(featurizer));

    /// <summary>
    /// Models whose calibrated class probabilities are averaged with this one's (an ensemble; empty for a single model). They
    /// hash the same features (the featurizer settings are equal apart from the idf weights) and have the same languages, so
    /// the scorer featurises a text once and re-weighs the vector for each member.
    /// </summary>
    public IReadOnlyList<SentimentModel> Members { get; }

    /// <summary>This model with <paramref name="members"/> as the other members of an ensemble (see <see cref="Members"/>).</summary>
    public SentimentModel WithMembers(IReadOnlyList<SentimentModel> members)
    {
        foreach (var m in members)
        {
            if (m.Members.Count > 0) throw new ArgumentException("a member cannot itself be an ensemble", nameof(members));
            // The members re-weigh this model's hashed vector; a dense word-vector block is not a re-weighing of it.
            if (m.Featurizer.Vectors is not null || Featurizer.Vectors is not null)
                throw new ArgumentException("ensembles of models with word vectors are not supported", nameof(members));
            if (!SameOptions(m.Featurizer.Options with { Idf = null }, Featurizer.Options with { Idf = null }))
                throw new ArgumentException("ensemble members must hash the same features (featurizer settings equal apart from idf)", nameof(members));
            if (!m.Transformers.Keys.Order(StringComparer.Ordinal).SequenceEqual(Transformers.Keys.Order(StringComparer.Ordinal)))
                throw new ArgumentException("ensemble members must have the same languages", nameof(members));
            if (m.Training?.Holdout != Training?.Holdout)
                throw new ArgumentException($"ensemble members must hold out the same rows ({Training?.Holdout} vs {m.Training?.Holdout})", nameof(members));
        }
        return new(Context, Transformers, Featurizer, Calibration, Training, members, Platform);
    }

    public MLContext Context { get; }

    /// <summary>Language code ("ru", "en") or <see cref="AnyLanguage"/> → transformer.</summary>
    public IReadOnlyDictionary<string, ITransformer> Transformers { get; }

    public TextFeaturizer Featurizer { get; }

    public static SentimentModel Create(MLContext context, ITransformer transformer, FeaturizerOptions options) =>
        Create(context, transformer, new TextFeaturizer(options));

    public static SentimentModel Create(MLContext context, ITransformer transformer, TextFeaturizer featurizer) =>
        new(context, new Dictionary<string, ITransformer> { [AnyLanguage] = transformer }, featurizer);

    /// <summary>Combines single-language models trained with the same featurizer into one.</summary>
    public static SentimentModel Combine(IReadOnlyDictionary<string, SentimentModel> byLanguage)
    {
        var options = byLanguage.Values.First().Featurizer.Options;
        if (byLanguage.Values.Any(m => !SameOptions(m.Featurizer.Options, options)))
            throw new ArgumentException("per-language models must share featurizer settings", nameof(byLanguage));
        var idf = byLanguage.Values.First().Featurizer.Idf;
        if (byLanguage.Values.Any(m => !ReferenceEquals(m.Featurizer.Idf, idf)))
            throw new ArgumentException("per-language models must share one idf table", nameof(byLanguage));
        var vectors = byLanguage.Values.First().Featurizer.Vectors;
        if (byLanguage.Values.Any(m => !ReferenceEquals(m.Featurizer.Vectors, vectors)))
            throw new ArgumentException("per-language models must share one word-vector table", nameof(byLanguage));
        var transformers = byLanguage.ToDictionary(kv => kv.Key, kv => kv.Value.Transformers[AnyLanguage]);
        return new SentimentModel(byLanguage.Values.First().Context, transformers, new TextFeaturizer(options, idf, vectors));
    }

    /// <summary>
    /// The language whose transformer scores <paramref name="text"/>: the detected one when the model
    /// has it, else by script (Cyrillic → ru, otherwise en), else the joint transformer.
    /// </summary>
    public string LanguageFor(string text) => LanguageFor(text, null);

    /// <param name="detected"><see cref="LanguageDetector.Detect"/>'s answer for <paramref name="text"/> when the caller already has it.</param>
    public string LanguageFor(string text, string? detected)
    {
        if (Transformers.ContainsKey(AnyLanguage)) return AnyLanguage;
        var lang = detected ?? LanguageDetector.Detect(text);
        if (Transformers.ContainsKey(lang)) return lang;
        var cyrillic = text.Any(c => c is >= '\u0400' and <= '\u04FF');
        lang = cyrillic ? LanguageDetector.Russian : LanguageDetector.English;
        return Transformers.ContainsKey(lang) ? lang : Transformers.Keys.First();
    }

    public static SentimentModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"sentiment model not found: {path}", path);
        return Load(File.ReadAllBytes(path), path);
    }

    private static SentimentModel Load(byte[] bytes, string path)
    {
        var context = new MLContext(seed: 1);
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entry = zip.GetEntry(FeaturizerEntry)
            ?? throw new InvalidDataException($"{path}: not a Listening sentiment model (no {FeaturizerEntry})");
        FeaturizerOptions options;
        using (var json = entry.Open())
            options = JsonSerializer.Deserialize<FeaturizerOptions>(json) ?? throw new InvalidDataException($"{path}: empty {FeaturizerEntry}");

        TrainingOptions? training = null;
        if (zip.GetEntry(TrainingEntry) is { } trainingEntry)
        {
            using var json = trainingEntry.Open();
            training = JsonSerializer.Deserialize<TrainingOptions>(json, TrainingJson);
        }

        TrainingPlatform? platform = null;
        if (zip.GetEntry(PlatformEntry) is { } platformEntry)
        {
            using var json = platformEntry.Open();
            platform = JsonSerializer.Deserialize<TrainingPlatform>(json, TrainingJson);
        }

        var calibration = ProbabilityCalibration.None;
        if (zip.GetEntry(CalibrationEntry) is { } calibrationEntry)
        {
            using var json = calibrationEntry.Open();
            calibration = ProbabilityCalibration.FromJson(json);
        }

        IdfTable? idf = null;
        if (options.Idf is not null)
        {
            var idfEntry = zip.GetEntry(IdfEntry) ?? throw new InvalidDataException($"{path}: featurizer uses idf weights but {IdfEntry} is missing");
            using var memory = new MemoryStream();
            using (var s = idfEntry.Open()) s.CopyTo(memory);
            idf = IdfTable.FromBytes(memory.ToArray(), options.Dimension);
        }

        WordVectors? vectors = null;
        if (options.Vectors > 0)
        {
            var vectorsEntry = zip.GetEntry(VectorsEntry) ?? throw new InvalidDataException($"{path}: featurizer uses word vectors but {VectorsEntry} is missing");
            using var memory = new MemoryStream();
            using (var s = vectorsEntry.Open()) s.CopyTo(memory);
            vectors = WordVectors.FromBytes(memory.ToArray(), options.Vectors);
        }

        var transformers = new Dictionary<string, ITransformer>();
        foreach (var nested in zip.Entries.Where(e => e.FullName.StartsWith(LanguageEntryPrefix, StringComparison.Ordinal)))
        {
            using var memory = new MemoryStream();
            using (var s = nested.Open()) s.CopyTo(memory);
            memory.Position = 0;
            transformers[Path.GetFileNameWithoutExtension(nested.Name)] = context.Model.Load(memory, out _);
        }
        if (transformers.Count == 0) transformers[AnyLanguage] = context.Model.Load(new MemoryStream(bytes), out _);
        var model = new SentimentModel(context, transformers, new TextFeaturizer(options, idf, vectors), calibration, training, platform: platform);
        var members = zip.Entries.Where(e => e.FullName.StartsWith(MemberEntryPrefix, StringComparison.Ordinal))
            .OrderBy(e => int.Parse(Path.GetFileNameWithoutExtension(e.Name), System.Globalization.CultureInfo.InvariantCulture))
            .Select(e =>
            {
                using var memory = new MemoryStream();
                using (var s = e.Open()) s.CopyTo(memory);
                return Load(memory.ToArray(), $"{path}:{e.FullName}");
            }).ToList();
        return members.Count == 0 ? model : model.WithMembers(members);
    }

    /// <summary>Saves the model(s) and the featurizer settings as one zip with fixed timestamps.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var output = File.Create(path);
        SaveTo(output);
    }

    private byte[] ToBytes()
    {
        using var memory = new MemoryStream();
        SaveTo(memory);
        return memory.ToArray();
    }

    private void SaveTo(Stream output)
    {
        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        if (Transformers.TryGetValue(AnyLanguage, out var joint))
        {
            using var source = new ZipArchive(new MemoryStream(SaveMlNet(joint)), ZipArchiveMode.Read);
            foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var from = entry.Open();
                Write(target, entry.FullName, from);
            }
        }
        else
        {
            foreach (var (lang, transformer) in Transformers.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                Write(target, $"{LanguageEntryPrefix}{lang}.zip", new MemoryStream(SaveMlNet(transformer)));
        }
        var settings = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(Featurizer.Options, new JsonSerializerOptions { WriteIndented = true }));
        Write(target, FeaturizerEntry, settings);
        if (Featurizer.Idf is { } idf) Write(target, IdfEntry, new MemoryStream(idf.ToBytes()));
        if (Featurizer.Vectors is { } vectors) Write(target, VectorsEntry, new MemoryStream(vectors.ToBytes()));
        if (Calibration.Weights.Count > 0) Write(target, CalibrationEntry, new MemoryStream(Calibration.ToJson()));
        if (Training is not null) Write(target, TrainingEntry, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(Training, TrainingJson)));
        if (Platform is not null) Write(target, PlatformEntry, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(Platform, TrainingJson)));
        for (var i = 0; i < Members.Count; i++)
            Write(target, $"{MemberEntryPrefix}{i + 1}.zip", new MemoryStream(Members[i].ToBytes()));
    }

    private byte[] SaveMlNet(ITransformer transformer)
    {
        using var raw = new MemoryStream();
        var schema = Context.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), FeatureRow.Schema(Featurizer.Options.Dimension)).Schema;
        Context.Model.Save(transformer, schema, raw);
        raw.Position = 0;
        // Re-write ML.NET's zip with fixed timestamps so equal models are equal bytes.
        using var fixedZip = new MemoryStream();
        using (var source = new ZipArchive(raw, ZipArchiveMode.Read))
        using (var target = new ZipArchive(fixedZip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var from = entry.Open();
                Write(target, entry.FullName, from);
            }
        }
        return fixedZip.ToArray();
    }

    private static void Write(ZipArchive target, string name, Stream content)
    {
        var entry = target.CreateEntry(name, CompressionLevel.SmallestSize);
        entry.LastWriteTime = EntryTime;
        using var to = entry.Open();
        content.CopyTo(to);
    }

    private static bool SameOptions(FeaturizerOptions a, FeaturizerOptions b) =>
        a with { CharNgramLengths = null } == b with { CharNgramLengths = null } && a.CharNgrams.SequenceEqual(b.CharNgrams);

    /// <summary>
    /// Where `listening` looks for the model when no --model is given: next to the executable
    /// (the build copies ml-models/sentiment/model.zip there), else ml-models/sentiment/model.zip
    /// in the current directory or one of its parents.
    /// </summary>
    public static string DefaultPath() => ShippedFile.Find(DefaultFileName, Path.Combine("ml-models", "sentiment", "model.zip"));
}
