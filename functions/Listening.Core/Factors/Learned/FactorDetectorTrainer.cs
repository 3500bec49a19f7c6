namespace Listening.Core.Factors.Learned;

/// <summary>
/// One labelled training item: its feature buckets (<see cref="FactorFeatures"/>), the factors its label names and the
/// factors the rules found; <paramref name="Known"/> the factors its label speaks for (null: every factor — a story's label
/// is complete; a public dataset's says nothing about the factors its scheme has no category for), and how much it weighs.
/// </summary>
public sealed record FactorExample(FeatureVector Features, IReadOnlySet<string> Factors, IReadOnlySet<string> Found,
    IReadOnlySet<string>? Known = null, float Weight = 1f);

/// <summary>
/// How the detector is trained. Fixed before any held-out figure was seen (see ml-models/factors/README.md): the
/// thresholds are the plain 0.5 of a probability, the rest the usual AdaGrad defaults for hashed text features.
/// </summary>
public sealed record FactorTraining
{
    public int Epochs { get; init; } = 10;
    public float LearningRate { get; init; } = 0.2f;
    public float L2 { get; init; } = 1e-4f;
    /// <summary>A bucket needs this many training items to get weights (singletons only memorise their item).</summary>
    public int MinCount { get; init; } = 2;
    public float AddAbove { get; init; } = 0.5f;
    public float DropBelow { get; init; } = 0.5f;
    /// <summary>
    /// Folds of stories (dealt round-robin) over which <see cref="LeaveOneStoryOut.ChooseThresholds"/> chooses the
    /// thresholds on the training stories alone; 0 or 1 = keep <see cref="AddAbove"/> and <see cref="DropBelow"/>.
    /// </summary>
    public int InnerFolds { get; init; } = 5;
    /// <summary>The add thresholds the inner folds choose from (null: <see cref="LeaveOneStoryOut.AddGrid"/>).</summary>
    public IReadOnlyList<float>? AddGrid { get; init; }
    /// <summary>The drop thresholds the inner folds choose from (null: <see cref="LeaveOneStoryOut.DropGrid"/>).</summary>
    public IReadOnlyList<float>? DropGrid { get; init; }
    /// <summary>How much the threshold choice weighs a factor's count falling below min(rules, labels) against F1 (0: F1 alone).</summary>
    public double ShortfallWeight { get; init; }
    /// <summary>
    /// A bucket needs items from this many sources (stories, public datasets) to get weights: a word only one domain uses
    /// teaches that domain's vocabulary, which an unseen domain does not share (0 or 1: any source).
    /// </summary>
    public int MinSources { get; init; }
    /// <summary>
    /// The word classes the examples' features were computed with (<see cref="LeaveOneStoryOut.Examples"/>): the model
    /// carries them, so it reads an item as it was trained to (null: no classes).
    /// </summary>
    public WordClasses? Classes { get; init; }
    /// <summary>
    /// Whether the examples' features read the item's channel (<see cref="LeaveOneStoryOut.Examples"/>): the model says so,
    /// so the detector gives it the channel it was trained with (false: no channel, as before round 19).
    /// </summary>
    public bool Channels { get; init; }
    public static FactorTraining Default { get; } = new();
}

/// <summary>
/// Trains one L2-regularised logistic regression per factor with AdaGrad over the items in the order given, a fixed
/// number of passes: no shuffling and no randomness, so the same items give the same weights, bit for bit.
/// </summary>
public static class FactorDetectorTrainer
{
    public static FactorDetectorModel Train(IReadOnlyList<FactorExample> examples, IReadOnlyList<string> factors, FactorTraining? options = null) =>
        Train([examples], factors, options);

