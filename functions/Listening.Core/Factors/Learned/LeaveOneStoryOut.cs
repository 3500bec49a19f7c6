using Listening.Core.Factors.Evaluation;
using Listening.Core.Factors.Text;
using Listening.Core.Feedback;
using Listening.Core.Sentiment;

namespace Listening.Core.Factors.Learned;

/// <summary>
/// Training examples from hand-labelled stories, and the leave-one-story-out folds: each story is its own domain, so
/// the model that scores a story is trained on every other story and never on it.
/// </summary>
public static class LeaveOneStoryOut
{
    /// <summary>The examples of one story: every item the pipeline scored and the labels do not call spam.</summary>
    /// <param name="extractor">The rules' extractor for the story's taxonomy (its words are features).</param>
    public static List<FactorExample> Examples(IEnumerable<StoryItem> story, FactorExtractor extractor) =>
        story.Where(s => s.Scores is not null && !s.Label.Spam)
            .Select(s => new FactorExample(
                Features(s.Item.Text, s.Scores!.Factors, s.Item.Rating, s.Item.Nps, extractor),
                s.Label.Factors.Select(f => f.Factor).ToHashSet(StringComparer.Ordinal),
                s.Scores.Factors.Select(m => m.Factor).ToHashSet(StringComparer.Ordinal)))
            .ToList();

    /// <summary>An item's features as <see cref="LearnedFactorDetector.Apply"/> computes them.</summary>
    public static int[] Features(string text, IReadOnlyList<FactorMention> rules, int? rating, int? nps, FactorExtractor extractor)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        var cues = new HashSet<string>(StringComparer.Ordinal);
        extractor.TermCues(tokens, cues);
        return FactorFeatures.Of(text, tokens, rules, rating, nps, cues);
    }

    /// <summary>The examples of every story but <paramref name="heldOut"/>, in story order.</summary>
    public static List<FactorExample> TrainingFor(IReadOnlyList<IReadOnlyList<FactorExample>> stories, int heldOut) =>
        stories.Where((_, i) => i != heldOut).SelectMany(s => s).ToList();

    /// <summary>
    /// The model that scores story <paramref name="heldOut"/>: trained on all the others, with its thresholds chosen
    /// on those others alone (<see cref="ChooseThresholds"/>) — the held-out story is never seen.
    /// </summary>
    public static FactorDetectorModel ModelFor(IReadOnlyList<IReadOnlyList<FactorExample>> stories, int heldOut, IReadOnlyList<string> factors, FactorTraining? options = null)
    {
        var others = stories.Where((_, i) => i != heldOut).ToList();
        return Train(others, factors, options);
    }

    /// <summary>A model trained on all the stories given, with thresholds chosen by an inner leave-stories-out over them.</summary>
    public static FactorDetectorModel Train(IReadOnlyList<IReadOnlyList<FactorExample>> stories, IReadOnlyList<string> factors, FactorTraining? options = null)
    {
        options ??= FactorTraining.Default;
        if (options.InnerFolds > 1 && stories.Count >= options.InnerFolds)
        {
            var (add, drop) = ChooseThresholds(stories, factors, options);
            options = options with { AddAbove = add, DropBelow = drop };
        }
        return FactorDetectorTrainer.Train(stories.SelectMany(s => s).ToList(), factors, options);
    }

    /// <summary>Add thresholds tried (above 1 = never add) and drop thresholds (below 0 = never drop): the grid holds the rules alone.</summary>
    public static IReadOnlyList<float> AddGrid { get; } = [0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.01f];
    public static IReadOnlyList<float> DropGrid { get; } = [0.5f, 0.4f, 0.3f, 0.2f, 0.1f, -0.01f];

    /// <summary>
    /// The thresholds with the best mean item-level micro-F1 over <paramref name="stories"/>, each story scored by a model
    /// trained without its fold (stories dealt round-robin into <see cref="FactorTraining.InnerFolds"/> folds). Ties keep
    /// the earlier grid point. Pure and deterministic.
    /// </summary>
    public static (float Add, float Drop) ChooseThresholds(IReadOnlyList<IReadOnlyList<FactorExample>> stories, IReadOnlyList<string> factors, FactorTraining options)
    {
        var folds = options.InnerFolds;
        var probabilities = stories.Select(s => new float[s.Count][]).ToArray();
        var inner = options with { InnerFolds = 0 };
        Span<float> logits = stackalloc float[factors.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = stories.Where((_, i) => i % folds != fold).SelectMany(s => s).ToList();
            var model = FactorDetectorTrainer.Train(training, factors, inner);
            for (var i = fold; i < stories.Count; i += folds)
                for (var e = 0; e < stories[i].Count; e++)
                {
                    model.Logits(stories[i][e].Features, logits);
                    var p = new float[factors.Count];
                    for (var f = 0; f < p.Length; f++) p[f] = FactorDetectorModel.Probability(logits[f]);
                    probabilities[i][e] = p;
                }
        }
        var best = (Add: 1.01f, Drop: -0.01f);
        var bestF1 = double.NegativeInfinity;
        foreach (var add in AddGrid)
            foreach (var drop in DropGrid)
            {
                var sum = 0.0;
                for (var i = 0; i < stories.Count; i++)
                {
                    int tp = 0, found = 0, labelled = 0;
                    for (var e = 0; e < stories[i].Count; e++)
                    {
                        var x = stories[i][e];
                        for (var f = 0; f < factors.Count; f++)
                        {
                            var rule = x.Found.Contains(factors[f]);
                            var p = probabilities[i][e][f];
                            var yes = rule ? p >= drop : p >= add;
                            var gold = x.Factors.Contains(factors[f]);
                            if (yes) found++;
                            if (gold) labelled++;
                            if (yes && gold) tp++;
                        }
                    }
                    sum += found + labelled == 0 ? 0 : 2.0 * tp / (found + labelled);
                }
                if (sum > bestF1 + 1e-9) { bestF1 = sum; best = (add, drop); }
            }
        return best;
    }

    /// <summary>The story as the hybrid reads it: each scored item's rule mentions passed through the detector.</summary>
    public static List<StoryItem> Rescore(IEnumerable<StoryItem> story, LearnedFactorDetector detector, FactorExtractor extractor, ISentimentScorer? clauseScorer) =>
        story.Select(s => s.Scores is null ? s : s with
        {
            Scores = s.Scores with
            {
                Factors = detector.Apply(s.Item.Text, s.Scores.Factors, extractor, s.Item.Rating, s.Item.Nps, s.Scores.Sentiment.Label, clauseScorer),
            },
        }).ToList();
}
