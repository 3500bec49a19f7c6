namespace Listening.Ml.Features;

/// <summary>
/// Inverse document frequency per hashed bucket (<see cref="FeaturizerOptions.Idf"/>): idf = 1 + ln((1 + N) / (1 + df)) over the
/// N training texts, as scikit-learn's smoothed TF-IDF, quantised to 1/16 in one byte per bucket (1 MB for 2^20 buckets, stored
/// in the model zip as <see cref="Prediction.SentimentModel.IdfEntry"/>). Training featurises with the quantised values too, so
/// a model scores exactly the vectors it was trained on. Deterministic: integer document counts, summed in a fixed order.
/// </summary>
public sealed class IdfTable
{
    /// <summary>Quantisation step: a byte holds idf × 16 (idf ≤ 15.9, enough for 1 + ln(10^6)).</summary>
    public const float Step = 1f / 16;

    private static readonly float[] Values = Enumerable.Range(0, 256).Select(q => q * Step).ToArray();
    private readonly byte[] _quantised;

    private IdfTable(byte[] quantised) => _quantised = quantised;

    public int Length => _quantised.Length;

    /// <summary>The idf of bucket <paramref name="index"/>.</summary>
    public float this[int index] => Values[_quantised[index]];

    public byte[] ToBytes() => (byte[])_quantised.Clone();

    public static IdfTable FromBytes(byte[] bytes, int dimension) =>
        bytes.Length == dimension ? new IdfTable((byte[])bytes.Clone())
            : throw new InvalidDataException($"idf table has {bytes.Length} buckets, the featurizer {dimension}");

    /// <summary>The modes <see cref="Fit"/> takes (<see cref="FitNaiveBayes"/> is "nb").</summary>
    public static readonly string[] Modes = ["ngrams", "all", "ngrams-capped", "ngrams-sqrt"];

