using System.IO.Compression;
using System.Text;

namespace Listening.Core.Factors.Learned;

/// <summary>
/// The learned detector's weights: one logistic regression per factor over <see cref="FactorFeatures"/>, and the
/// thresholds the hybrid decision uses (<see cref="LearnedFactorDetector"/>). Only buckets seen in training are kept:
/// <c>rowOf[bucket]</c> points at that bucket's weights for every factor, side by side, so scoring one item costs one
/// lookup per feature. The file is gzip over a small binary layout; <see cref="Write"/> and <see cref="Read"/> are
/// pure (the host reads and writes the bytes), and the same model always gives the same bytes.
/// </summary>
public sealed class FactorDetectorModel
{
    private const string Magic = "listening-factor-detector";
    // 2 (round 15): numbers hash as one word and a factor's own features name the factors found beside it — a version-1
    // file's weights were trained on other buckets. 3 (round 18): the word classes the features read, after the weights;
    // a model of no classes still writes version 2, byte for byte as before, and a version-2 file reads as one.
    // 4 (round 19): the model reads the item's channel; after the weights a flags word (1: word classes follow, 2: channel).
    // A model that reads no channel still writes version 2 or 3, byte for byte as before.
    private const int Version = 4;
    private const int ClassesFlag = 1, ChannelFlag = 2;
    private readonly int[] rowOf;
    private readonly float[] rows;

    public FactorDetectorModel(IReadOnlyList<string> factors, float[] bias, IReadOnlyDictionary<int, float[]> weights, float[] addAbove, float[] dropBelow,
        WordClasses? classes = null, bool readsChannel = false)
    {
        if (bias.Length != factors.Count || addAbove.Length != factors.Count || dropBelow.Length != factors.Count)
            throw new ArgumentException("one bias and one pair of thresholds per factor", nameof(bias));
        Factors = factors;
        Bias = bias;
        AddAbove = addAbove;
        DropBelow = dropBelow;
        rowOf = new int[FactorFeatures.Buckets];
        Array.Fill(rowOf, -1);
        var buckets = weights.Keys.Order().ToArray();
        rows = new float[buckets.Length * factors.Count];
        for (var r = 0; r < buckets.Length; r++)
        {
            rowOf[buckets[r]] = r;
            var w = weights[buckets[r]];
            if (w.Length != factors.Count) throw new ArgumentException("one weight per factor", nameof(weights));
            Array.Copy(w, 0, rows, r * factors.Count, factors.Count);
        }
        Buckets = buckets;
        Classes = classes;
        ReadsChannel = readsChannel;
    }

    /// <summary>Whether its features read the item's channel (<see cref="ItemChannels"/>); a model trained without them never sees one.</summary>
    public bool ReadsChannel { get; }

    /// <summary>The word classes its features read (<see cref="FactorFeatures.Of"/>), none when null.</summary>
    public WordClasses? Classes { get; }

    /// <summary>The default-taxonomy factor ids the model decides, in weight order.</summary>
    public IReadOnlyList<string> Factors { get; }
    public float[] Bias { get; }
    /// <summary>Per factor: a factor the rules missed is added at or above this probability (above 1: never).</summary>
    public float[] AddAbove { get; }
    /// <summary>Per factor: a factor the rules found is dropped below this probability (below 0: never).</summary>
    public float[] DropBelow { get; }

    /// <summary>The same weights with other thresholds.</summary>
    public FactorDetectorModel WithThresholds(float[] addAbove, float[] dropBelow) =>
        new(Factors, Bias, Buckets.ToDictionary(b => b, b => rows.AsSpan(rowOf[b] * Factors.Count, Factors.Count).ToArray()), addAbove, dropBelow, Classes, ReadsChannel);
    /// <summary>The buckets that carry weights, ascending.</summary>
    public IReadOnlyList<int> Buckets { get; }

    public int IndexOf(string factor)
    {
        for (var i = 0; i < Factors.Count; i++) if (Factors[i] == factor) return i;
        return -1;
    }

