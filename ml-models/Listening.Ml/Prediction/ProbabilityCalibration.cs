using System.Text.Json;
using System.Text.Json.Serialization;
using Listening.Core.Text;

namespace Listening.Ml.Prediction;

/// <summary>
/// Multiplicative weights on (negative, neutral, positive) for one language and text kind
/// (<see cref="TextKind"/>: post, short, review); older models keyed them by a length bucket (<see cref="Long"/>) instead.
/// </summary>
public sealed record ClassWeights(string Language, bool Long, double Negative, double Neutral, double Positive, string? Kind = null);

/// <summary>
/// Prior shift learnt by `train` on a held-out calibration slice of the training rows (never the dev
/// split): the class probabilities are multiplied by per-language, per-length-bucket weights and
/// renormalised. Review sites put few texts in the neutral class that a bag of n-grams reads as
/// neutral, so the argmax alone under-predicts it; the length bucket (known at prediction time,
/// unlike the source) separates short posts from long reviews. Stored in the model zip as
/// <see cref="SentimentModel.CalibrationEntry"/>; a model without it is uncalibrated.
/// </summary>
public sealed record ProbabilityCalibration(int LongTextChars, IReadOnlyList<ClassWeights> Weights)
{
    public static ProbabilityCalibration None { get; } = new(300, []);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public bool IsLong(string text) => text.Length > LongTextChars;

    /// <param name="kind">The text's kind when the caller knows it from the source (a mention is a post); null = from the text.</param>
    public ClassWeights? For(string language, string text, string? kind = null)
    {
        if (Weights.Count == 0) return null;
        var isLong = IsLong(text);
        foreach (var w in Weights)
        {
            if (!string.Equals(w.Language, language, StringComparison.Ordinal)) continue;
            if (w.Kind is null ? w.Long == isLong : w.Kind == (kind ??= TextKind.Of(text))) return w;
        }
        return null;
    }

    /// <summary>Weights the probabilities in place (key order negative, neutral, positive) and renormalises them.</summary>
    public static void Apply(ClassWeights? weights, Span<float> p)
    {
        if (weights is null) return;
        var n = (float)(p[0] * weights.Negative);
        var u = (float)(p[1] * weights.Neutral);
        var q = (float)(p[2] * weights.Positive);
        var sum = n + u + q;
        if (!(sum > 0)) return;
        p[0] = n / sum;
        p[1] = u / sum;
        p[2] = q / sum;
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static ProbabilityCalibration FromJson(Stream json) =>
        JsonSerializer.Deserialize<ProbabilityCalibration>(json, Json) ?? None;
}
