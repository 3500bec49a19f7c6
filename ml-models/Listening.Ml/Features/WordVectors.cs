using System.Buffers.Binary;

namespace Listening.Ml.Features;

/// <summary>
/// Distributional word vectors learnt from the training texts themselves (no labels, no pretrained weights;
/// <see cref="FeaturizerOptions.Vectors"/>): a word the labelled rows never showed with a polarity still lands near the
/// words it shares contexts with, and a text's mean vector carries that into the model as a small dense block. Learnt as
/// positive PMI over a ±<see cref="Window"/> co-occurrence window (context counts smoothed ^0.75, Levy et al. 2015), reduced
/// to <c>dims</c> dimensions by subspace iteration (the PPMI matrix is symmetric, so its eigenvectors are its singular
/// vectors), weighted by √|λ|, L2-normalised per word and quantised to one signed byte per component. Words are keyed by
/// the featurizer's 32-bit unigram hash (the same token the n-gram features hash), so no strings are stored. Deterministic:
/// counts are integers summed in text order, the random start is seeded, every floating-point sum runs in a fixed order.
/// </summary>
public sealed partial class WordVectors
{
    /// <summary>Most frequent tokens kept (size: <c>MaxVocabulary × dims</c> bytes).</summary>
    public const int MaxVocabulary = 40_000;
    /// <summary>A token needs this many occurrences in the training texts to get a vector.</summary>
    public const int MinCount = 5;
    /// <summary>Context words on each side.</summary>
    public const int Window = 5;
    private const int Oversample = 12, Iterations = 4, Seed = 20261207;
    private const float Quantum = 127f;
    private static ReadOnlySpan<byte> Magic => "LWV1"u8;
    private static ReadOnlySpan<byte> MagicWithClusters => "LWV2"u8;

    private readonly uint[] _keys;
    private readonly sbyte[] _components;
    private readonly ushort[] _clusters; // per word; empty when the table has no clusters
    // The components as floats (the same integers: sums of them are exact), so a text's sum is one vector add per word:
    // a scalar loop over the bytes made the model 0.83× the hashed-only model's rate, widening them per word 0.84×, this 0.91×.
    // Made on first use: a folded model (FoldedWordVectors) never sums vectors, and 4 bytes a component was load time it paid for nothing.
    private float[]? _wide;
    private readonly int[] _slots; // open addressing over the keys: vocabulary index + 1, 0 = empty
    private readonly int _mask;

