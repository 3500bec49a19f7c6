namespace Listening.Ml.Features;

/// <summary>Learning the vectors (<see cref="WordVectors"/>): co-occurrence counts, positive PMI, a truncated eigendecomposition.</summary>
public sealed partial class WordVectors
{
    /// <summary>
    /// Learns <paramref name="dims"/>-dimensional vectors from token-hash sequences (one per text, in a fixed order) for the
    /// <paramref name="maxVocabulary"/> most frequent tokens (<see cref="FeaturizerOptions.VectorVocabulary"/>).
    /// </summary>
    public static WordVectors Fit(IEnumerable<uint[]> texts, int dims, Action<string>? log = null, int maxVocabulary = MaxVocabulary)
    {
        if (dims <= 0) throw new ArgumentOutOfRangeException(nameof(dims));
        if (maxVocabulary <= 0) throw new ArgumentOutOfRangeException(nameof(maxVocabulary));
        var corpus = texts as IReadOnlyList<uint[]> ?? texts.ToList();

        // Vocabulary: the most frequent tokens (ties by hash, so the order never depends on the dictionary).
        var frequency = new Dictionary<uint, int>();
        foreach (var text in corpus)
            foreach (var token in text)
                frequency[token] = frequency.GetValueOrDefault(token) + 1;
        var keys = frequency.Where(kv => kv.Value >= MinCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Take(maxVocabulary).Select(kv => kv.Key).ToArray();
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