    /// <summary>
    /// Counts in how many of <paramref name="texts"/> each bucket occurs (<paramref name="featurizer"/>'s features, its own idf
    /// ignored). Mode "ngrams": context and cue buckets get the mean idf of the n-gram features over all texts (a bucket an n-gram
    /// and a cue share counts as a cue bucket); "all": every bucket its own idf.
    /// "ngrams-capped" (round 16): as "ngrams", but no bucket above that mean — the common n-grams are still discounted, a rare
    /// one is never lifted. In a hashed space a rare bucket is mostly collisions and, at scoring, the text's unseen n-grams
    /// (a bucket no training text reached has the largest idf of all); lifting them shrinks the learnt features of a long review
    /// from a new source (round 16: idf lost on bank reviews, banki ASTE and cars). "ngrams-sqrt" (round 16): the square root of
    /// the "ngrams" weights — the same order, half the log range (an unseen bucket weighs ≈ 2× a common one, not ≈ 4×).
    /// </summary>
    public static IdfTable Fit(TextFeaturizer featurizer, IReadOnlyList<string> texts, string mode, Action<string>? log = null)
    {
        if (!Modes.Contains(mode)) throw new ArgumentException($"unknown idf mode '{mode}' ({string.Join(", ", Modes)}, nb)", nameof(mode));
        var dimension = featurizer.Options.Dimension;
        var df = new long[dimension];
        var cue = new bool[dimension];
        var gate = new object();
        // Chunks of texts per task; each task counts into its own arrays, merged under a lock (integer sums: order-free).
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, texts.Count, 8192), range =>
        {
            var scratch = new FeatureScratch();
            var local = new int[dimension];
            var seen = new int[dimension];
            var localCue = new List<int>();
            for (var i = range.Item1; i < range.Item2; i++)
            {
                featurizer.CollectRaw(texts[i], scratch, out var ngrams, out var rest);
                var stamp = i + 1;
                foreach (var index in ngrams)
                {
                    if (seen[index] == stamp) continue;
                    seen[index] = stamp;
                    local[index]++;
                }
                foreach (var index in rest)
                {
                    localCue.Add((int)index);
                    if (mode == "all" && seen[index] != stamp)
                    {
                        seen[index] = stamp;
                        local[index]++;
                    }
                }
            }
            lock (gate)
            {
                for (var b = 0; b < dimension; b++) df[b] += local[b];
                foreach (var b in localCue) cue[b] = true;
            }
        });

        var n = texts.Count;
        var idf = new double[dimension];
        double weighted = 0, occurrences = 0;
        for (var b = 0; b < dimension; b++)
        {
            idf[b] = 1 + Math.Log((1.0 + n) / (1.0 + df[b]));
            if (!cue[b]) { weighted += df[b] * idf[b]; occurrences += df[b]; }
        }
        var meanNgram = occurrences > 0 ? weighted / occurrences : 1;
        log?.Invoke($"idf: mean n-gram idf {meanNgram:F3} over {n:N0} texts (an unseen bucket {1 + Math.Log(1.0 + n):F3})");
        var quantised = new byte[dimension];
        for (var b = 0; b < dimension; b++)
        {
            var value = mode != "all" && cue[b] ? meanNgram : idf[b];
            if (mode == "ngrams-capped") value = Math.Min(value, meanNgram);
            else if (mode == "ngrams-sqrt") value = Math.Sqrt(value);
            quantised[b] = (byte)Math.Clamp((int)Math.Round(value / Step), 1, 255);
        }
        return new IdfTable(quantised);
    }

    /// <summary>
    /// Naive-Bayes feature weights (NBSVM, Wang and Manning 2012, for three classes): for each class c the log-count ratio
    /// r_c = ln((α + docs of c with the bucket) / |·|₁) − ln((α + docs of the other classes with it) / |·|₁), α = 1, and the
    /// bucket's weight max_c |r_c| — how strongly its presence tells one class from the rest. Stopwords and n-grams spread
    /// evenly over the classes fall towards 0, opinion words rise; applied before the L2 normalisation like the idf.
    /// </summary>
    public static IdfTable FitNaiveBayes(TextFeaturizer featurizer, IReadOnlyList<string> texts, IReadOnlyList<int> labels, int classes = 3)
    {
        if (labels.Count != texts.Count) throw new ArgumentException("one label per text", nameof(labels));
        var dimension = featurizer.Options.Dimension;
        var counts = new long[classes][];
        for (var c = 0; c < classes; c++) counts[c] = new long[dimension];
        var gate = new object();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, texts.Count, 8192), range =>
        {
            var scratch = new FeatureScratch();
            var local = new int[classes][];
            for (var c = 0; c < classes; c++) local[c] = new int[dimension];
            var seen = new int[dimension];
            for (var i = range.Item1; i < range.Item2; i++)
            {
                featurizer.CollectRaw(texts[i], scratch, out _, out _);
                var stamp = i + 1;
                var row = local[labels[i]];
                foreach (var index in scratch.Raw)
                {
                    if (seen[index] == stamp) continue;
                    seen[index] = stamp;
                    row[index]++;
                }
            }
            lock (gate)
            {
                for (var c = 0; c < classes; c++)
                    for (var b = 0; b < dimension; b++) counts[c][b] += local[c][b];
            }
        });

        const double alpha = 1;
        var totals = new double[classes];
        for (var c = 0; c < classes; c++)
            for (var b = 0; b < dimension; b++) totals[c] += counts[c][b] + alpha;
        var all = totals.Sum() - (classes - 1) * alpha * dimension; // Σ over classes of the counts, + α once
        var quantised = new byte[dimension];
        for (var b = 0; b < dimension; b++)
        {
            long sum = 0;
            for (var c = 0; c < classes; c++) sum += counts[c][b];
            double best = 0;
            for (var c = 0; c < classes; c++)
            {
                var inClass = (alpha + counts[c][b]) / totals[c];
                var restTotal = all - totals[c] + alpha * dimension;
                var outside = (alpha + sum - counts[c][b]) / restTotal;
                best = Math.Max(best, Math.Abs(Math.Log(inClass / outside)));
            }
            quantised[b] = (byte)Math.Clamp((int)Math.Round(best / Step), 1, 255);
        }
        return new IdfTable(quantised);
    }
}
