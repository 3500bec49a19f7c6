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
    private readonly WordVectors _vectors;
    private readonly float[] _scores; // [word × 3 + class]

    private FoldedWordVectors(WordVectors vectors, float[] scores)
    {
        _vectors = vectors;
        _scores = scores;
    }

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
        foreach (var token in tokens)
        {
            var index = _vectors.IndexOf(token);
            if (index < 0) continue;
            known++;
            var at = index * 3;
            z0 += _scores[at];
            z1 += _scores[at + 1];
            z2 += _scores[at + 2];
        }
        return known == 0 ? (0, 0, 0) : (z0 / known, z1 / known, z2 / known);
    }
}
