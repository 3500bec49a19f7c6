using System.CommandLine;
using Listening.Core.Factors.Learned;

namespace Listening.Cli;

/// <summary>
/// The word classes train-factors and evaluate-factors-loso read (<see cref="WordClasses"/>): the shipped file, learned
/// by scripts/clusters/train.sh, and which features the detector reads off it. The trained model carries the map, so
/// nothing else — the pipeline, bench-factors, evaluate-story — needs the file.
/// </summary>
internal static class WordClassOptions
{
    /// <summary>The features train-factors reads by default (<see cref="ClassFeatures.None"/>: the classes are off).</summary>
    internal const ClassFeatures DefaultFeatures = ClassFeatures.None;

    internal static (Option<FileInfo?> File, Option<string> Features) Create() => (
        new Option<FileInfo?>("--word-classes") { Description = "Word classes (stem TAB class, gzip; default: ml-models/factors/word-classes.tsv.gz above the working directory)" },
        new Option<string>("--class-features")
        {
            Description = "What the detector reads off the word classes, comma-separated: words (each word's class), pairs (neighbours' classes), clauses (the classes in a rule mention's clause); none = no classes",
            DefaultValueFactory = _ => DefaultFeatures == ClassFeatures.None ? "none" : DefaultFeatures.ToString().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal),
        });

    /// <summary>The classes read from <paramref name="path"/> (or the shipped file) with the features named; null for none.</summary>
    internal static WordClasses? Read(string? path, string features)
    {
        var parsed = WordClasses.ParseFeatures(features is "none" ? "" : features);
        if (parsed == ClassFeatures.None) return null;
        path ??= Find() ?? throw new IOException("word classes file not found (ml-models/factors/word-classes.tsv.gz); pass --word-classes");
        return LabelledStories.ReadClasses(path, parsed);
    }

    private static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (Path.Combine(dir.FullName, "ml-models", "factors", "word-classes.tsv.gz") is var candidate && File.Exists(candidate)) return candidate;
        return null;
    }
}
