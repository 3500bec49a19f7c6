using Listening.Core.Factors.Text;
using Listening.Core.Sentiment;

namespace Listening.Core.Factors.Learned;

/// <summary>
/// One item's features: distinct shared buckets, ascending, each with its value, read by every factor's model; and each
/// factor's own buckets (<see cref="Own"/>[f], value 1), read by that factor's model alone.
/// </summary>
public sealed record FeatureVector(int[] Buckets, float[] Values, int[][] Own);

/// <summary>
/// The features the learned detector reads off one item, hashed into 2^<see cref="Bits"/> buckets (FNV-1a over the
/// feature's parts, no strings built). Three groups:
/// <list type="bullet">
/// <item>shared: the text's stemmed words and word pairs, each 1/√(their number) (a long review weighs no more than a
/// short one), the share of Cyrillic words, the author's rating or NPS answer, the taxonomy-level words (ignored phrases,
/// speed qualifiers, words of bringing and arriving). Not the text's length nor how many factors the rules found: the
/// stories' items are short, and "many factors → some are wrong" does not carry over to long reviews;</item>
/// <item>the factor's own rule reading: found, its item polarity, its mention count, the stems of the clauses that
/// carried it (so the model learns which triggers the labels reject);</item>
/// <item>the factor's own words in the text, whatever the rules made of them: a term, a weak, judged or hosted term.</item>
/// </list>
/// </summary>
public static class FactorFeatures
{
    public const int Bits = 18;
    public const int Buckets = 1 << Bits;
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    /// <param name="cues">The taxonomy's words in the text before the rules decide (<see cref="FactorExtractor.TermCues"/>).</param>
    /// <param name="factors">The factors of the model, in its order (a rule mention or word of another factor is no feature).</param>
    public static FeatureVector Of(IReadOnlyList<WordToken> tokens, IReadOnlyList<FactorMention> rules, int? rating, int? nps,
        IEnumerable<(string Kind, string? Factor)> cues, IReadOnlyList<string> factors)
    {
        var indicators = new HashSet<int>();
        var words = new HashSet<int>();
        var own = factors.Select(_ => new HashSet<int>()).ToArray();
        indicators.Add(Bucket(Mix(Offset, "bias")));
        foreach (var (kind, factor) in cues)
        {
            if (factor is null) indicators.Add(Bucket(Mix(Mix(Offset, "cue|"), kind)));
            else if (IndexOf(factors, factor) is var f and >= 0) own[f].Add(Bucket(Mix(Mix(Offset, "cue|"), kind)));
        }
        var cyrillic = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var stem = tokens[i].Stem;
            if (stem.Length > 0 && stem[0] is >= 'а' and <= 'я') cyrillic++;
            words.Add(Unigram(stem));
            if (i + 1 < tokens.Count) words.Add(Bucket(Mix(Mix(Mix(Mix(Offset, "b|"), stem), "|"), tokens[i + 1].Stem)));
        }
        // Script share in quarters stands in for the language (detection is costlier than this).
        indicators.Add(Bucket(Mix(Offset, tokens.Count == 0 ? "cyr|-" : "cyr|" + (char)('0' + 4 * cyrillic / tokens.Count))));
        indicators.Add(Bucket(Mix(Offset, rating is { } r ? "rating|" + r : nps is { } n ? "nps|" + (n <= 6 ? "d" : n <= 8 ? "p" : "r") : "rating|-")));

        for (var m = 0; m < rules.Count; m++)
        {
            var factor = rules[m].Factor;
            var index = IndexOf(factors, factor);
            if (index < 0) continue;
            var first = true;
            for (var k = 0; k < m; k++) if (rules[k].Factor == factor) { first = false; break; }
            var basis = Mix(Offset, "r|");
            var end = rules[m].Start + rules[m].Length;
            foreach (var t in tokens)
                if (t.Start >= rules[m].Start && t.End <= end) own[index].Add(Bucket(Mix(Mix(basis, "|c|"), t.Stem)));
            if (!first) continue;
            var count = 0;
            var sum = 0;
            foreach (var x in rules)
            {
                if (x.Factor != factor) continue;
                count++;
                sum += x.Label switch { SentimentLabel.Positive => 1, SentimentLabel.Negative => -1, _ => 0 };
            }
            own[index].Add(Bucket(basis));
            own[index].Add(Bucket(Mix(basis, sum > 0 ? "|+" : sum < 0 ? "|-" : "|0")));
            own[index].Add(Bucket(Mix(basis, count == 1 ? "|n1" : count == 2 ? "|n2" : "|n3")));
        }

        var values = new Dictionary<int, float>(indicators.Count + words.Count);
        foreach (var b in indicators) values[b] = values.GetValueOrDefault(b) + 1f;
        Add(values, words);
        var buckets = values.Keys.ToArray();
        Array.Sort(buckets);
        return new FeatureVector(buckets, [.. buckets.Select(b => values[b])], [.. own.Select(o => o.Order().ToArray())]);
    }

    private static int IndexOf(IReadOnlyList<string> factors, string factor)
    {
        for (var i = 0; i < factors.Count; i++) if (factors[i] == factor) return i;
        return -1;
    }

    private static void Add(Dictionary<int, float> values, HashSet<int> group)
    {
        if (group.Count == 0) return;
        var value = 1f / MathF.Sqrt(group.Count);
        foreach (var b in group) values[b] = values.GetValueOrDefault(b) + value;
    }

    /// <summary>The bucket of a stemmed word on its own (also how an added mention's clause is weighed).</summary>
    public static int Unigram(string stem) => Bucket(Mix(Mix(Offset, "w|"), stem));

    private static int Bucket(uint hash) => (int)(hash & (Buckets - 1));

    private static uint Mix(uint hash, string part)
    {
        foreach (var c in part)
        {
            hash ^= c;
            hash *= Prime;
        }
        return hash;
    }
}
