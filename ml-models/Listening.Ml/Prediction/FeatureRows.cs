using Microsoft.ML;
using Microsoft.ML.Data;

namespace Listening.Ml.Prediction;

/// <summary>The model's input row: the featurised text (plus label and weight when training).</summary>
public sealed class FeatureRow
{
    public VBuffer<float> Features;
    public uint Label;
    public float Weight = 1f;

    /// <summary>
    /// Label key of 3 values: 0, 1, 2 = negative, neutral, positive (a uint field of a key column holds
    /// the zero-based index); the score vector's slots are in this order.
    /// </summary>
    public const int Classes = 3;

    public static SchemaDefinition Schema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[nameof(Label)].ColumnType = new KeyDataViewType(typeof(uint), Classes);
        return schema;
    }
}

/// <summary>The scorer's output: class probabilities in key order (negative, neutral, positive).</summary>
public sealed class ScoreRow
{
    public float[] Score = [];
}