    private WordVectors(uint[] keys, sbyte[] components, int dims, ushort[]? clusters = null)
    {
        _keys = keys;
        _components = components;
        _clusters = clusters ?? [];

        Dimensions = dims;
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, keys.Length * 2));
        _slots = new int[size];
        _mask = size - 1;
        for (var v = 0; v < keys.Length; v++)
        {
            var i = Slot(keys[v]);
            while (_slots[i] != 0) i = (i + 1) & _mask;
            _slots[i] = v + 1;
        }
    }

    public int Dimensions { get; }

    private float[] Wide => LazyInitializer.EnsureInitialized(ref _wide, () =>
    {
        var wide = new float[_components.Length];
        for (var i = 0; i < wide.Length; i++) wide[i] = _components[i];
        return wide;
    });

    public int Count => _keys.Length;

    /// <summary>How many word clusters the table holds (0: none; <see cref="WithClusters"/>).</summary>
    public int ClusterCount { get; private init; }

    /// <summary>The cluster of vocabulary entry <paramref name="index"/> (needs <see cref="ClusterCount"/> &gt; 0).</summary>
    public int Cluster(int index) => _clusters[index];

    // The keys are Murmur-finished hashes already: their bits are well spread.
    private int Slot(uint key) => (int)(key ^ (key >> 17)) & _mask;

    /// <summary>The vocabulary index of a token hash, or −1.</summary>
    public int IndexOf(uint key)
    {
        for (var i = Slot(key); ; i = (i + 1) & _mask)
        {
            var v = _slots[i];
            if (v == 0) return -1;
            if (_keys[v - 1] == key) return v - 1;
        }
    }

    /// <summary>The token hash of vocabulary entry <paramref name="index"/>.</summary>
    public uint Key(int index) => _keys[index];

    /// <summary>The quantised vector of vocabulary entry <paramref name="index"/>.</summary>
    public ReadOnlySpan<sbyte> Vector(int index) => _components.AsSpan(index * Dimensions, Dimensions);

    /// <summary>
    /// Writes the L2-normalised mean of the known tokens' vectors into <paramref name="mean"/> and returns how many tokens
    /// were known (0: <paramref name="mean"/> is all zeros).
    /// </summary>
    public int Mean(ReadOnlySpan<uint> tokens, Span<float> mean)
    {
        var known = Sum(tokens, mean);
        if (known == 0) return 0;
        double norm = 0;
        foreach (var x in mean) norm += x * (double)x;
        if (norm == 0) return known;
        var scale = (float)(1 / Math.Sqrt(norm));
        for (var d = 0; d < mean.Length; d++) mean[d] *= scale;
        return known;
    }

    /// <summary>
    /// Writes the plain mean of the known tokens' vectors (their sum over their count; a word's vector has norm ≈ 1, the
    /// components read as byte / <see cref="Quantum"/>) into <paramref name="mean"/> and returns how many tokens were known
    /// (0: <paramref name="mean"/> is all zeros). Linear in the words, unlike <see cref="Mean"/>: a model's class scores for
    /// this block are the mean of each known word's own scores (<see cref="Fold"/>).
    /// </summary>
    public int MeanByCount(ReadOnlySpan<uint> tokens, Span<float> mean)
    {
        var known = Sum(tokens, mean);
        if (known == 0) return 0;
        System.Numerics.Tensors.TensorPrimitives.Multiply(mean, 1f / (Quantum * known), mean);
        return known;
    }

    /// <summary>Writes the sum of the known tokens' vectors (as stored, unscaled) into <paramref name="sum"/>; returns how many were known.</summary>
    private int Sum(ReadOnlySpan<uint> tokens, Span<float> sum)
    {
        sum.Clear();
        var known = 0;
        var wide = Wide;
        foreach (var token in tokens)
        {
            var index = IndexOf(token);
            if (index < 0) continue;
            known++;
            System.Numerics.Tensors.TensorPrimitives.Add(sum, wide.AsSpan(index * Dimensions, Dimensions), sum);
        }
        return known;
    }

    /// <summary>
    /// Each word's contribution to the class scores of a model whose weights read the <see cref="MeanByCount"/> block at
    /// <paramref name="offset"/>: [word × classes + class] = Σ_d component_d / <see cref="Quantum"/> × weight[offset + d, class],
    /// summed in double. <paramref name="weights"/> is laid out [feature × classes + class].
    /// </summary>
    public float[] Fold(ReadOnlySpan<float> weights, int offset, int classes)
    {
        if ((long)(offset + Dimensions) * classes > weights.Length) throw new ArgumentException($"the weights have no block of {Dimensions} features at {offset}", nameof(weights));
        var table = new float[Count * classes];
        for (var w = 0; w < Count; w++)
        {
            var vector = _components.AsSpan(w * Dimensions, Dimensions); // the bytes as doubles: the same values as the float copy
            for (var c = 0; c < classes; c++)
            {
                double sum = 0;
                for (var d = 0; d < Dimensions; d++) sum += vector[d] * (double)weights[(offset + d) * classes + c];
                table[w * classes + c] = (float)(sum / Quantum);
            }
        }
        return table;
    }

    /// <summary>This table with every component zero (for checking that a model's predictions depend on its vectors).</summary>
    public WordVectors Zeroed() => new(_keys, new sbyte[_components.Length], Dimensions, _clusters) { ClusterCount = ClusterCount };

    /// <summary>
    /// The same vectors with each word assigned to one of <paramref name="clusters"/> clusters by spherical k-means
    /// (cosine; started from words spread evenly over the frequency ranks, <see cref="KMeansIterations"/> rounds; ties to
    /// the lower cluster): a cluster is a sparse feature a linear model can weigh on its own, where a mean vector is one
    /// direction for the whole text. Deterministic: assignments are independent per word, centroids summed in word order.
    /// </summary>
    public WordVectors WithClusters(int clusters)
    {
        if (clusters <= 0 || clusters > ushort.MaxValue) throw new ArgumentOutOfRangeException(nameof(clusters));
        var n = Count;
        var dims = Dimensions;
        var k = Math.Min(clusters, Math.Max(n, 1));
        var points = new float[n * dims];
        for (var i = 0; i < points.Length; i++) points[i] = _components[i] / Quantum;
        var centroids = new float[k * dims];
        for (var c = 0; c < k; c++) points.AsSpan((int)((long)c * n / k) * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
        var assignment = new ushort[n];
        for (var round = 0; round < KMeansIterations; round++)
        {
            Parallel.For(0, n, w =>
            {
                var point = points.AsSpan(w * dims, dims);
                var best = 0;
                var bestDot = float.NegativeInfinity;
                for (var c = 0; c < k; c++)
                {
                    var dot = System.Numerics.Tensors.TensorPrimitives.Dot(point, centroids.AsSpan(c * dims, dims));
                    if (dot > bestDot) { bestDot = dot; best = c; }
                }
                assignment[w] = (ushort)best;
            });
            var sums = new double[k * dims];
            for (var w = 0; w < n; w++)
            {
                var sum = sums.AsSpan(assignment[w] * dims, dims);
                var point = points.AsSpan(w * dims, dims);
                for (var d = 0; d < dims; d++) sum[d] += point[d];
            }
            for (var c = 0; c < k; c++)
            {
                var sum = sums.AsSpan(c * dims, dims);
                double norm = 0;
                foreach (var x in sum) norm += x * x;
                if (norm == 0) continue; // an empty cluster keeps its centroid
                var scale = 1 / Math.Sqrt(norm);
                for (var d = 0; d < dims; d++) centroids[c * dims + d] = (float)(sum[d] * scale);
            }
        }
        return new WordVectors(_keys, _components, dims, assignment) { ClusterCount = k };
    }

    public const int KMeansIterations = 10;

    public byte[] ToBytes()
    {
        var clustered = ClusterCount > 0;
        var bytes = new byte[12 + _keys.Length * 4 + _components.Length + (clustered ? 4 + 2 * _keys.Length : 0)];
        (clustered ? MagicWithClusters : Magic).CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), _keys.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Dimensions);
        for (var v = 0; v < _keys.Length; v++) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12 + 4 * v), _keys[v]);
        for (var k = 0; k < _components.Length; k++) bytes[12 + 4 * _keys.Length + k] = unchecked((byte)_components[k]);
        if (clustered)
        {
            var at = 12 + 4 * _keys.Length + _components.Length;
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), ClusterCount);
            for (var v = 0; v < _keys.Length; v++) BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at + 4 + 2 * v), _clusters[v]);
        }
        return bytes;
    }

    public static WordVectors FromBytes(byte[] bytes, int dims)
    {
        if (bytes.Length < 12) throw new InvalidDataException("not a word-vector table");
        var clustered = bytes.AsSpan(0, 4).SequenceEqual(MagicWithClusters);
        if (!clustered && !bytes.AsSpan(0, 4).SequenceEqual(Magic)) throw new InvalidDataException("not a word-vector table");
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        var stored = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (stored != dims) throw new InvalidDataException($"word vectors have {stored} dimensions, the featurizer {dims}");
        if (bytes.Length != 12 + (long)count * (4 + dims) + (clustered ? 4 + 2L * count : 0)) throw new InvalidDataException("word-vector table truncated");
        var keys = new uint[count];
        for (var v = 0; v < count; v++) keys[v] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(12 + 4 * v));
        var components = new sbyte[count * dims];
        for (var k = 0; k < components.Length; k++) components[k] = unchecked((sbyte)bytes[12 + 4 * count + k]);
        if (!clustered) return new WordVectors(keys, components, dims);
        var at = 12 + 4 * count + components.Length;
        var clusterCount = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
        var clusters = new ushort[count];
        for (var v = 0; v < count; v++) clusters[v] = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 4 + 2 * v));
        return new WordVectors(keys, components, dims, clusters) { ClusterCount = clusterCount };
    }
}
