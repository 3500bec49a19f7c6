using Listening.Core.Feedback;
using Listening.Core.Matrix;
using Listening.Core.Sentiment;

namespace Listening.Core.Factors.Evaluation;

/// <summary>
/// One story item after the pipeline's ingest rules: the item as kept, what the pipeline scored
/// (<see cref="Scores"/> null when ingest marked it spam: spam is never scored) and its hand label.
/// </summary>
public sealed record StoryItem(FeedbackItem Item, FeedbackScores? Scores, StoryLabel Label);

/// <summary>What the ingest rules did to the story's lines, next to what the labels say.</summary>
public sealed record StoryIngest(
    int Lines,
    int Duplicates,
    int CrossPosts,
    int MarkedSpam,
    int LabelledSpam,
    int LabelledSpamCaught,
    int MarkedSpamNotLabelled,
    int Unlabelled)
{
    /// <summary>Copies the labels call cross-posts, and how many of them ingest collapsed.</summary>
    public int LabelledCrossPosts { get; init; }
    public int LabelledCrossPostsCollapsed { get; init; }
}

/// <summary>Item-level detection of one factor: items labelled with it, items it was found in, and the agreement.</summary>
public sealed record StoryFactorDetection(string Factor, int Labelled, int Found, int TruePositives, double Precision, double Recall, double F1,
    int PolarityN, int PolarityCorrect)
{
    public int FalsePositives => Found - TruePositives;
    public int FalseNegatives => Labelled - TruePositives;
    public double? PolarityAccuracy => PolarityN == 0 ? null : (double)PolarityCorrect / PolarityN;
}

/// <summary>One factor in both matrices: quadrants, sample sizes and distances to each side's crosshairs.</summary>
public sealed record StoryMatrixRow(
    string Factor,
    Quadrant Labelled,
    Quadrant Pipeline,
    Quadrant? PipelineAlternative,
    bool Agrees,
    long LabelledN,
    long PipelineN,
    double LabelledImportance,
    double LabelledPerformance,
    double PipelineImportance,
    double PipelinePerformance,
    double LabelledImportanceDistance,
    double LabelledPerformanceDistance,
    double PipelineImportanceDistance,
    double PipelinePerformanceDistance);

/// <summary>The matrix of one brand as the pipeline builds it and as the same method builds it from the labels.</summary>
public sealed record StoryMatrixComparison(
    string Brand,
    ActionMatrix Labelled,
    ActionMatrix Pipeline,
    IReadOnlyList<StoryMatrixRow> Rows)
{
    public int Agreeing => Rows.Count(r => r.Agrees);

    /// <summary>Factors whose headline quadrant is the labelled one (a borderline factor's second quadrant not counted).</summary>
    public int AgreeingStrictly => Rows.Count(r => r.Labelled == r.Pipeline);
    public int PlacedByLabels => Rows.Count(r => r.Labelled != Quadrant.Insufficient);
    public int AgreeingPlaced => Rows.Count(r => r.Agrees && r.Labelled != Quadrant.Insufficient);
}

/// <summary>Everything <c>evaluate-story</c> reports.</summary>
public sealed record StoryEvaluation(
    StoryIngest Ingest,
    int Items,
    IReadOnlyList<StoryFactorDetection> Detection,
    double MicroPrecision,
    double MicroRecall,
    double MicroF1,
    int PolarityN,
    int PolarityCorrect,
    IReadOnlyDictionary<SentimentLabel, IReadOnlyDictionary<SentimentLabel, int>> PolarityConfusion,
    int SentimentN,
    double SentimentAccuracy,
    double SentimentMacroF1,
    StoryMatrixComparison Brand,
    IReadOnlyList<StoryMatrixComparison> Competitors)
{
    public double? PolarityAccuracy => PolarityN == 0 ? null : (double)PolarityCorrect / PolarityN;
}

