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
    /// <param name="factors">The factors the model learns (the default taxonomy's).</param>
    /// <param name="classes">The word classes the model will read (<see cref="FactorTraining.Classes"/>), none when null.</param>
    /// <param name="channels">Whether the model will read the item's channel (<see cref="FactorTraining.Channels"/>).</param>
    public static List<FactorExample> Examples(IEnumerable<StoryItem> story, FactorExtractor extractor, IReadOnlyList<string> factors, WordClasses? classes = null,
        bool channels = false) =>
        story.Where(s => s.Scores is not null && !s.Label.Spam)
            .Select(s => new FactorExample(
                Features(s.Item.Text, s.Scores!.Factors, s.Item.Rating, s.Item.Nps, extractor, factors, classes, channels ? s.Item.Channel : null),
                s.Label.Factors.Select(f => f.Factor).ToHashSet(StringComparer.Ordinal),
                s.Scores.Factors.Select(m => m.Factor).ToHashSet(StringComparer.Ordinal)))
            .ToList();

    /// <summary>An item's features as <see cref="LearnedFactorDetector.Apply"/> computes them.</summary>
    public static FeatureVector Features(string text, IReadOnlyList<FactorMention> rules, int? rating, int? nps, FactorExtractor extractor, IReadOnlyList<string> factors,
        WordClasses? classes = null, string? channel = null)
    {
        var tokens = WordTokenizer.Tokenize(text, symbols: true);
        var cues = new HashSet<(string, string?)>();
        extractor.TermCues(tokens, cues);
        return FactorFeatures.Of(tokens, rules, rating, nps, cues, factors, classes, channel);
    }

    /// <summary>The examples of every story but <paramref name="heldOut"/>, in story order.</summary>
    public static List<FactorExample> TrainingFor(IReadOnlyList<IReadOnlyList<FactorExample>> stories, int heldOut) =>
        stories.Where((_, i) => i != heldOut).SelectMany(s => s).ToList();

    /// <summary>
    /// The model that scores story <paramref name="heldOut"/>: trained on all the others, with its thresholds chosen
    /// on those others alone (<see cref="ChooseThresholds"/>) — the held-out story is never seen.
    /// </summary>
    /// <param name="extra">Sources trained on besides the stories (public aspect datasets), never scored: the thresholds are chosen on stories alone.</param>
    public static FactorDetectorModel ModelFor(IReadOnlyList<IReadOnlyList<FactorExample>> stories, int heldOut, IReadOnlyList<string> factors, FactorTraining? options = null,
        IReadOnlyList<IReadOnlyList<FactorExample>>? extra = null)
    {
        var others = stories.Where((_, i) => i != heldOut).ToList();
        return Train(others, factors, options, extra);
    }

    /// <summary>A model trained on all the stories given (and <paramref name="extra"/>), with thresholds chosen by inner folds of those stories.</summary>
    /// <param name="extra">Sources trained on before the stories in every model, the inner folds' too, and never scored.</param>
    public static FactorDetectorModel Train(IReadOnlyList<IReadOnlyList<FactorExample>> stories, IReadOnlyList<string> factors, FactorTraining? options = null,
        IReadOnlyList<IReadOnlyList<FactorExample>>? extra = null)
    {
        options ??= FactorTraining.Default;
        extra ??= [];
        var model = FactorDetectorTrainer.Train([.. extra, .. stories], factors, options);
        if (options.InnerFolds < 2 || stories.Count < options.InnerFolds) return model;
        var (add, drop) = ChooseThresholds(stories, OutOfFold(stories, factors, options, extra), factors, options);
        return model.WithThresholds(add, drop);
    }

    /// <summary>Add thresholds tried (above 1 = never add): the grid holds the rules alone.</summary>
    public static IReadOnlyList<float> AddGrid { get; } = [0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f, 0.65f, 0.7f, 0.8f, 0.9f, 1.01f];

    /// <summary>
    /// Drop thresholds tried (below 0 = never drop), none above 0.1: the model may drop a rule mention only when it is
    /// far surer than it must be to add one. Round 14's grid reached 0.5; leave one story out, the drops between 0.1
    /// and 0.5 the inner folds chose bought no F1 on the held-out story but cut the rules' right mentions, and with
    /// them placed factors (matrix 363 → 359 of 375; with this grid 366; ml-models/factors/HISTORY.md, round 15).
    /// </summary>
    public static IReadOnlyList<float> DropGrid { get; } = [0.1f, 0.07f, 0.05f, 0.03f, 0.02f, 0.01f, -0.01f];

    /// <summary>
    /// Per factor, the thresholds with the best mean item-level micro-F1 over <paramref name="stories"/>, each story scored
    /// by a model trained without its fold (stories dealt round-robin into <see cref="FactorTraining.InnerFolds"/> folds):
    /// first the best pair for all factors alike, then two rounds of each factor's own best pair with the others held.
    /// Ties keep the current choice, then the earlier grid point. Pure and deterministic.
    /// </summary>
    public static (float[] Add, float[] Drop) ChooseThresholds(IReadOnlyList<IReadOnlyList<FactorExample>> stories, IReadOnlyList<string> factors, FactorTraining options) =>
        ChooseThresholds(stories, OutOfFold(stories, factors, options), factors, options);

    /// <summary>
    /// Each item's probability per factor by a model trained without its story's inner fold (stories dealt round-robin
    /// into <see cref="FactorTraining.InnerFolds"/> folds): what <see cref="ChooseThresholds(IReadOnlyList{IReadOnlyList{FactorExample}}, IReadOnlyList{float[][]}, IReadOnlyList{string}, FactorTraining)"/> chooses from.
    /// </summary>
    public static IReadOnlyList<float[][]> OutOfFold(IReadOnlyList<IReadOnlyList<FactorExample>> stories, IReadOnlyList<string> factors, FactorTraining options,
        IReadOnlyList<IReadOnlyList<FactorExample>>? extra = null)
    {
        extra ??= [];
        var folds = options.InnerFolds;
        var n = factors.Count;
        var probabilities = stories.Select(s => new float[s.Count][]).ToArray();
        var inner = options with { InnerFolds = 0 };
        var logits = new float[n];
        for (var fold = 0; fold < folds; fold++)
        {
            var model = FactorDetectorTrainer.Train([.. extra, .. stories.Where((_, i) => i % folds != fold)], factors, inner);
            for (var i = fold; i < stories.Count; i += folds)
                for (var x = 0; x < stories[i].Count; x++)
                {
                    model.Logits(stories[i][x].Features, logits);
                    probabilities[i][x] = [.. logits.Select(FactorDetectorModel.Probability)];
                }
        }
        return probabilities;
    }

    /// <summary>
    /// The thresholds chosen from out-of-fold probabilities (<see cref="OutOfFold"/>): the objective is the mean per-story
    /// micro-F1 less <see cref="FactorTraining.ShortfallWeight"/> times the mean per-story <i>shortfall</i> — per factor, how
    /// many items the hybrid finds fewer than min(the rules' count, the labelled count), over the story's labelled pairs.
    /// So a factor whose count the rules get about right keeps it (the matrix places a factor only from 30 items on), and
    /// one the rules over-count may still be cut down to its labelled count.
    /// </summary>
    public static (float[] Add, float[] Drop) ChooseThresholds(IReadOnlyList<IReadOnlyList<FactorExample>> stories, IReadOnlyList<float[][]> probabilities,
        IReadOnlyList<string> factors, FactorTraining options)
    {
        var n = factors.Count;
        var addGrid = options.AddGrid ?? AddGrid;
        var dropGrid = options.DropGrid ?? DropGrid;
        var pairs = addGrid.SelectMany(a => dropGrid.Select(d => (Add: a, Drop: d))).ToArray();
        // tp[i][f][p], found[i][f][p]: story i, factor f, grid pair p; labelled[i][f], rules[i][f].
        var tp = stories.Select(_ => new int[n, pairs.Length]).ToArray();
        var found = stories.Select(_ => new int[n, pairs.Length]).ToArray();
        var labelled = stories.Select(_ => new int[n]).ToArray();
        var ruled = stories.Select(_ => new int[n]).ToArray();
        for (var i = 0; i < stories.Count; i++)
            for (var x = 0; x < stories[i].Count; x++)
            {
                var example = stories[i][x];
                for (var f = 0; f < n; f++)
                {
                    var p = probabilities[i][x][f];
                    var rule = example.Found.Contains(factors[f]);
                    var gold = example.Factors.Contains(factors[f]);
                    if (gold) labelled[i][f]++;
                    if (rule) ruled[i][f]++;
                    for (var k = 0; k < pairs.Length; k++)
                    {
                        if (!(rule ? p >= pairs[k].Drop : p >= pairs[k].Add)) continue;
                        found[i][f, k]++;
                        if (gold) tp[i][f, k]++;
                    }
                }
            }
        var weight = options.ShortfallWeight;
        double Objective(int[] choice)
        {
            var sum = 0.0;
            for (var i = 0; i < stories.Count; i++)
            {
                int t = 0, fo = 0, l = 0, shortfall = 0;
                for (var f = 0; f < n; f++)
                {
                    t += tp[i][f, choice[f]]; fo += found[i][f, choice[f]]; l += labelled[i][f];
                    shortfall += Math.Max(0, Math.Min(ruled[i][f], labelled[i][f]) - found[i][f, choice[f]]);
                }
                sum += (fo + l == 0 ? 0 : 2.0 * t / (fo + l)) - (l == 0 ? 0 : weight * shortfall / l);
            }
            return sum / stories.Count;
        }
        var choice = new int[n];
        var best = double.NegativeInfinity;
        for (var k = 0; k < pairs.Length; k++)
        {
            var uniform = Enumerable.Repeat(k, n).ToArray();
            if (Objective(uniform) is var f1 && f1 > best + 1e-9) { best = f1; choice = uniform; }
        }
        for (var round = 0; round < 2; round++)
            for (var f = 0; f < n; f++)
            {
                var current = choice[f];
                for (var k = 0; k < pairs.Length; k++)
                {
                    choice[f] = k;
                    if (Objective(choice) is var f1 && f1 > best + 1e-9) { best = f1; current = k; }
                }
                choice[f] = current;
            }
        return ([.. choice.Select(k => pairs[k].Add)], [.. choice.Select(k => pairs[k].Drop)]);
    }

    /// <summary>The story as the hybrid reads it: each scored item's rule mentions passed through the detector.</summary>
    public static List<StoryItem> Rescore(IEnumerable<StoryItem> story, LearnedFactorDetector detector, FactorExtractor extractor, ISentimentScorer? clauseScorer) =>
        story.Select(s =>
        {
            if (s.Scores is null) return s;
            var decision = detector.Decide(s.Item.Text, s.Scores.Factors, extractor, s.Item.Rating, s.Item.Nps, s.Scores.Sentiment.Label, clauseScorer, s.Item.Channel);
            // The drops go with the item as the pipeline stores them, so the matrix here is the report's.
            return s with { Scores = s.Scores with { Factors = decision.Mentions, Dropped = decision.Dropped is { Count: > 0 } d ? d : null } };
        }).ToList();
}
