using System.Collections.Concurrent;
using Listening.Core.Factors;
using Listening.Core.Factors.Learned;
using Listening.Core.Sentiment;
using Listening.Core.Text;

namespace Listening.Core.Feedback;

/// <summary>
/// Scores an item: its language (the item's own when set, else detected), the document sentiment
/// from the injected model (with the item's star rating or NPS answer as evidence: <see cref="AuthorVerdict"/>), and the factor mentions of the brand's taxonomy, each with the
/// sentiment of its own clause (the same model on the clause text, plus opinion words with negation),
/// and whether the document is mixed (<see cref="MixedSentiment"/>: the model on each clause, or factors judged both ways).
/// With a <see cref="LearnedFactorDetector"/> the learned model then decides the factors it knows, given what the
/// rules found (see ml-models/factors/README.md); without one the rules alone decide.
/// Thread-safe when the injected scorer is.
/// </summary>
public sealed class FeedbackScorer(ISentimentScorer sentiment, BrandTaxonomies taxonomies, LearnedFactorDetector? detector = null) : IFeedbackScorer
{
    // One compiled extractor per distinct taxonomy, built on first use.
    private readonly ConcurrentDictionary<FactorTaxonomy, FactorExtractor> extractors = new(ReferenceEqualityComparer.Instance);

    public FeedbackScorer(ISentimentScorer sentiment, FactorTaxonomy taxonomy)
        : this(sentiment, new BrandTaxonomies(taxonomy))
    {
    }

    public FeedbackScores Score(FeedbackItem item)
    {
        var language = !string.IsNullOrWhiteSpace(item.Language) ? item.Language
            : Transliteration.LooksLikeRussian(item.Text) ? LanguageDetector.Russian // Russian in Latin letters
            : LanguageDetector.Detect(item.Text);
        // The item's kind picks the neutral calibration (a mention is a post even without an @handle).
        var reading = Read(item.Text, FeedbackTextKind.For(item.Kind, item.Text), item.Rating, item.Nps, item.CompetitorOf ?? item.Brand, item.Channel);
        var mixed = MixedSentiment.Analyze(sentiment, item.Text, reading.Mentions);
        return new FeedbackScores(language, reading.Document, reading.Mentions, mixed.Mixed, mixed.Clauses, reading.Dropped is { Count: > 0 } d ? d : null);
    }

    /// <summary>
    /// A text read as an item is: the model's own reading (calibrated as <paramref name="textKind"/>, or as the text decides
    /// when null), the factor mentions of <paramref name="brand"/>'s taxonomy (the default one for a brand it does not know), and the document's stance, which also weighs
    /// the author's own score (<see cref="AuthorVerdict"/>); an unrated item keeps the text's reading. <c>listening score</c> reads its
    /// lines through this, so that it and the pipeline cannot disagree. <paramref name="channel"/> is the item's (<see cref="FeedbackItem.Channel"/>),
    /// which a detector trained with channels reads.
    /// </summary>
    public FeedbackReading Read(string text, string? textKind, int? rating, int? nps, string brand, string? channel = null)
    {
        var taxonomy = taxonomies.For(brand);
        var extractor = extractors.GetOrAdd(taxonomy, t => new FactorExtractor(t, sentiment));
        var own = sentiment.Score(text, textKind);
        var document = AuthorVerdict.Combine(own, rating, nps);
        // The detector reads the rules' own words and term matches (FactorExtractor.Read) rather than tokenizing again.
        var decision = detector is null ? new DetectorDecision(extractor.Extract(text, rating, nps), [])
            : detector.Decide(text, extractor.Read(text, rating, nps), taxonomy, rating, nps, document.Label, sentiment, channel);
        // The clauses that judge an unrated item's factors are not weighed in: they are the same model's reading, and
        // weighing them (rounds 8–9) lowered macro-F1 on 9 of 11 honest test splits of real feedback (sentiment card, round 10).
        return new FeedbackReading(own, decision.Mentions, document) { Dropped = decision.Dropped };
    }
}

/// <summary>What <see cref="FeedbackScorer.Read"/> finds: the text's own reading, its mentions and the document's stance.</summary>
public sealed record FeedbackReading(SentimentScore Text, IReadOnlyList<FactorMention> Mentions, SentimentScore Document)
{
    /// <summary>The rules' mentions the learned detector dropped (<see cref="DetectorDecision.Dropped"/>); none without one.</summary>
    public IReadOnlyList<FactorMention> Dropped { get; init; } = [];
}