/// <summary>
/// Compares what the pipeline made of a story with its hand labels. Detection is counted once per item and factor
/// (as the matrix counts items); an item's polarity on a factor is the sign of the mean of its mentions' −1/0/+1
/// labels, exactly as <see cref="BrandStats"/> folds it, for the pipeline and for the labels alike. Items the pipeline
/// marked as spam count as found-nothing; items labelled spam count as labelled-nothing. The labelled matrix runs
/// <see cref="ActionMatrixMethod"/> over the same aggregation (<see cref="FeedbackAggregates"/>) on the labelled
/// mentions and the labelled document sentiment, with the items' own ratings and NPS answers, leaving out what the
/// labels call spam; the pipeline's matrix leaves out what ingest called spam.
/// </summary>
public static class StoryScorecard
{
    public static StoryEvaluation Evaluate(
        IReadOnlyList<StoryItem> items,
        StoryIngest ingest,
        FactorTaxonomy taxonomy,
        string brand,
        IReadOnlyList<string> competitors,
        MatrixRules? rules = null)
    {
        rules ??= MatrixRules.Default;
        var factorIds = taxonomy.Factors.Select(f => f.Id).ToList();
        var counts = factorIds.ToDictionary(f => f, _ => new int[5], StringComparer.Ordinal); // labelled, found, tp, polarity n, polarity correct
        var confusion = Enum.GetValues<SentimentLabel>().ToDictionary(l => l, _ => Enum.GetValues<SentimentLabel>().ToDictionary(p => p, _ => 0));
        int polarityN = 0, polarityCorrect = 0;
        var sentimentPairs = new List<(SentimentLabel Gold, SentimentLabel Predicted)>();
        var pipelineAggregates = new FeedbackAggregates();
        var labelledAggregates = new FeedbackAggregates();

        foreach (var s in items)
        {
            var found = s.Scores is null ? new Dictionary<string, SentimentLabel>() : ItemPolarities(s.Scores.Factors.Select(m => (m.Factor, m.Label)));
            var labelled = s.Label.Spam ? new Dictionary<string, SentimentLabel>() : ItemPolarities(s.Label.Factors.Select(f => (f.Factor, f.Polarity)));
            foreach (var (factor, gold) in labelled)
            {
                var c = Counts(counts, factor);
                c[0]++;
                if (!found.TryGetValue(factor, out var predicted)) continue;
                c[2]++;
                c[3]++;
                polarityN++;
                confusion[gold][predicted]++;
                if (predicted == gold) { c[4]++; polarityCorrect++; }
            }
            foreach (var factor in found.Keys) Counts(counts, factor)[1]++;

            if (s.Scores is not null && !s.Label.Spam) sentimentPairs.Add((s.Label.Sentiment, s.Scores.Sentiment.Label));
            if (s.Scores is not null) pipelineAggregates.Add(new ScoredFeedback(s.Item, s.Scores));
            if (!s.Label.Spam) labelledAggregates.Add(new ScoredFeedback(s.Item, LabelledScores(s)));
        }

        var detection = counts
            .Where(kv => kv.Value[0] > 0 || kv.Value[1] > 0)
            .OrderBy(kv => factorIds.IndexOf(kv.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv =>
            {
                var (p, r, f1) = Prf(kv.Value[2], kv.Value[1], kv.Value[0]);
                return new StoryFactorDetection(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2], p, r, f1, kv.Value[3], kv.Value[4]);
            })
            .ToList();
        var (microP, microR, microF1) = Prf(detection.Sum(d => d.TruePositives), detection.Sum(d => d.Found), detection.Sum(d => d.Labelled));

        var (accuracy, macroF1) = SentimentFigures(sentimentPairs);
        var brandMatrix = CompareMatrices(brand, competitors, labelledAggregates, pipelineAggregates, factorIds, rules);
        var competitorMatrices = competitors
            .Select(c => CompareMatrices(c, [brand], labelledAggregates, pipelineAggregates, factorIds, rules))
            .ToList();
        return new StoryEvaluation(ingest, items.Count, detection, microP, microR, microF1, polarityN, polarityCorrect,
            confusion.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<SentimentLabel, int>)kv.Value),
            sentimentPairs.Count, accuracy, macroF1, brandMatrix, competitorMatrices);
    }

    /// <summary>
    /// Whether the pipeline's placement agrees with the labelled one: the same quadrant, or — for a factor the pipeline
    /// shows as borderline — the labelled quadrant is one of the two it shows. Insufficient data agrees only with itself.
    /// </summary>
    public static bool Agrees(FactorPosition? labelled, FactorPosition? pipeline)
    {
        var answer = labelled?.Quadrant ?? Quadrant.Insufficient;
        var shown = pipeline?.Quadrant ?? Quadrant.Insufficient;
        return answer == shown || (pipeline?.Alternative is { } other && other == answer);
    }

    private static int[] Counts(Dictionary<string, int[]> counts, string factor)
    {
        if (!counts.TryGetValue(factor, out var c)) counts[factor] = c = new int[5];
        return c;
    }

    /// <summary>An item's polarity per factor: the sign of the mean of its −1/0/+1 mentions (as <see cref="BrandStats"/> folds them).</summary>
    private static Dictionary<string, SentimentLabel> ItemPolarities(IEnumerable<(string Factor, SentimentLabel Label)> mentions)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (factor, label) in mentions) sums[factor] = sums.GetValueOrDefault(factor) + FactorStats.LabelValue(label);
        return sums.ToDictionary(kv => kv.Key, kv => kv.Value > 0 ? SentimentLabel.Positive : kv.Value < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral, StringComparer.Ordinal);
    }

    private static FeedbackScores LabelledScores(StoryItem s)
    {
        var value = (float)FactorStats.LabelValue(s.Label.Sentiment);
        var sentiment = new SentimentScore(s.Label.Sentiment, value,
            s.Label.Sentiment == SentimentLabel.Negative ? 1 : 0, s.Label.Sentiment == SentimentLabel.Neutral ? 1 : 0, s.Label.Sentiment == SentimentLabel.Positive ? 1 : 0);
        var mentions = s.Label.Factors
            .Select(f => new FactorMention(f.Factor, f.Polarity, (float)FactorStats.LabelValue(f.Polarity), 0, s.Item.Text.Length))
            .ToList();
        return new FeedbackScores(s.Scores?.Language ?? s.Item.Language ?? "", sentiment, mentions);
    }

    private static StoryMatrixComparison CompareMatrices(string brand, IReadOnlyList<string> others,
        FeedbackAggregates labelledAggregates, FeedbackAggregates pipelineAggregates, List<string> factorIds, MatrixRules rules)
    {
        ActionMatrix Build(FeedbackAggregates aggregates) => ActionMatrixMethod.Compute(brand, All(aggregates, brand),
            others.Select(o => (o, All(aggregates, o))).ToList(), rules);
        var labelled = Build(labelledAggregates);
        var pipeline = Build(pipelineAggregates);
        var names = labelled.Factors.Select(f => f.Factor).Concat(pipeline.Factors.Select(f => f.Factor))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(f => factorIds.IndexOf(f) is var i && i < 0 ? int.MaxValue : i).ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
        var rows = names.Select(name =>
        {
            var l = labelled[name];
            var p = pipeline[name];
            return new StoryMatrixRow(name,
                l?.Quadrant ?? Quadrant.Insufficient, p?.Quadrant ?? Quadrant.Insufficient, p?.Alternative, Agrees(l, p),
                l?.N ?? 0, p?.N ?? 0,
                l?.Importance.Value ?? double.NaN, l?.Performance.Value ?? double.NaN,
                p?.Importance.Value ?? double.NaN, p?.Performance.Value ?? double.NaN,
                (l?.Importance.Value ?? double.NaN) - labelled.Crosshairs.Importance,
                (l?.Performance.Value ?? double.NaN) - labelled.Crosshairs.Performance,
                (p?.Importance.Value ?? double.NaN) - pipeline.Crosshairs.Importance,
                (p?.Performance.Value ?? double.NaN) - pipeline.Crosshairs.Performance);
        }).ToList();
        return new StoryMatrixComparison(brand, labelled, pipeline, rows);
    }

    /// <summary>The brand's statistics over every day of the story: the aggregation the report reads.</summary>
    private static BrandStats All(FeedbackAggregates aggregates, string brand) => aggregates.Span(brand, DateOnly.MinValue, DateOnly.MaxValue);

    private static (double Precision, double Recall, double F1) Prf(int tp, int found, int labelled)
    {
        var precision = found == 0 ? 0 : (double)tp / found;
        var recall = labelled == 0 ? 0 : (double)tp / labelled;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    /// <summary>Accuracy and macro-F1 over the three classes (a class absent from both sides is left out of the mean).</summary>
    private static (double Accuracy, double MacroF1) SentimentFigures(List<(SentimentLabel Gold, SentimentLabel Predicted)> pairs)
    {
        if (pairs.Count == 0) return (double.NaN, double.NaN);
        var accuracy = pairs.Count(p => p.Gold == p.Predicted) / (double)pairs.Count;
        var f1s = new List<double>();
        foreach (var label in Enum.GetValues<SentimentLabel>())
        {
            var tp = pairs.Count(p => p.Gold == label && p.Predicted == label);
            var predicted = pairs.Count(p => p.Predicted == label);
            var gold = pairs.Count(p => p.Gold == label);
            if (predicted == 0 && gold == 0) continue;
            f1s.Add(Prf(tp, predicted, gold).F1);
        }
        return (accuracy, f1s.Average());
    }
}
