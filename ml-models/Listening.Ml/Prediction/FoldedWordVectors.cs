using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Listening.Ml.Features;

namespace Listening.Ml.Prediction;

/// <summary>
/// A model's class scores for its count-mean word-vector block (<see cref="FeaturizerOptions.VectorCountMean"/>), folded per
/// word and per language at load time: the block is the plain mean of the known words' vectors, so its dot product with the
/// block's weights is the mean of each word's own dot product — three floats a word and language, instead of a <c>dims</c>-wide
/// vector sum and a <c>dims</c>-feature product per text (round 11's L2-normalised block made the model 0.92× the hashed-only
/// model's rate). The scorer decides the text's language first and the featurizer adds each token's scores from that
/// language's table (<see cref="For"/>) while it hashes the token, so the tokens are read once. Equal to reading the dense
/// block to float rounding (tested).
/// </summary>
public sealed class FoldedWordVectors
{
    /// <summary>Languages one model may fold — round 12's limit, from when they shared a slot; a model with more still reads the
    /// block as dense features, as it did.</summary>
    public const int MaxLanguages = 2;

    private readonly Dictionary<string, FoldedLanguage> _languages;

    private FoldedWordVectors(Dictionary<string, FoldedLanguage> languages) => _languages = languages;

    /// <summary>
    /// Folds the block at <paramref name="offset"/> of each language's three-class <paramref name="weights"/>, one table a
    /// language; null when there are more than <see cref="MaxLanguages"/> (the block is then read as dense features).
    /// </summary>
    public static FoldedWordVectors? Fold(WordVectors vectors, IReadOnlyDictionary<string, LinearWeights> weights, int offset)
    {
        if (weights.Count is 0 or > MaxLanguages) return null;
        if (weights.Values.Any(w => w.Classes != FeatureRow.Classes)) throw new ArgumentException($"a folded block needs {FeatureRow.Classes} classes", nameof(weights));
        return new FoldedWordVectors(weights.ToDictionary(kv => kv.Key,
            kv => new FoldedLanguage(vectors, vectors.Fold(kv.Value.Weights, offset, FeatureRow.Classes))));
    }

    /// <summary>The table of <paramref name="language"/> (one the model has weights for).</summary>
    public FoldedLanguage For(string language) =>
        _languages.TryGetValue(language, out var table) ? table : throw new ArgumentException($"no folded block for language {language}", nameof(language));
}

/// <summary>
/// One language's folded scores (<see cref="FoldedWordVectors"/>): open addressing over the word keys with each word's three
/// scores beside its key — 16 bytes a slot, four to a cache line, so a token costs one memory access, and a table half the size
/// of one holding every language's scores (round 14's; that table's probe cost the candidate 3–5 % of the hashed-only rate).
/// </summary>
public sealed class FoldedLanguage
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public uint Key;
        public float Negative, Neutral, Positive;
    }

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly uint _empty; // a key no word has: marks a free slot

    internal FoldedLanguage(WordVectors vectors, float[] scores)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, vectors.Count + vectors.Count / 2));
        _mask = size - 1;
        while (vectors.IndexOf(_empty) >= 0) _empty++;
        _entries = new Entry[size];
        for (var i = 0; i < size; i++) _entries[i].Key = _empty;
        for (var w = 0; w < vectors.Count; w++)
        {
            var key = vectors.Key(w);
            var i = Slot(key);
            while (_entries[i].Key != _empty) i = (i + 1) & _mask;
            _entries[i] = new Entry { Key = key, Negative = scores[3 * w], Neutral = scores[3 * w + 1], Positive = scores[3 * w + 2] };
        }
    }

    // The keys are Murmur-finished hashes already: their bits are well spread.
    private int Slot(uint key) => (int)(key ^ (key >> 17)) & _mask;

    /// <summary>Adds a token's scores to <paramref name="sums"/> (nothing for a word the table does not know).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once a token: inlined, the sums stay in the featurizer's registers
    internal void Add(uint token, ref FoldedSums sums)
    {
        var entries = _entries;
        for (var i = Slot(token); ; i = (i + 1) & _mask)
        {
            ref readonly var entry = ref entries[i];
            if (entry.Key == _empty) return; // first: a token that happens to equal the marker is unknown
            if (entry.Key != token) continue;
            sums.Known++;
            sums.Negative += entry.Negative;
            sums.Neutral += entry.Neutral;
            sums.Positive += entry.Positive;
            return;
        }
    }

    /// <summary>The block's class scores from a text's sums (zeros when no token was known, as the block is then absent).</summary>
    public (double Negative, double Neutral, double Positive) Scores(in FoldedSums sums)
    {
        if (sums.Known == 0) return (0, 0, 0);
        var n = sums.Known;
        return (sums.Negative / n, sums.Neutral / n, sums.Positive / n);
    }
}

/// <summary>A text's sums of its known tokens' folded class scores in one language (<see cref="FoldedLanguage"/>), summed in token order.</summary>
public struct FoldedSums
{
    public int Known;
    public double Negative, Neutral, Positive;
}
