using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Listening.Ml.Prediction;

/// <summary>
/// The weights of a trained LbfgsMaximumEntropy model read out of its ML.NET transformer, so a
/// prediction is a sparse dot product per class and a softmax — the same arithmetic as ML.NET's
/// <c>MaximumEntropyModelParameters</c>, without a PredictionEngine's row and schema plumbing per call.
/// Stored dense and interleaved by feature ([feature × classes + class]), so one feature's weights for
/// all classes share a cache line.
/// </summary>
public sealed class LinearWeights
{
    private readonly float[] _weights;
    private readonly float[] _biases;

    private LinearWeights(float[] weights, float[] biases, int classes)
    {
        _weights = weights;
        _biases = biases;
        Classes = classes;
    }

    public int Classes { get; }

    /// <summary>The dense weights, [feature × classes + class] (read by <see cref="EnsembleWeights"/> to lay members side by side).</summary>
    internal ReadOnlySpan<float> Weights => _weights;

    internal ReadOnlySpan<float> Biases => _biases;

    /// <summary>The weights of a maximum-entropy transformer, or null for any other kind of model.</summary>
    public static LinearWeights? From(ITransformer transformer, int dimension)
    {
        if (transformer is not ISingleFeaturePredictionTransformer<object> { Model: MaximumEntropyModelParameters model }) return null;
        VBuffer<float>[] perClass = [];
        model.GetWeights(ref perClass, out var classes);
        var biases = model.GetBiases().ToArray();
        if (classes != FeatureRow.Classes || biases.Length != classes) return null;
        var weights = new float[(long)dimension * classes];
        for (var c = 0; c < classes; c++)
        {
            if (perClass[c].Length != dimension) return null;
            var values = perClass[c].GetValues();
            if (perClass[c].IsDense)
            {
                for (var i = 0; i < values.Length; i++) weights[i * classes + c] = values[i];
            }
            else
            {
                var indices = perClass[c].GetIndices();
                for (var k = 0; k < values.Length; k++) weights[indices[k] * classes + c] = values[k];
            }
        }
        return new LinearWeights(weights, biases, classes);
    }

    /// <summary>Class probabilities (softmax of the class scores) for a sparse feature vector.</summary>
    public void Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probabilities)
    {
        if (Classes == 3)
        {
            Predict3(indices, values, probabilities);
            return;
        }
        Span<double> z = stackalloc double[Classes];
        for (var c = 0; c < Classes; c++) z[c] = _biases[c];
        for (var k = 0; k < indices.Length; k++)
        {
            var offset = indices[k] * Classes;
            var v = values[k];
            for (var c = 0; c < Classes; c++) z[c] += v * _weights[offset + c];
        }
        Softmax(z, probabilities);
    }

    /// <summary>
    /// As <see cref="Predict(ReadOnlySpan{int}, ReadOnlySpan{float}, Span{float})"/> for three classes, with class scores that
    /// features outside the vector contribute (a folded word-vector block, <see cref="FoldedWordVectors"/>) added to the biases.
    /// </summary>
    public void Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, (double Negative, double Neutral, double Positive) extra, Span<float> probabilities)
    {
        if (Classes != 3) throw new InvalidOperationException($"extra class scores need 3 classes, the model has {Classes}");
        Predict3(indices, values, probabilities, extra.Negative, extra.Neutral, extra.Positive);
    }

    // The three-class case unrolled, without bounds checks: the same arithmetic as the loop above, in the order the features come.
    private void Predict3(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> probabilities, double e0 = 0, double e1 = 0, double e2 = 0)
    {
        double z0 = _biases[0] + e0, z1 = _biases[1] + e1, z2 = _biases[2] + e2;
        ref var w = ref MemoryMarshal.GetArrayDataReference(_weights);
        var length = (uint)_weights.Length;
        for (var k = 0; k < indices.Length; k++)
        {
            var offset = (uint)indices[k] * 3u;
            if (offset + 2 >= length) throw new IndexOutOfRangeException($"feature {indices[k]} outside the model's {length / 3} features");
            var v = values[k];
            z0 += v * Unsafe.Add(ref w, offset);
            z1 += v * Unsafe.Add(ref w, offset + 1);
            z2 += v * Unsafe.Add(ref w, offset + 2);
        }
        Span<double> z = [z0, z1, z2];
        Softmax(z, probabilities);
    }

    internal static void Softmax(Span<double> z, Span<float> probabilities)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < z.Length; c++) max = Math.Max(max, z[c]);
        double sum = 0;
        for (var c = 0; c < z.Length; c++) sum += z[c] = Math.Exp(z[c] - max);
        for (var c = 0; c < z.Length; c++) probabilities[c] = (float)(z[c] / sum);
    }
}
