using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Listening.Ml.Features;

namespace Listening.Ml.Prediction;

/// <summary>
/// The weights of an ensemble's linear members for one language fused into one table: per hashed bucket, every member's three
/// class weights and its idf weight side by side — [bucket][member][w₀ w₁ w₂ idf], 16 bytes per member, the table aligned to
/// 64 bytes — so a feature of the text costs one cache line for all members together. Scoring member by member (each its own
/// dense 2^20 × 3 table, plus the idf table) read two or three lines per feature, and on a loaded machine those misses were
/// what made a two-member ensemble 0.4–0.6 × the single model's speed.
/// <para>
/// The arithmetic is the member-by-member path's, operation for operation (<see cref="PooledSentimentScorer.ScoreModelMemberByMember"/>):
/// member 0 (no idf) reads the featurizer's values as they are; every further member re-weighs them by its idf and normalises
/// again (norm summed in double in the features' order, then the same float products), so the probabilities are equal bit for
/// bit. The idf of a member without one is stored as 1 (x · 1 = x exactly).
/// </para>
/// </summary>
public sealed class EnsembleWeights
{
    private const int Classes = FeatureRow.Classes;
    private const int Slot = 4; // floats per member per bucket: three class weights and the idf
    private const int Alignment = 64; // bytes: a cache line

    // Pinned (never moved by the GC), so the aligned origin computed once stays aligned.
    private readonly float[] _table;
    private readonly int _origin;
    private readonly int _buckets;
    private readonly float[] _biases; // [member × classes + class]

    private EnsembleWeights(float[] table, int origin, int buckets, float[] biases, int members)
    {
        _table = table;
        _origin = origin;
        _buckets = buckets;
        _biases = biases;
        Members = members;
    }

    /// <summary>How many members (the first has no idf weights; the others may).</summary>
    public int Members { get; }

    /// <summary>Bytes the table holds.</summary>
    public long Bytes => (long)_buckets * Members * Slot * sizeof(float);

    /// <summary>
    /// Fuses <paramref name="members"/> (the ensemble's own model first, then its other members, all of one language, three
    /// classes, over <paramref name="dimension"/> buckets). <paramref name="idf"/>[m] is member m's idf table (null = none;
    /// member 0 must have none: its vector is the featurizer's as it is).
    /// </summary>
    public static EnsembleWeights Create(IReadOnlyList<LinearWeights> members, IReadOnlyList<IdfTable?> idf, int dimension)
    {
        if (members.Count < 2 || idf.Count != members.Count) throw new ArgumentException("an ensemble has two or more members, each with its idf entry", nameof(members));
        if (idf[0] is not null) throw new ArgumentException("the first member reads the featurizer's vector as it is (no idf)", nameof(idf));
        if (members.Any(m => m.Classes != Classes || m.Weights.Length != (long)dimension * Classes))
            throw new ArgumentException($"members must have {Classes} classes over {dimension} features", nameof(members));
        if (idf.Any(t => t is not null && t.Length != dimension)) throw new ArgumentException($"idf tables must have {dimension} buckets", nameof(idf));

        var count = members.Count;
        var stride = count * Slot;
        var length = (long)dimension * stride;
        if (length + Alignment / sizeof(float) > Array.MaxLength) throw new ArgumentException("ensemble table too large", nameof(dimension));
        var table = GC.AllocateUninitializedArray<float>((int)length + Alignment / sizeof(float), pinned: true);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(table, 0);
        var origin = (int)((Alignment - address % Alignment) % Alignment / sizeof(float));
        var biases = new float[count * Classes];
        for (var m = 0; m < count; m++) members[m].Biases.CopyTo(biases.AsSpan(m * Classes, Classes));
        // One sequential pass over the table (it is 32 MB a language for two members: part of the load time).
        var at = origin;
        for (var b = 0; b < dimension; b++)
        {
            for (var m = 0; m < count; m++, at += Slot)
            {
                var weights = members[m].Weights;
                table[at] = weights[b * Classes];
                table[at + 1] = weights[b * Classes + 1];
                table[at + 2] = weights[b * Classes + 2];
                table[at + 3] = idf[m] is { } memberIdf ? memberIdf[b] : 1f;
            }
        }
        // The slack before the origin and after the last bucket is never read; zero it so the array holds no garbage.
        table.AsSpan(0, origin).Clear();
        table.AsSpan(origin + (int)length).Clear();
        return new EnsembleWeights(table, origin, dimension, biases, count);
    }

