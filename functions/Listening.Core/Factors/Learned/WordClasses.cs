namespace Listening.Core.Factors.Learned;

/// <summary>Which features the learned detector reads off the word classes (<see cref="WordClasses"/>).</summary>
[Flags]
public enum ClassFeatures
{
    None = 0,
    /// <summary>Each word's class, a shared feature beside the word itself.</summary>
    Words = 1,
    /// <summary>The classes of two neighbouring words, beside the word pair.</summary>
    Pairs = 2,
    /// <summary>The classes of the words of the clause that carried a rule mention, the factor's own feature beside their stems.</summary>
    Clauses = 4,
}

/// <summary>
/// Distributional word classes: each stem the detector reads (<see cref="FactorFeatures.Word"/>) and the class of words
/// used in the same contexts in unlabelled review text (scripts/clusters/train.sh: skip-gram vectors, then k-means).
/// The detector learns weights for classes as for words, so a word no labelled story uses — a cosmetics shop's «тушь»,
/// a tour operator's «трансфер» — still weighs what its class weighs: the dev stories teach the class through its other
/// members. Pure: the host reads the file (<see cref="Parse"/> takes its lines) and the model file carries the map.
/// </summary>
public sealed class WordClasses
{
    private readonly Dictionary<string, int> classOf;

    public WordClasses(IReadOnlyDictionary<string, int> classOf, ClassFeatures features)
    {
        if (classOf.Values.Any(c => c is < 0 or > char.MaxValue)) throw new ArgumentException("a class is a number from 0 to 65535", nameof(classOf));
        this.classOf = new Dictionary<string, int>(classOf, StringComparer.Ordinal);
        Features = features;
    }

    public ClassFeatures Features { get; }

    /// <summary>How many words have a class.</summary>
    public int Count => classOf.Count;

    /// <summary>The words and their classes, ordinal by word (the model file writes them in this order: same map, same bytes).</summary>
    public IEnumerable<KeyValuePair<string, int>> Entries => classOf.OrderBy(kv => kv.Key, StringComparer.Ordinal);

    /// <summary>The class of a stem, -1 when it has none.</summary>
    public int Of(string stem) => classOf.TryGetValue(stem, out var c) ? c : -1;

    /// <summary>The same classes read with other features.</summary>
    public WordClasses With(ClassFeatures features) => new(classOf, features);

    /// <summary>The map from lines of <c>stem TAB class</c> (blank lines and lines starting with <c>#</c> skipped).</summary>
    public static WordClasses Parse(IEnumerable<string> lines, ClassFeatures features)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t');
            if (tab <= 0 || !int.TryParse(line.AsSpan(tab + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c))
                throw new FormatException($"word classes, line {number}: not 'stem<TAB>class'");
            map[line[..tab]] = c;
        }
        return new WordClasses(map, features);
    }

    /// <summary>Features from a comma-separated list of <c>words</c>, <c>pairs</c>, <c>clauses</c> (<c>none</c> or empty: none).</summary>
    public static ClassFeatures ParseFeatures(string list) =>
        list.Split([',', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Aggregate(ClassFeatures.None, (all, name) => all | Enum.Parse<ClassFeatures>(name, ignoreCase: true));
}
