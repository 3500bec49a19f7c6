using System.Globalization;
using System.Runtime.InteropServices;
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
/// short one; every number is the one word "#"), the share of Cyrillic words, the author's rating or NPS answer, the taxonomy-level words (ignored phrases,
/// speed qualifiers, words of bringing and arriving). Not the text's length nor how many factors the rules found: the
/// stories' items are short, and "many factors → some are wrong" does not carry over to long reviews;</item>
/// <item>the factor's own rule reading: found, its item polarity, its mention count, the stems of the clauses that
/// carried it (so the model learns which triggers the labels reject), and which other default factors the rules found
/// in those clauses;</item>
/// <item>the factor's own words in the text, whatever the rules made of them: a term, a weak, judged or hosted term;</item>
/// <item>when the model reads it, the item's channel (<see cref="ItemChannels"/>): the channel, the channel × whether the
/// rules named anything, and per factor the channel × the rules found it (round 19).</item>
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
    /// <param name="classes">The word classes the model reads (<see cref="WordClasses.Features"/> says which features), none when null.</param>
    /// <param name="channel">The item's channel when the model reads channels (<see cref="FactorDetectorModel.ReadsChannel"/>); null, or a channel
    /// <see cref="ItemChannels"/> does not know, gives no channel feature.</param>
    public static FeatureVector Of(IReadOnlyList<WordToken> tokens, IReadOnlyList<FactorMention> rules, int? rating, int? nps,
        IEnumerable<(string Kind, string? Factor)> cues, IReadOnlyList<string> factors, WordClasses? classes = null, string? channel = null)
    {
        // Lists reused per thread, sorted and made distinct at the end: the detector runs on every item, and sets and a
        // dictionary per item cost as much as the rest of it (round 13; the same buckets and values as with sets).
        var indicators = indicatorScratch ??= [];
        var words = wordScratch ??= [];
        indicators.Clear();
        words.Clear();
        if (ownScratch is null || ownScratch.Length < factors.Count) ownScratch = [.. Enumerable.Range(0, factors.Count).Select(_ => new List<int>())];
        var own = ownScratch;
        for (var f = 0; f < factors.Count; f++) own[f].Clear();
        indicators.Add(BiasBucket);
        foreach (var (kind, factor) in cues)
        {
            if (factor is null) indicators.Add(Bucket(Mix(CueBasis, kind)));
            else if (IndexOf(factors, factor) is var f and >= 0) own[f].Add(Bucket(Mix(CueBasis, kind)));
        }
        var cyrillic = 0;
        var classWords = classes is not null && (classes.Features & ClassFeatures.Words) != 0;
        var classPairs = classes is not null && (classes.Features & ClassFeatures.Pairs) != 0;
        var classClauses = classes is not null && (classes.Features & ClassFeatures.Clauses) != 0;
        var next = classPairs ? classes!.Of(tokens.Count > 0 ? Word(tokens[0].Stem) : "") : -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var stem = Word(tokens[i].Stem);
            if (stem.Length > 0 && stem[0] is >= 'а' and <= 'я') cyrillic++;
            words.Add(Bucket(Mix(WordBasis, stem)));
            if (i + 1 < tokens.Count) words.Add(Bucket(Mix(Mix(Mix(PairBasis, stem), "|"), Word(tokens[i + 1].Stem))));
            // A word's class stands beside the word (and a pair's classes beside the pair), weighed alike: the word
            // carries what the stories taught about it, the class what they taught about words used like it.
            if (classWords && classes!.Of(stem) is var c and >= 0) words.Add(Bucket(Mix(ClassBasis, (char)c)));
            if (classPairs)
            {
                var here = next;
                next = i + 1 < tokens.Count ? classes!.Of(Word(tokens[i + 1].Stem)) : -1;
                if (here >= 0 && next >= 0) words.Add(Bucket(Mix(Mix(ClassPairBasis, (char)here), (char)next)));
            }
        }
        // Script share in quarters stands in for the language (detection is costlier than this).
        indicators.Add(Bucket(tokens.Count == 0 ? Mix(ScriptBasis, "-") : Mix(ScriptBasis, (char)('0' + 4 * cyrillic / tokens.Count))));
        indicators.Add(Bucket(rating is { } r ? Mix(Mix(Offset, "rating|"), r.ToString(CultureInfo.InvariantCulture))
            : nps is { } n ? Mix(Mix(Offset, "nps|"), n <= 6 ? "d" : n <= 8 ? "p" : "r") : Mix(Offset, "rating|-")));
        // Where the item was left: app store reviews carry most of the app's missed mentions (round 18, 213 of 377), and a
        // channel whose items the rules name nothing in (no factor at all, a pack's included) says what those items are about
        // (an app review's «удобно и дешевле»).
        uint? channelBasis = ItemChannels.Of(channel) is { } known ? Mix(ChannelBasis, known) : null;
        if (channelBasis is { } where)
        {
            indicators.Add(Bucket(where));
            indicators.Add(Bucket(Mix(where, rules.Count > 0 ? "|named" : "|none")));
        }

        for (var m = 0; m < rules.Count; m++)
        {
            var factor = rules[m].Factor;
            var index = IndexOf(factors, factor);
            if (index < 0) continue;
            var first = true;
            for (var k = 0; k < m; k++) if (rules[k].Factor == factor) { first = false; break; }
            var end = rules[m].Start + rules[m].Length;
            for (var t = 0; t < tokens.Count; t++)
                if (tokens[t].Start >= rules[m].Start && tokens[t].End <= end)
                {
                    own[index].Add(Bucket(Mix(ClauseBasis, tokens[t].Stem)));
                    if (classClauses && classes!.Of(Word(tokens[t].Stem)) is var c and >= 0) own[index].Add(Bucket(Mix(ClassClauseBasis, (char)c)));
                }
            // Which other factors the rules found in the same clause: waiting time beside delivery, the app beside
            // support — the confusions the labels reject most (round 13's variant B, adopted in round 15).
            for (var k = 0; k < rules.Count; k++)
                if (rules[k].Factor != factor && rules[k].Start < end && rules[m].Start < rules[k].Start + rules[k].Length
                    && IndexOf(factors, rules[k].Factor) >= 0)
                    own[index].Add(Bucket(Mix(WithBasis, rules[k].Factor)));
            if (!first) continue;
            var count = 0;
            var sum = 0;
            for (var k = m; k < rules.Count; k++)
            {
                if (rules[k].Factor != factor) continue;
                count++;
                sum += rules[k].Label switch { SentimentLabel.Positive => 1, SentimentLabel.Negative => -1, _ => 0 };
            }
            own[index].Add(Bucket(RuleBasis));
            if (channelBasis is { } from) own[index].Add(Bucket(Mix(from, "|found")));
            own[index].Add(Bucket(Mix(RuleBasis, sum > 0 ? "|+" : sum < 0 ? "|-" : "|0")));
            own[index].Add(Bucket(Mix(RuleBasis, count == 1 ? "|n1" : count == 2 ? "|n2" : "|n3")));
        }

        // Every indicator weighs 1 and every distinct word or pair 1/√(their number); a bucket that is both, the sum.
        var shared = Distinct(indicators);
        var distinctWords = Distinct(words);
        var wordValue = distinctWords.Length == 0 ? 0f : 1f / MathF.Sqrt(distinctWords.Length);
        var both = 0;
        for (int a = 0, b = 0; a < shared.Length && b < distinctWords.Length;)
        {
            if (shared[a] < distinctWords[b]) a++;
            else if (distinctWords[b] < shared[a]) b++;
            else { both++; a++; b++; }
        }
        var buckets = new int[shared.Length + distinctWords.Length - both];
        var values = new float[buckets.Length];
        for (int a = 0, b = 0, k = 0; k < buckets.Length; k++)
        {
            if (b == distinctWords.Length || a < shared.Length && shared[a] < distinctWords[b]) (buckets[k], values[k]) = (shared[a++], 1f);
            else if (a == shared.Length || distinctWords[b] < shared[a]) (buckets[k], values[k]) = (distinctWords[b++], wordValue);
            else { (buckets[k], values[k]) = (shared[a++], 1f + wordValue); b++; }
        }
        var owned = new int[factors.Count][];
        for (var f = 0; f < factors.Count; f++) owned[f] = own[f].Count == 0 ? [] : Distinct(own[f]).ToArray();
        return new FeatureVector(buckets, values, owned);
    }

    /// <summary>
    /// A number is one word: «через 40 минут» and «через 45 минут» share their pair, and each story uses its own numbers,
    /// so a number's own bucket teaches nothing that carries over.
    /// </summary>
    public static string Word(string stem) => stem.Length > 0 && char.IsAsciiDigit(stem[0]) ? "#" : stem;
    private static readonly uint WithBasis = Mix(Offset, "r|with|");

    [ThreadStatic] private static List<int>? indicatorScratch;
    [ThreadStatic] private static List<int>? wordScratch;
    [ThreadStatic] private static List<int>[]? ownScratch;
    private static readonly int BiasBucket = Bucket(Mix(Offset, "bias"));
    private static readonly uint CueBasis = Mix(Offset, "cue|");
    private static readonly uint WordBasis = Mix(Offset, "w|");
    private static readonly uint PairBasis = Mix(Offset, "b|");
    private static readonly uint ScriptBasis = Mix(Offset, "cyr|");
    private static readonly uint RuleBasis = Mix(Offset, "r|");
    private static readonly uint ClauseBasis = Mix(RuleBasis, "|c|");
    private static readonly uint ClassBasis = Mix(Offset, "k|");
    private static readonly uint ClassPairBasis = Mix(Offset, "kk|");
    private static readonly uint ClassClauseBasis = Mix(RuleBasis, "|k|");
    private static readonly uint ChannelBasis = Mix(Offset, "ch|");

    /// <summary>The list sorted, each value once (in place; the span is the list's first distinct values).</summary>
    private static ReadOnlySpan<int> Distinct(List<int> list)
    {
        var span = CollectionsMarshal.AsSpan(list);
        span.Sort();
        var n = 0;
        for (var i = 0; i < span.Length; i++)
            if (n == 0 || span[i] != span[n - 1]) span[n++] = span[i];
        return span[..n];
    }

    private static int IndexOf(IReadOnlyList<string> factors, string factor)
    {
        for (var i = 0; i < factors.Count; i++) if (factors[i] == factor) return i;
        return -1;
    }

    /// <summary>The bucket of a stemmed word on its own (also how an added mention's clause is weighed).</summary>
    public static int Unigram(string stem) => Bucket(Mix(WordBasis, Word(stem)));

    /// <summary>The bucket of a stemmed word's class (<see cref="ClassFeatures.Words"/>), -1 when it has none or the model reads no classes.</summary>
    public static int ClassUnigram(WordClasses? classes, string stem) =>
        classes is not null && (classes.Features & ClassFeatures.Words) != 0 && classes.Of(Word(stem)) is var c and >= 0 ? Bucket(Mix(ClassBasis, (char)c)) : -1;

    private static int Bucket(uint hash) => (int)(hash & (Buckets - 1));

    private static uint Mix(uint hash, char c) => (hash ^ c) * Prime;

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