    /// <summary>Each factor's logit for an item with these feature buckets.</summary>
    public void Logits(FeatureVector features, Span<float> into)
    {
        var n = Factors.Count;
        Bias.CopyTo(into);
        for (var i = 0; i < features.Buckets.Length; i++)
        {
            var row = rowOf[features.Buckets[i]];
            if (row < 0) continue;
            var value = features.Values[i];
            var w = rows.AsSpan(row * n, n);
            for (var f = 0; f < n; f++) into[f] += value * w[f];
        }
        for (var f = 0; f < n; f++)
            foreach (var bucket in features.Own[f])
                if (rowOf[bucket] is var row and >= 0) into[f] += rows[row * n + f];
    }

    /// <summary>The weight of one bucket for one factor (0 when the bucket was not trained).</summary>
    public float Weight(int bucket, int factor) => rowOf[bucket] is var row and >= 0 ? rows[row * Factors.Count + factor] : 0f;

    /// <summary>A model of no factors (its detector changes nothing).</summary>
    public static FactorDetectorModel Empty { get; } = new([], [], new Dictionary<int, float[]>(), [], []);

    public static float Probability(float logit) => 1f / (1f + MathF.Exp(-logit));

    public byte[] Write()
    {
        using var raw = new MemoryStream();
        using (var w = new BinaryWriter(raw, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(ReadsChannel ? Version : Classes is null ? 2 : 3);
            w.Write(FactorFeatures.Bits);
            w.Write(Factors.Count);
            foreach (var f in Factors) w.Write(f);
            foreach (var b in Bias) w.Write(b);
            foreach (var a in AddAbove) w.Write(a);
            foreach (var d in DropBelow) w.Write(d);
            w.Write(Buckets.Count);
            foreach (var b in Buckets) w.Write(b);
            foreach (var x in rows) w.Write(x);
            if (ReadsChannel) w.Write((Classes is null ? 0 : ClassesFlag) | ChannelFlag);
            if (Classes is not null)
            {
                w.Write((int)Classes.Features);
                w.Write(Classes.Count);
                foreach (var (word, c) in Classes.Entries)
                {
                    w.Write(word);
                    w.Write((ushort)c);
                }
            }
        }
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true)) raw.WriteTo(gzip);
        return packed.ToArray();
    }

    public static FactorDetectorModel Read(byte[] bytes)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var r = new BinaryReader(gzip, Encoding.UTF8);
            if (r.ReadString() != Magic) throw new FormatException("not a factor detector file");
            if (r.ReadInt32() is var version && version is not (2 or 3 or Version)) throw new FormatException($"factor detector version {version} is not 2…{Version}");
            if (r.ReadInt32() is var bits && bits != FactorFeatures.Bits) throw new FormatException($"factor detector hashes into 2^{bits} buckets, not 2^{FactorFeatures.Bits}");
            var factors = new string[r.ReadInt32()];
            for (var i = 0; i < factors.Length; i++) factors[i] = r.ReadString();
            var bias = new float[factors.Length];
            for (var i = 0; i < bias.Length; i++) bias[i] = r.ReadSingle();
            var addAbove = new float[factors.Length];
            for (var i = 0; i < addAbove.Length; i++) addAbove[i] = r.ReadSingle();
            var dropBelow = new float[factors.Length];
            for (var i = 0; i < dropBelow.Length; i++) dropBelow[i] = r.ReadSingle();
            var buckets = new int[r.ReadInt32()];
            for (var i = 0; i < buckets.Length; i++) buckets[i] = r.ReadInt32();
            var weights = new Dictionary<int, float[]>(buckets.Length);
            foreach (var b in buckets)
            {
                var w = new float[factors.Length];
                for (var f = 0; f < w.Length; f++) w[f] = r.ReadSingle();
                weights[b] = w;
            }
            var flags = version switch { 2 => 0, 3 => ClassesFlag, _ => r.ReadInt32() };
            WordClasses? classes = null;
            if ((flags & ClassesFlag) != 0)
            {
                var features = (ClassFeatures)r.ReadInt32();
                var count = r.ReadInt32();
                var map = new Dictionary<string, int>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++) map[r.ReadString()] = r.ReadUInt16();
                classes = new WordClasses(map, features);
            }
            return new FactorDetectorModel(factors, bias, weights, addAbove, dropBelow, classes, (flags & ChannelFlag) != 0);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IndexOutOfRangeException)
        {
            throw new FormatException($"factor detector file is damaged: {e.Message}", e);
        }
    }
}
