using Listening.Core.Sentiment;
using Listening.Ml.Data;

namespace Listening.Ml.Tests.Training;

/// <summary>Small separable three-class sets for training tests: each row pairs two phrases of its class.</summary>
internal static class TinyDatasets
{
    public static Dataset Build(string name, string lang, string idPrefix, int perClass,
        string[] positive, string[] negative, string[] neutral)
    {
        var rows = new List<LabelledText>();
        for (var i = 0; i < perClass; i++)
        {
            rows.Add(new($"{idPrefix}p{i}", lang, $"{positive[i % positive.Length]} {positive[(i + 1) % positive.Length]}", SentimentLabel.Positive));
            rows.Add(new($"{idPrefix}n{i}", lang, $"{negative[i % negative.Length]} {negative[(i + 2) % negative.Length]}", SentimentLabel.Negative));
            rows.Add(new($"{idPrefix}u{i}", lang, $"{neutral[i % neutral.Length]} {neutral[(i + 3) % neutral.Length]}", SentimentLabel.Neutral));
        }
        return new Dataset(name, lang, rows, false);
    }
}
