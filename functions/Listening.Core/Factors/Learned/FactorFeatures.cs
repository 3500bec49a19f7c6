using Listening.Core.Factors.Text;

namespace Listening.Core.Factors.Learned;

/// <summary>
/// The features the learned detector reads off one item, hashed into 2^<see cref="Bits"/> buckets (FNV-1a over the
/// feature's parts, no strings built): what the rules found (each factor, its item polarity, its mention count, the
/// stems of the clause that carried it — so the model can learn which triggers the labels reject), how many factors
/// they found, which of the taxonomy's words stand in the text whatever the rules made of them, the stemmed words and word pairs of the text, its script and the author's rating or NPS answer.
/// Binary features, each bucket at most once per item.
/// </summary>
public static class FactorFeatures
{
    public const int Bits = 18;
    public const int Buckets = 1 << Bits;
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>The distinct buckets of one item, sorted ascending.</summary>
    public static int[] Of(string text, IReadOnlyList<WordToken> tokens, IReadOnlyList<FactorMention> rules, int? rating, int? nps, IEnumerable<string> cues)
    {
        var into = new HashSet<int>();
        Collect(text, tokens, rules, rating, nps, cues, into);
        var result = into.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <param name="cues">The taxonomy's words in the text before the rules decide (<see cref="FactorExtractor.TermCues"/>).</param>
    public static void Collect(string text, IReadOnlyList<WordToken> tokens, IReadOnlyList<FactorMention> rules, int? rating, int? nps, IEnumerable<string> cues, ISet<int> into)
    {
        into.Add(Bucket(Mix(Offset, "bias")));
        foreach (var cue in cues) into.Add(Bucket(Mix(Mix(Offset, "cue|"), cue)));
        var cyrillic = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var stem = tokens[i].Stem;
            if (stem.Length > 0 && stem[0] is >= 'а' and <= 'я') cyrillic++;
            into.Add(Unigram(stem));
            if (i + 1 < tokens.Count) into.Add(Bucket(Mix(Mix(Mix(Mix(Offset, "b|"), stem), "|"), tokens[i + 1].Stem)));
        }
        // Script share in quarters stands in for the language (detection is costlier than this).
        into.Add(Bucket(Mix(Offset, tokens.Count == 0 ? "cyr|-" : "cyr|" + (char)('0' + 4 * cyrillic / tokens.Count))));
        into.Add(Bucket(Mix(Offset, "len|" + (char)('0' + Math.Min(6, (int)Math.Log2(1 + tokens.Count))))));
        into.Add(Bucket(Mix(Offset, rating is { } r ? "rating|" + r : nps is { } n ? "nps|" + (n <= 6 ? "d" : n <= 8 ? "p" : "r") : "rating|-")));

        var found = 0;
        for (var m = 0; m < rules.Count; m++)
        {
            var factor = rules[m].Factor;
            var first = true;
            for (var k = 0; k < m; k++) if (rules[k].Factor == factor) { first = false; break; }
            var basis = Mix(Mix(Offset, "r|"), factor);
            // Clause stems of every mention of the factor.
            var end = rules[m].Start + rules[m].Length;
            foreach (var t in tokens)
                if (t.Start >= rules[m].Start && t.End <= end) into.Add(Bucket(Mix(Mix(basis, "|c|"), t.Stem)));
            if (!first) continue;
            found++;
            var count = 0;
            var sum = 0;
            foreach (var x in rules)
            {
                if (x.Factor != factor) continue;
                count++;
                sum += x.Label switch { Sentiment.SentimentLabel.Positive => 1, Sentiment.SentimentLabel.Negative => -1, _ => 0 };
            }
            into.Add(Bucket(basis));
            into.Add(Bucket(Mix(basis, sum > 0 ? "|+" : sum < 0 ? "|-" : "|0")));
            into.Add(Bucket(Mix(basis, count == 1 ? "|n1" : count == 2 ? "|n2" : "|n3")));
        }
        into.Add(Bucket(Mix(Offset, "nr|" + (char)('0' + Math.Min(found, 4)))));
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