    /// <summary>Trained on every source's items, the sources in the order given (a source: one story or one public dataset).</summary>
    public static FactorDetectorModel Train(IReadOnlyList<IReadOnlyList<FactorExample>> sources, IReadOnlyList<string> factors, FactorTraining? options = null)
    {
        options ??= FactorTraining.Default;
        var n = factors.Count;
        var examples = sources.SelectMany(s => s).ToList();
        var counts = new Dictionary<int, int>();
        // In how many sources each bucket occurs, and the last source that counted it.
        var spread = new Dictionary<int, (int Sources, int Last)>();
        for (var s = 0; s < sources.Count; s++)
            foreach (var e in sources[s])
                foreach (var b in e.Features.Buckets.Concat(e.Features.Own.SelectMany(o => o).Distinct()))
                {
                    counts[b] = counts.GetValueOrDefault(b) + 1;
                    var (seen, last) = spread.GetValueOrDefault(b, (0, -1));
                    if (last != s) spread[b] = (seen + 1, s);
                }
        var kept = counts.Where(kv => kv.Value >= options.MinCount && spread[kv.Key].Sources >= options.MinSources).Select(kv => kv.Key).Order().ToArray();
        var index = new Dictionary<int, int>(kept.Length);
        for (var i = 0; i < kept.Length; i++) index[kept[i]] = i;
        // Each example's kept features as dense indices, computed once.
        var dense = examples.Select(e => e.Features.Buckets.Where(index.ContainsKey).Select(b => index[b]).ToArray()).ToArray();
        var values = examples.Select(e => e.Features.Buckets.Select((b, k) => (b, k)).Where(x => index.ContainsKey(x.b)).Select(x => e.Features.Values[x.k]).ToArray()).ToArray();
        var owned = examples.Select(e => e.Features.Own.Select(o => o.Where(index.ContainsKey).Select(b => index[b]).ToArray()).ToArray()).ToArray();
        var targets = examples.Select(e => factors.Select(f => e.Factors.Contains(f) ? 1f : 0f).ToArray()).ToArray();
        // Which factors each item's label speaks for, and its weight: an unknown factor's gradient is not taken.
        var known = examples.Select(e => factors.Select(f => e.Known is null || e.Known.Contains(f)).ToArray()).ToArray();
        var weight = examples.Select(e => e.Weight).ToArray();

        var w = new float[kept.Length * n];
        var g2 = new float[kept.Length * n];
        var bias = new float[n];
        var biasG2 = new float[n];
        var logits = new float[n];
        const float eps = 1e-6f;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            for (var i = 0; i < dense.Length; i++)
            {
                var features = dense[i];
                var value = values[i];
                Array.Copy(bias, logits, n);
                for (var x = 0; x < features.Length; x++)
                    for (var f = 0; f < n; f++) logits[f] += value[x] * w[features[x] * n + f];
                for (var f = 0; f < n; f++)
                    foreach (var j in owned[i][f]) logits[f] += w[j * n + f];
                for (var f = 0; f < n; f++)
                {
                    if (!known[i][f]) continue;
                    var g = weight[i] * (FactorDetectorModel.Probability(logits[f]) - targets[i][f]);
                    biasG2[f] += g * g;
                    bias[f] -= options.LearningRate * g / MathF.Sqrt(biasG2[f] + eps);
                    for (var x = 0; x < features.Length; x++)
                    {
                        var k = features[x] * n + f;
                        var grad = g * value[x] + options.L2 * w[k];
                        g2[k] += grad * grad;
                        w[k] -= options.LearningRate * grad / MathF.Sqrt(g2[k] + eps);
                    }
                    foreach (var j in owned[i][f])
                    {
                        var k = j * n + f;
                        var grad = g + options.L2 * w[k];
                        g2[k] += grad * grad;
                        w[k] -= options.LearningRate * grad / MathF.Sqrt(g2[k] + eps);
                    }
                }
            }
        }
        var weights = new Dictionary<int, float[]>(kept.Length);
        for (var i = 0; i < kept.Length; i++) weights[kept[i]] = w.AsSpan(i * n, n).ToArray();
        return new FactorDetectorModel(factors, bias, weights, [.. factors.Select(_ => options.AddAbove)], [.. factors.Select(_ => options.DropBelow)], options.Classes, options.Channels);
    }
}
