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
    public static List<FactorExample> Examples(IEnumerable<StoryItem> story) =>
        story.Where(s => s.Scores is not null && !s.Label.Spam)
            .Select(s => new FactorExample(
                FactorFeatures.Of(s.Item.Text, WordTokenizer.Tokenize(s.Item.Text, symbols: true), s.Scores!.Factors, s.Item.Rating, s.Item.Nps),
                s.Label.Factors.Select(f => f.Factor).ToHashSet(StringComparer.Ordinal)))
            .ToList();

    /// <summary>The examples of every story but <paramref name="heldOut"/>, in story order.</summary>
    public static List<FactorExample> TrainingFor(IReadOnlyList<IReadOnlyList<FactorExample>> stories, int heldOut) =>
        stories.Where((_, i) => i != heldOut).SelectMany(s => s).ToList();

    /// <summary>The model that scores story <paramref name="heldOut"/>: trained on all the others.</summary>
    public static FactorDetectorModel ModelFor(IReadOnlyList<IReadOnlyList<FactorExample>> stories, int heldOut, IReadOnlyList<string> factors, FactorTraining? options = null) =>
        FactorDetectorTrainer.Train(TrainingFor(stories, heldOut), factors, options);

    /// <summary>The story as the hybrid reads it: each scored item's rule mentions passed through the detector.</summary>
    public static List<StoryItem> Rescore(IEnumerable<StoryItem> story, LearnedFactorDetector detector, FactorTaxonomy taxonomy, ISentimentScorer? clauseScorer) =>
        story.Select(s => s.Scores is null ? s : s with
        {
            Scores = s.Scores with
            {
                Factors = detector.Apply(s.Item.Text, s.Scores.Factors, taxonomy, s.Item.Rating, s.Item.Nps, s.Scores.Sentiment.Label, clauseScorer),
            },
        }).ToList();
}
