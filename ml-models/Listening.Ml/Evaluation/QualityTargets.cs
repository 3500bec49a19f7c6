using Listening.Core.Sentiment;

namespace Listening.Ml.Evaluation;

public enum TargetMetric { MacroF1, F1PositiveNegative, Accuracy, NeutralF1 }

/// <summary>A quality target of issue 2 for one dataset folder.</summary>
public sealed record QualityTarget(string Dataset, TargetMetric Metric, double Minimum)
{
    public double Measure(ClassificationMetrics m) => Metric switch
    {
        TargetMetric.MacroF1 => m.MacroF1,
        TargetMetric.F1PositiveNegative => m.F1PositiveNegative,
        TargetMetric.Accuracy => m.Accuracy,
        TargetMetric.NeutralF1 => m.For(SentimentLabel.Neutral).F1,
        _ => throw new ArgumentOutOfRangeException(nameof(Metric)),
    };

    public string MetricName => Metric switch
    {
        TargetMetric.MacroF1 => "macro-F1",
        TargetMetric.F1PositiveNegative => "F1_pn",
        TargetMetric.Accuracy => "accuracy",
        _ => "neutral F1",
    };
}

public static class QualityTargets
{
    public static IReadOnlyList<QualityTarget> All { get; } =
    [
        new("sentirueval_tweets_ru", TargetMetric.MacroF1, 0.70),
        new("sentirueval_tweets_ru", TargetMetric.F1PositiveNegative, 0.62),
        new("rusentitweet_ru", TargetMetric.MacroF1, 0.68),
        new("yandexmaps_ozon_pvz_ru", TargetMetric.MacroF1, 0.70),
        new("rutube_app_reviews_ru", TargetMetric.MacroF1, 0.70),
        new("bank_reviews_ru", TargetMetric.MacroF1, 0.70),
        new("airline_tweets_en", TargetMetric.MacroF1, 0.78),
        new("airline_tweets_en", TargetMetric.NeutralF1, 0.55),
        new("sst2_en", TargetMetric.Accuracy, 0.82),
        new("uci_sentiment_sentences_en", TargetMetric.Accuracy, 0.84),
    ];

    public static IEnumerable<QualityTarget> For(string dataset) => All.Where(t => t.Dataset == dataset);

    /// <summary>
    /// Issue 12's held-out targets, on the honest split that stands in for each hidden test set
    /// (the <see cref="QualityTarget.Dataset"/> field holds the split name).
    /// </summary>
    public static IReadOnlyList<QualityTarget> Honest { get; } =
    [
        new("sre16_banks_2015test", TargetMetric.F1PositiveNegative, 0.60),
        new("sre16_telecom_2015test", TargetMetric.F1PositiveNegative, 0.60),
        new("rusentitweet_latest", TargetMetric.MacroF1, 0.70),
        new("ozon_unseen_places", TargetMetric.MacroF1, 0.70),
        new("rutube_official_test", TargetMetric.MacroF1, 0.80),
        new("bank_reviews_other_banks", TargetMetric.MacroF1, 0.72),
        new("airline_latest", TargetMetric.MacroF1, 0.78),
        new("sst2_official_dev", TargetMetric.Accuracy, 0.82),
        new("uci_amazon_products", TargetMetric.Accuracy, 0.85),
    ];

    public static QualityTarget? ForSplit(string split) => Honest.FirstOrDefault(t => t.Dataset == split);
}
