using System.Numerics;
using System.Runtime.InteropServices;
using Listening.Ml.Features;

namespace Listening.Ml.Prediction;

/// <summary>
/// A language model's class scores for its count-mean word-vector block (<see cref="FeaturizerOptions.VectorCountMean"/>),
/// folded per word at load time: the block is the plain mean of the known words' vectors, so its dot product with the
/// block's weights is the mean of each word's own dot product — three floats a word, read once per token, instead of a
/// <c>dims</c>-wide vector sum and a <c>dims</c>-feature product per text (round 11's L2-normalised block made the model
/// 0.92× the hashed-only model's rate). Equal to reading the dense block to float rounding (tested).
/// </summary>
public sealed class FoldedWordVectors
{
    // Open addressing over the word keys with each word's three scores beside its key (16 bytes, four to a cache line), so
    // a token costs one memory access; the vocabulary's own index (slots → keys → vectors) would cost three.
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public uint Key;
        public float Negative, Neutral, Positive;
    }

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly uint _empty; // a key no word has: marks a free slot

    private FoldedWordVectors(WordVectors vectors, float[] scores)
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

    /// <summary>Folds the block at <paramref name="offset"/> of a three-class model's <paramref name="weights"/>.</summary>
    public static FoldedWordVectors Fold(WordVectors vectors, LinearWeights weights, int offset)
    {
        if (weights.Classes != FeatureRow.Classes) throw new ArgumentException($"a folded block needs {FeatureRow.Classes} classes", nameof(weights));
        return new FoldedWordVectors(vectors, vectors.Fold(weights.Weights, offset, weights.Classes));
    }

    /// <summary>The block's class scores for a text's tokens (zeros when no token is known, as the block is then absent).</summary>
    public (double Negative, double Neutral, double Positive) Scores(ReadOnlySpan<uint> tokens)
    {
        double z0 = 0, z1 = 0, z2 = 0;
        var known = 0;
        var entries = _entries.AsSpan();
        foreach (var token in tokens)
        {
            for (var i = Slot(token); ; i = (i + 1) & _mask)
            {
                ref readonly var entry = ref entries[i];
                if (entry.Key == _empty) break; // first: a token that happens to equal the marker is unknown
                if (entry.Key != token) continue;
                known++;
                z0 += entry.Negative;
                z1 += entry.Neutral;
                z2 += entry.Positive;
                break;
            }
        }
        return known == 0 ? (0, 0, 0) : (z0 / known, z1 / known, z2 / known);
    }
}
