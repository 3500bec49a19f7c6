using System.Collections.Concurrent;
using Listening.Core.Factors;
using Listening.Core.Sentiment;
using Listening.Core.Text;

namespace Listening.Core.Feedback;

/// <summary>
/// Scores an item: its language (the item's own when set, else detected), the document sentiment
/// from the injected model (with the item's star rating or NPS answer, or else its judged clauses, as evidence: <see cref="DocumentStance"/>), and the factor mentions of the brand's taxonomy, each with the
/// sentiment of its own clause (the same model on the clause text, plus opinion words with negation),
/// and whether the document is mixed (<see cref="MixedSentiment"/>: the model on each clause).
/// Thread-safe when the injected scorer is.
/// </summary>
public sealed class FeedbackScorer(ISentimentScorer sentiment, BrandTaxonomies taxonomies) : IFeedbackScorer
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
        var taxonomy = taxonomies.For(item.CompetitorOf ?? item.Brand);
        var extractor = extractors.GetOrAdd(taxonomy, t => new FactorExtractor(t, sentiment));
        var mixed = MixedSentiment.Analyze(sentiment, item.Text);
        // The item's kind picks the neutral calibration (a mention is a post even without an @handle).
        var text = sentiment.Score(item.Text, FeedbackTextKind.For(item.Kind, item.Text));
        var mentions = extractor.Extract(item.Text, item.Rating, item.Nps);
        // The document's stance also weighs the author's own score, or else its judged clauses (DocumentStance).
        var document = DocumentStance.Of(text, mentions, item.Rating, item.Nps, item.Text);
        return new FeedbackScores(language, document, mentions, mixed.Mixed, mixed.Clauses);
    }
}