    /// <summary>
    /// Each member's class probabilities (softmax of its class scores) for a sparse feature vector, member m's in
    /// <paramref name="probabilities"/>[3m .. 3m + 2]; the calibration and the mean are the caller's.
    /// </summary>
    public void Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        if (probabilities.Length < Members * Classes) throw new ArgumentException($"room for {Members * Classes} probabilities needed", nameof(probabilities));
        if (indices.Length != values.Length) throw new ArgumentException("one value per index", nameof(values));
        if (Members == 2) Predict2(indices, values, probabilities);
        else PredictAny(indices, values, probabilities);
    }

    // Two members unrolled: one 32-byte bucket per feature; the indices are checked in pass 1, so pass 2 reads without checks.
    private void Predict2(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        ref var t = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_table), _origin);
        // Pass 1: the second member's norm of the idf-weighed vector. The buckets read here are read again in pass 2 from cache.
        double norm = 0;
        for (var k = 0; k < indices.Length; k++)
        {
            if ((uint)indices[k] >= (uint)_buckets) throw new IndexOutOfRangeException($"feature {indices[k]} outside the model's {_buckets} features");
            var v = values[k] * Unsafe.Add(ref t, (nint)(uint)indices[k] * 8 + 7);
            norm += v * (double)v;
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        double a0 = _biases[0], a1 = _biases[1], a2 = _biases[2];
        double b0 = _biases[3], b1 = _biases[4], b2 = _biases[5];
        for (var k = 0; k < indices.Length; k++)
        {
            ref var w = ref Unsafe.Add(ref t, (nint)(uint)indices[k] * 8);
            var x = values[k];
            a0 += x * w;
            a1 += x * Unsafe.Add(ref w, 1);
            a2 += x * Unsafe.Add(ref w, 2);
            var y = x * Unsafe.Add(ref w, 7) * scale;
            b0 += y * Unsafe.Add(ref w, 4);
            b1 += y * Unsafe.Add(ref w, 5);
            b2 += y * Unsafe.Add(ref w, 6);
        }
        Span<double> z = [a0, a1, a2];
        LinearWeights.Softmax(z, probabilities[..3]);
        z = [b0, b1, b2];
        LinearWeights.Softmax(z, probabilities.Slice(3, 3));
    }

    private void PredictAny(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        var members = Members;
        var stride = members * Slot;
        var table = _table.AsSpan(_origin);
        Span<float> scales = stackalloc float[members];
        scales[0] = 1;
        for (var m = 1; m < members; m++)
        {
            double norm = 0;
            for (var k = 0; k < indices.Length; k++)
            {
                var v = values[k] * table[indices[k] * stride + m * Slot + 3];
                norm += v * (double)v;
            }
            scales[m] = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        }
        Span<double> z = stackalloc double[members * Classes];
        for (var i = 0; i < z.Length; i++) z[i] = _biases[i];
        for (var k = 0; k < indices.Length; k++)
        {
            var bucket = indices[k] * stride;
            var x = values[k];
            z[0] += x * table[bucket];
            z[1] += x * table[bucket + 1];
            z[2] += x * table[bucket + 2];
            for (var m = 1; m < members; m++)
            {
                var at = bucket + m * Slot;
                var y = x * table[at + 3] * scales[m];
                z[m * Classes] += y * table[at];
                z[m * Classes + 1] += y * table[at + 1];
                z[m * Classes + 2] += y * table[at + 2];
            }
        }
        for (var m = 0; m < members; m++) LinearWeights.Softmax(z.Slice(m * Classes, Classes), probabilities.Slice(m * Classes, Classes));
    }
}
