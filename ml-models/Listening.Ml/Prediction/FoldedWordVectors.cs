using System.Numerics;
using System.Runtime.InteropServices;
using Listening.Ml.Features;

namespace Listening.Ml.Prediction;

/// <summary>
/// A model's class scores for its count-mean word-vector block (<see cref="FeaturizerOptions.VectorCountMean"/>), folded per
/// word and per language at load time: the block is the plain mean of the known words' vectors, so its dot product with the
/// block's weights is the mean of each word's own dot product — three floats a word and language, instead of a <c>dims</c>-wide
/// vector sum and a <c>dims</c>-feature product per text (round 11's L2-normalised block made the model 0.92× the hashed-only
/// model's rate). The featurizer adds each token's scores while it hashes the token (<see cref="Add"/>), for every language at
/// once — the language is decided after the tokens — so the tokens are read once. Equal to reading the dense block to float
/// rounding (tested).
/// </summary>
public sealed class FoldedWordVectors
{
    /// <summary>Languages one table holds (their scores share a word's slot: one memory access a token for all of them).</summary>
    public const int MaxLanguages = 2;

    // Open addressing over the word keys with each word's scores for both languages beside its key (32 bytes, two to a cache
    // line), so a token costs one memory access; the vocabulary's own index (slots → keys → vectors) would cost three.
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public uint Key;
        public float A0, A1, A2; // the first language's negative, neutral, positive
        public float B0, B1, B2; // the second's
        private readonly uint _padding;
    }

    private readonly Entry[] _entries;
    private readonly int _mask;
    private readonly uint _empty; // a key no word has: marks a free slot
    private readonly string[] _languages;

    private FoldedWordVectors(WordVectors vectors, string[] languages, float[][] scores)
    {
        _languages = languages;
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, vectors.Count + vectors.Count / 2));
        _mask = size - 1;
        while (vectors.IndexOf(_empty) >= 0) _empty++;
        _entries = new Entry[size];
        for (var i = 0; i < size; i++) _entries[i].Key = _empty;
        var a = scores[0];
        var b = scores.Length > 1 ? scores[1] : new float[a.Length];
        for (var w = 0; w < vectors.Count; w++)
        {
            var key = vectors.Key(w);
            var i = Slot(key);
            while (_entries[i].Key != _empty) i = (i + 1) & _mask;
            _entries[i] = new Entry
            {
                Key = key,
                A0 = a[3 * w], A1 = a[3 * w + 1], A2 = a[3 * w + 2],
                B0 = b[3 * w], B1 = b[3 * w + 1], B2 = b[3 * w + 2],
            };
        }
    }

    // The keys are Murmur-finished hashes already: their bits are well spread.
    private int Slot(uint key) => (int)(key ^ (key >> 17)) & _mask;

    /// <summary>
    /// Folds the block at <paramref name="offset"/> of each language's three-class <paramref name="weights"/> into one table;
    /// null when there are more than <see cref="MaxLanguages"/> (the block is then read as dense features).
    /// </summary>
    public static FoldedWordVectors? Fold(WordVectors vectors, IReadOnlyDictionary<string, LinearWeights> weights, int offset)
    {
        if (weights.Count is 0 or > MaxLanguages) return null;
        if (weights.Values.Any(w => w.Classes != FeatureRow.Classes)) throw new ArgumentException($"a folded block needs {FeatureRow.Classes} classes", nameof(weights));
        var languages = weights.Keys.ToArray();
        return new FoldedWordVectors(vectors, languages, languages.Select(l => vectors.Fold(weights[l].Weights, offset, FeatureRow.Classes)).ToArray());
    }

    /// <summary>Adds a token's scores for every language to <paramref name="sums"/> (nothing for a word the table does not know).</summary>
    internal void Add(uint token, ref FoldedSums sums)
    {
        var entries = _entries;
        for (var i = Slot(token); ; i = (i + 1) & _mask)
        {
            ref readonly var entry = ref entries[i];
            if (entry.Key == _empty) return; // first: a token that happens to equal the marker is unknown
            if (entry.Key != token) continue;
            sums.Known++;
            sums.A0 += entry.A0; sums.A1 += entry.A1; sums.A2 += entry.A2;
            sums.B0 += entry.B0; sums.B1 += entry.B1; sums.B2 += entry.B2;
            return;
        }
    }

    /// <summary>The block's class scores for <paramref name="language"/> from a text's sums (zeros when no token was known, as the block is then absent).</summary>
    public (double Negative, double Neutral, double Positive) Scores(in FoldedSums sums, string language)
    {
        if (sums.Known == 0) return (0, 0, 0);
        var n = sums.Known;
        return language == _languages[0] ? (sums.A0 / n, sums.A1 / n, sums.A2 / n)
            : language == (_languages.Length > 1 ? _languages[1] : null) ? (sums.B0 / n, sums.B1 / n, sums.B2 / n)
            : throw new ArgumentException($"no folded block for language {language}", nameof(language));
    }
}

/// <summary>A text's sums of its known tokens' folded class scores, per language (<see cref="FoldedWordVectors"/>), summed in token order.</summary>
public struct FoldedSums
{
    public int Known;
    public double A0, A1, A2, B0, B1, B2;
}
