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
public sealed class WordVectors
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
    private readonly float[] _wide;
    private readonly int[] _slots; // open addressing over the keys: vocabulary index + 1, 0 = empty
    private readonly int _mask;

    private WordVectors(uint[] keys, sbyte[] components, int dims, ushort[]? clusters = null)
    {
        _keys = keys;
        _components = components;
        _clusters = clusters ?? [];
        _wide = new float[components.Length];
        for (var i = 0; i < components.Length; i++) _wide[i] = components[i];

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
        mean.Clear();
        var known = 0;
        foreach (var token in tokens)
        {
            var index = IndexOf(token);
            if (index < 0) continue;
            known++;
            System.Numerics.Tensors.TensorPrimitives.Add(mean, _wide.AsSpan(index * Dimensions, Dimensions), mean);
        }
        if (known == 0) return 0;
        double norm = 0;
        foreach (var x in mean) norm += x * (double)x;
        if (norm == 0) return known;
        var scale = (float)(1 / Math.Sqrt(norm));
        for (var d = 0; d < mean.Length; d++) mean[d] *= scale;
        return known;
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

    /// <summary>
    /// Learns <paramref name="dims"/>-dimensional vectors from token-hash sequences (one per text, in a fixed order).
    /// </summary>
    public static WordVectors Fit(IEnumerable<uint[]> texts, int dims, Action<string>? log = null)
    {
        if (dims <= 0) throw new ArgumentOutOfRangeException(nameof(dims));
        var corpus = texts as IReadOnlyList<uint[]> ?? texts.ToList();

        // Vocabulary: the most frequent tokens (ties by hash, so the order never depends on the dictionary).
        var frequency = new Dictionary<uint, int>();
        foreach (var text in corpus)
            foreach (var token in text)
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
        var keys = frequency.Where(kv => kv.Value >= MinCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Take(MaxVocabulary).Select(kv => kv.Key).ToArray();
        var vocabulary = keys.Length;
        if (vocabulary == 0) return new WordVectors([], [], dims);
        var index = new Dictionary<uint, int>(vocabulary);
        for (var v = 0; v < vocabulary; v++) index[keys[v]] = v;

        // Co-occurrences within the window, each unordered pair once (a < b), as integer counts.
        var pairs = new Dictionary<long, int>();
        var ids = new List<int>();
        foreach (var text in corpus)
        {
            ids.Clear();
            foreach (var token in text) ids.Add(index.TryGetValue(token, out var v) ? v : -1);
            for (var i = 0; i < ids.Count; i++)
            {
                var a = ids[i];
                if (a < 0) continue;
                for (var j = i + 1; j < ids.Count && j <= i + Window; j++)
                {
                    var b = ids[j];
                    if (b < 0 || b == a) continue;
                    var key = a < b ? (long)a * vocabulary + b : (long)b * vocabulary + a;
                    pairs[key] = pairs.GetValueOrDefault(key) + 1;
                }
            }
        }
        log?.Invoke($"word vectors: {corpus.Count:N0} texts, {vocabulary:N0} words, {pairs.Count:N0} co-occurring pairs");

        var matrix = Ppmi(pairs, vocabulary);
        var vectors = TopEigenvectors(matrix, vocabulary, dims);
        return new WordVectors(keys, Quantise(vectors, vocabulary, dims), dims);
    }

    /// <summary>A symmetric sparse matrix, rows in CSR form with ascending columns.</summary>
    private sealed record Sparse(int[] RowStart, int[] Columns, float[] Values);

    /// <summary>Positive PMI with the ^0.75-smoothed unigram distribution on both sides (so the matrix stays symmetric).</summary>
    private static Sparse Ppmi(Dictionary<long, int> pairs, int vocabulary)
    {
        var rowCount = new long[vocabulary];
        var entries = new int[vocabulary];
        double total = 0;
        foreach (var (key, n) in pairs)
        {
            int a = (int)(key / vocabulary), b = (int)(key % vocabulary);
            rowCount[a] += n; rowCount[b] += n;
            entries[a]++; entries[b]++;
            total += 2.0 * n;
        }
        var smoothed = new double[vocabulary];
        double smoothedTotal = 0;
        for (var v = 0; v < vocabulary; v++) smoothedTotal += smoothed[v] = Math.Pow(rowCount[v], 0.75);
        var logTotal = Math.Log(total);
        var logSmoothed = smoothed.Select(s => Math.Log(s / smoothedTotal)).ToArray();

        var start = new int[vocabulary + 1];
        for (var v = 0; v < vocabulary; v++) start[v + 1] = start[v] + entries[v];
        var fill = (int[])start.Clone();
        var columns = new int[start[vocabulary]];
        var values = new float[start[vocabulary]];
        foreach (var (key, n) in pairs)
        {
            int a = (int)(key / vocabulary), b = (int)(key % vocabulary);
            var pmi = (float)Math.Max(0, Math.Log(n) - logTotal - logSmoothed[a] - logSmoothed[b]);
            columns[fill[a]] = b; values[fill[a]++] = pmi;
            columns[fill[b]] = a; values[fill[b]++] = pmi;
        }
        // Ascending columns per row: the products below sum in a fixed order whatever the dictionary's.
        for (var v = 0; v < vocabulary; v++) Array.Sort(columns, values, start[v], entries[v]);
        return new Sparse(start, columns, values);
    }

    /// <summary>
    /// The <paramref name="dims"/> eigenvectors of largest |λ| by subspace iteration, each scaled by √|λ|; row-major
    /// [word × dims]. Fewer words than dimensions leave the extra dimensions zero.
    /// </summary>
    private static double[] TopEigenvectors(Sparse m, int n, int dims)
    {
        var k = Math.Min(dims + Oversample, n);
        var random = new Random(Seed);
        var q = new double[n * k];
        for (var i = 0; i < q.Length; i++) q[i] = random.NextDouble() - 0.5;
        var y = new double[n * k];
        Orthonormalise(q, n, k);
        for (var it = 0; it < Iterations; it++)
        {
            Multiply(m, q, y, n, k);
            (q, y) = (y, q);
            Orthonormalise(q, n, k);
        }
        // B = Qᵀ M Q, its eigenvectors rotate Q onto M's.
        Multiply(m, q, y, n, k);
        var b = Gram(q, y, n, k);
        var (lambda, u) = Jacobi(b, k);
        var order = Enumerable.Range(0, k).OrderByDescending(c => Math.Abs(lambda[c])).ThenBy(c => c).Take(dims).ToArray();
        var result = new double[n * dims];
        for (var r = 0; r < n; r++)
            for (var d = 0; d < order.Length; d++)
            {
                var c = order[d];
                double sum = 0;
                for (var j = 0; j < k; j++) sum += q[r * k + j] * u[j * k + c];
                result[r * dims + d] = sum * Math.Sqrt(Math.Abs(lambda[c]));
            }
        return result;
    }

    /// <summary>y = M x for row-major n × k blocks; rows in parallel, each row's sum in column order (deterministic).</summary>
    private static void Multiply(Sparse m, double[] x, double[] y, int n, int k) =>
        Parallel.For(0, n, r =>
        {
            var row = y.AsSpan(r * k, k);
            row.Clear();
            for (var e = m.RowStart[r]; e < m.RowStart[r + 1]; e++)
            {
                var w = (double)m.Values[e];
                var other = x.AsSpan(m.Columns[e] * k, k);
                for (var j = 0; j < k; j++) row[j] += w * other[j];
            }
        });

    /// <summary>aᵀ b (k × k) for row-major n × k blocks, summed over rows in order.</summary>
    private static double[] Gram(double[] a, double[] b, int n, int k)
    {
        var g = new double[k * k];
        for (var r = 0; r < n; r++)
        {
            var ar = a.AsSpan(r * k, k);
            var br = b.AsSpan(r * k, k);
            for (var i = 0; i < k; i++)
            {
                var x = ar[i];
                if (x == 0) continue;
                var gi = g.AsSpan(i * k, k);
                for (var j = 0; j < k; j++) gi[j] += x * br[j];
            }
        }
        // Symmetrise the rounding.
        for (var i = 0; i < k; i++)
            for (var j = i + 1; j < k; j++) g[i * k + j] = g[j * k + i] = (g[i * k + j] + g[j * k + i]) / 2;
        return g;
    }

    /// <summary>
    /// Orthonormal columns spanning the block's (Gram eigendecomposition, twice for accuracy: Y U Λ^-½); columns
    /// of a rank-deficient block come out zero.
    /// </summary>
    private static void Orthonormalise(double[] y, int n, int k)
    {
        var row = new double[k];
        for (var pass = 0; pass < 2; pass++)
        {
            var (lambda, u) = Jacobi(Gram(y, y, n, k), k);
            var max = lambda.Max();
            var t = new double[k * k];
            for (var j = 0; j < k; j++)
            {
                if (lambda[j] <= max * 1e-12) continue;
                var s = 1 / Math.Sqrt(lambda[j]);
                for (var i = 0; i < k; i++) t[i * k + j] = u[i * k + j] * s;
            }
            for (var r = 0; r < n; r++)
            {
                var yr = y.AsSpan(r * k, k);
                Array.Clear(row);
                for (var i = 0; i < k; i++)
                {
                    var x = yr[i];
                    if (x == 0) continue;
                    for (var j = 0; j < k; j++) row[j] += x * t[i * k + j];
                }
                row.CopyTo(yr);
            }
        }
    }

    /// <summary>Eigenvalues and eigenvectors (columns of u, row-major) of a symmetric k × k matrix, cyclic Jacobi.</summary>
    internal static (double[] Lambda, double[] U) Jacobi(double[] symmetric, int k)
    {
        var a = (double[])symmetric.Clone();
        var u = new double[k * k];
        for (var i = 0; i < k; i++) u[i * k + i] = 1;
        for (var sweep = 0; sweep < 60; sweep++)
        {
            double off = 0, diagonal = 0;
            for (var i = 0; i < k; i++)
            {
                diagonal += a[i * k + i] * a[i * k + i];
                for (var j = i + 1; j < k; j++) off += a[i * k + j] * a[i * k + j];
            }
            if (off <= 1e-30 * Math.Max(diagonal, 1e-300)) break;
            for (var p = 0; p < k; p++)
                for (var r = p + 1; r < k; r++)
                {
                    var apr = a[p * k + r];
                    if (apr == 0) continue;
                    var theta = (a[r * k + r] - a[p * k + p]) / (2 * apr);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var i = 0; i < k; i++)
                    {
                        double aip = a[i * k + p], air = a[i * k + r];
                        a[i * k + p] = c * aip - s * air;
                        a[i * k + r] = s * aip + c * air;
                    }
                    for (var i = 0; i < k; i++)
                    {
                        double api = a[p * k + i], ari = a[r * k + i];
                        a[p * k + i] = c * api - s * ari;
                        a[r * k + i] = s * api + c * ari;
                    }
                    for (var i = 0; i < k; i++)
                    {
                        double uip = u[i * k + p], uir = u[i * k + r];
                        u[i * k + p] = c * uip - s * uir;
                        u[i * k + r] = s * uip + c * uir;
                    }
                }
        }
        var lambda = new double[k];
        for (var i = 0; i < k; i++) lambda[i] = a[i * k + i];
        return (lambda, u);
    }

    /// <summary>Each word's vector L2-normalised, then × 127 rounded to a signed byte.</summary>
    private static sbyte[] Quantise(double[] vectors, int n, int dims)
    {
        var result = new sbyte[n * dims];
        for (var r = 0; r < n; r++)
        {
            var row = vectors.AsSpan(r * dims, dims);
            double norm = 0;
            foreach (var x in row) norm += x * x;
            if (norm == 0) continue;
            var scale = Quantum / Math.Sqrt(norm);
            for (var d = 0; d < dims; d++) result[r * dims + d] = (sbyte)Math.Clamp(Math.Round(row[d] * scale), -127, 127);
        }
        return result;
    }
}
